package dev.lantian.agent.equipment;

import dev.lantian.agent.equipment.MonitorSnapshot.SampleRecord;
import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.tinylog.Logger;

/**
 * The equipment stage: raw samples, alert commands and time ticks in; unit states, state changes and
 * events out (to a {@link MonitorSink}). Every public method is synchronized, so the console may read
 * {@link #currentView()} from its own thread; the sink is called on the caller's thread, under the lock.
 *
 * <p>Ordering: a state change is confirmed {@code min_dwell} after it began and dated at its start, so
 * changes of different units are confirmed out of order. They are held back until no unit can still
 * produce an earlier one (the "settled" instant: the oldest pending candidate, else the last
 * evaluation), then released in time order to the sink, the run-time ledger and the timeline rules.
 * Tamper and emergency limits read raw samples directly and need no such wait. Call {@link #tick}
 * regularly (e.g. every second): it confirms dwell, staleness, grace and calendar expiries when no
 * sample arrives.
 */
public final class EquipmentMonitor {
    static final Duration EVIDENCE_MARGIN = Duration.ofMinutes(30);
    private final MonitorSettings settings;
    private final MonitorSink sink;
    private final Map<String, List<EquipmentSettings>> byChannel = new HashMap<>();
    private final Map<String, StateTracker> trackers = new LinkedHashMap<>();
    private final PriorityQueue<StateChange> pending = new PriorityQueue<>(Comparator.comparing(StateChange::time));
    private final Timeline timeline = new Timeline();
    private final AlertHistory alerts = new AlertHistory();
    private final EvidenceBuffer evidence;
    private final EventBook book;
    private final TimelineRules rules;
    private final EmergencyLimitWatch limits;
    private final TamperWatch tamper;
    private final RunTimeLedger ledger;
    private Instant now;
    private Instant settled;
    private TimelineRules.Evaluation lastEvaluation;

    public EquipmentMonitor(MonitorSettings settings, MonitorSink sink, Instant start) {
        this.settings = settings;
        this.sink = sink;
        this.now = start;
        this.settled = start;
        for (EquipmentSettings e : settings.equipment()) {
            trackers.put(e.id(), new StateTracker(e, start));
            e.measuredBy().all().forEach(c -> byChannel.computeIfAbsent(c, k -> new ArrayList<>()).add(e));
        }
        this.evidence = new EvidenceBuffer(settings.evidenceBefore().plus(settings.evidenceAfter()).plus(EVIDENCE_MARGIN));
        this.book = new EventBook(evidence, settings.evidenceBefore(), settings.evidenceAfter(), sink);
        this.rules = new TimelineRules(settings, timeline, alerts);
        this.limits = new EmergencyLimitWatch(settings, alerts, book);
        this.tamper = new TamperWatch(settings, book, start);
        this.ledger = new RunTimeLedger(settings.zone());
        this.lastEvaluation = rules.evaluate(start);
    }

    /**
     * Continues from a snapshot: open events keep their ids and are neither lost nor emitted again.
     * The raw samples the snapshot does not carry are read back from {@code recent} (the store): the
     * evidence buffer for its retention before {@code savedAt}, the emergency compliance windows, and
     * the evidence samples of the restored events. With {@link RecentSamples#NONE} they restart empty.
     */
    public static EquipmentMonitor restore(MonitorSettings settings, MonitorSink sink, MonitorSnapshot s,
                                           RecentSamples recent) {
        EquipmentMonitor m = new EquipmentMonitor(settings, sink, s.settled());
        m.now = s.now();
        m.alerts.restore(s.alerts());
        for (MonitorSnapshot.Tracker t : s.trackers()) {
            StateTracker tr = m.trackers.get(t.equipment());
            if (tr != null) {
                tr.restore(t);
            }
        }
        m.pending.addAll(s.pending());
        m.timeline.restore(s.timeline());
        Duration back = m.evidence.retention().compareTo(settings.emergency().complianceWindow()) >= 0
                ? m.evidence.retention() : settings.emergency().complianceWindow();
        List<Sample> kept = recent.between(m.byChannel.keySet(), s.savedAt().minus(back), s.savedAt());
        m.evidence.restore(kept);
        m.limits.rebuild(kept, s.savedAt());
        m.book.restore(withStoredEvidence(s.openEvents(), recent), withStoredEvidence(s.awaitingEvidence(), recent),
                s.lastStarts());
        m.tamper.restore(s.lastGood(), s.latches(), s.latestSamples().stream().map(SampleRecord::toSample).toList());
        m.limits.restoreBaselines(s.baselines());
        m.ledger.restore(s.runMillis(), s.runningSince());
        m.lastEvaluation = m.rules.evaluate(m.settled);
        return m;
    }

    /** The saved events with the samples of their evidence window read back from the store. */
    private static List<EquipmentEvent> withStoredEvidence(List<EventRecord> saved, RecentSamples recent) {
        List<EquipmentEvent> out = new ArrayList<>();
        for (EventRecord r : saved) {
            EquipmentEvent e = r.toEvent();
            Evidence ev = e.evidence();
            List<Sample> samples = new ArrayList<>(recent.between(ev.channels(), ev.from(), ev.to()));
            samples.sort(Comparator.comparing(Sample::time).thenComparing(Sample::channel));
            out.add(e.withCore(e.core().withEvidence(new Evidence(ev.channels(), ev.from(), ev.to(), samples, ev.complete()))));
        }
        return out;
    }

    public synchronized void onSample(Sample s) {
        advanceNow(s.time());
        List<EquipmentSettings> units = byChannel.get(s.channel());
        if (units == null) {
            return;
        }
        evidence.add(s);
        for (EquipmentSettings eq : units) {
            StateTracker tracker = trackers.get(eq.id());
            if (tracker.isPrimary(s.channel())) {
                pending.addAll(tracker.observe(s));
            }
            tamper.onSample(eq, s, now);
            if (eq.measuredBy().power().filter(s.channel()::equals).isPresent()) {
                limits.onPower(eq, s, tracker.state(), now);
            }
        }
        // Every sample also serves as a tick, so a replay that only feeds samples still sees silent
        // meters go stale and graces expire.
        tick(now);
    }

    /**
     * Lets time pass without a sample: confirms dwell, staleness, meter loss, grace and calendar
     * expiries. Call it about once a second when samples may be sparse.
     */
    public synchronized void tick(Instant t) {
        advanceNow(t);
        for (StateTracker tr : trackers.values()) {
            tr.evaluate(now).ifPresent(pending::add);
        }
        tamper.tick(now);
        settle();
        book.advance(now);
    }

    /** An alert level command from the bureau or the local console, effective at {@code at}. */
    public synchronized void setAlertLevel(AlertLevel level, AlertSource source, Instant at) {
        advanceNow(at);
        Logger.info("alert level {} set by {} at {}", level, source, at);
        alerts.add(new AlertChange(at, level, source));
        limits.onAlertChange(at, now);
        lastEvaluation = rules.evaluate(settled);
        settle();
    }

    /**
     * At start-up: a heartbeat older than {@code power_loss_after} means the board was down; the gap is
     * reported as a closed {@link PowerLoss}. Its start is the heartbeat, so a second call with the same
     * heartbeat (e.g. after a restore) is deduplicated. The meters count as heard at start-up, so the
     * board's own downtime is not also reported as meter loss; the units' states over the gap are UNKNOWN.
     */
    public synchronized void onStart(Optional<Instant> lastHeartbeat, Instant startedAt) {
        advanceNow(startedAt);
        lastHeartbeat.filter(hb -> Duration.between(hb, startedAt).compareTo(settings.tamper().powerLossAfter()) >= 0)
                .ifPresent(hb -> {
                    tamper.boardWasDown(startedAt);
                    EventCore core = EventCore.open(PowerLoss.RULE, PowerLoss.RULE, PowerLoss.BOARD, hb, Severity.WARNING,
                            "board down from " + settings.local(hb) + " to " + settings.local(startedAt) + " (" + Duration.between(hb, startedAt) + ")", List.of());
                    book.open(new PowerLoss(core.withEnd(startedAt)), now);
                });
    }

    /**
     * The board's clock was stepped (NTP, a bureau time command, a technician). Reported as a
     * {@link ClockStep}; "last heard" times move with the step so it reads as neither silence nor a
     * long dwell. Settled history is never rewritten: after a backward step, changes are dated no
     * earlier than what was already settled until the clock catches up.
     */
    public synchronized void onClockStep(Instant before, Instant after) {
        Duration delta = Duration.between(before, after);
        Logger.warn("clock stepped from {} to {} ({})", before, after, delta);
        for (StateTracker tr : trackers.values()) {
            tr.shift(delta);
        }
        tamper.shift(delta);
        now = after;
        EventCore core = EventCore.open(ClockStep.RULE + "@" + before, ClockStep.RULE, PowerLoss.BOARD, after, Severity.WARNING,
                "clock stepped by " + delta + " from " + settings.local(before) + " to " + settings.local(after), List.of());
        book.record(new ClockStep(core.withEnd(after), before, after), now);
    }

    private void advanceNow(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    private void settle() {
        Instant h = now;
        for (StateTracker tr : trackers.values()) {
            Instant s = tr.settledUntil();
            if (s.isBefore(h)) {
                h = s;
            }
        }
        final Instant horizon = h.isBefore(settled) ? settled : h;
        while (true) {
            Instant next = null;
            if (!pending.isEmpty() && !pending.peek().time().isAfter(horizon)) {
                next = pending.peek().time();
            }
            Optional<Instant> deadline = lastEvaluation.nextDeadline().filter(d -> !d.isAfter(horizon));
            if (deadline.isPresent() && (next == null || deadline.get().isBefore(next))) {
                next = deadline.get();
            }
            if (next == null) {
                break;
            }
            if (next.isBefore(settled)) {
                next = settled;
            }
            while (!pending.isEmpty() && !pending.peek().time().isAfter(next)) {
                release(pending.poll());
            }
            evaluateAt(next);
        }
        evaluateAt(horizon);
    }

    private void release(StateChange c) {
        StateChange dated = c.time().isBefore(settled) ? new StateChange(c.equipment(), settled, c.from(), c.to()) : c;
        timeline.add(dated);
        ledger.onChange(dated);
        sink.onStateChange(dated);
    }

    private void evaluateAt(Instant t) {
        lastEvaluation = rules.evaluate(t);
        book.sync(TimelineRules::family, lastEvaluation.active(), t, now);
        settled = t;
    }

    /** Hours the unit ran (RUNNING or LOW_LOAD) on the given site-local day, as settled so far. */
    public synchronized double runHours(String equipment, LocalDate day) {
        return ledger.hours(equipment, day, settled);
    }

    /** Run hours of every unit on the given site-local day (HJ 212 SBn-RT), in configuration order. */
    public synchronized Map<String, Double> dailyRunHours(LocalDate day) {
        Map<String, Double> out = new LinkedHashMap<>();
        settings.equipment().forEach(e -> out.put(e.id(), runHours(e.id(), day)));
        return out;
    }

    /** The unit's settled state now. */
    public synchronized EquipmentState state(String equipment) {
        return timeline.stateAt(equipment, settled);
    }

    public synchronized MonitorView currentView() {
        LocalDate today = settled.atZone(settings.zone()).toLocalDate();
        List<MonitorView.Unit> units = new ArrayList<>();
        for (EquipmentSettings e : settings.equipment()) {
            Instant since = timeline.changeAt(e.id(), settled).map(StateChange::time).orElse(null);
            units.add(new MonitorView.Unit(e.id(), e.name(), e.role(), state(e.id()), since, runHours(e.id(), today)));
        }
        Optional<AlertChange> alert = alerts.latest();
        return new MonitorView(now, settled, units, book.openEvents(), alert.map(AlertChange::level).orElse(AlertLevel.NONE), alert);
    }

    public synchronized MonitorSnapshot snapshot(Instant savedAt) {
        return new MonitorSnapshot(MonitorSnapshot.VERSION, savedAt, now, settled, alerts.all(),
                trackers.values().stream().map(StateTracker::snapshot).toList(), List.copyOf(pending), timeline.all(),
                book.openEvents().stream().map(EventRecord::of).toList(),
                book.closedAwaitingEvidence().stream().map(EventRecord::of).toList(), book.lastStarts(),
                tamper.latestSamples().stream().map(SampleRecord::of).toList(), tamper.lastGood(), tamper.latches(),
                limits.learnersSnapshot(), ledger.snapshot(), ledger.runningSince());
    }
}
