package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Judges "limit" actions on raw power: the mean of the usable samples of the trailing compliance window
 * against max_share × baseline. A unit is judged only once a whole window has passed since the alert
 * level changed (the window is also its time to ramp down). The event starts at the sample at which the
 * mean first exceeds and ends at the sample at which it complies again, or when the level changes.
 * Baseline: configured {@code baseline_power}, else learnt, else (nothing learnt yet) the rated power,
 * which the event detail then says. The windows are raw power samples, so they are not in the snapshot:
 * after a restart they are rebuilt from the store ({@link #rebuild}).
 */
final class EmergencyLimitWatch {
    private record PowerPoint(Instant time, double value) {
    }

    private final MonitorSettings settings;
    private final AlertHistory alerts;
    private final EventBook book;
    private final Map<String, Deque<PowerPoint>> windows = new HashMap<>();
    private final Map<String, BaselineLearner> learners = new HashMap<>();

    EmergencyLimitWatch(MonitorSettings settings, AlertHistory alerts, EventBook book) {
        this.settings = settings;
        this.alerts = alerts;
        this.book = book;
        for (EquipmentSettings e : settings.equipment()) {
            if (e.role() == EquipmentRole.PRODUCTION) {
                windows.put(e.id(), new ArrayDeque<>());
                learners.put(e.id(), new BaselineLearner(settings.emergency().baselineLearnDays()));
            }
        }
    }

    void onPower(EquipmentSettings eq, Sample s, EquipmentState state, Instant now) {
        Deque<PowerPoint> w = windows.get(eq.id());
        if (w == null || !StateTracker.usable(s)) {
            return;
        }
        if (state == EquipmentState.RUNNING) {
            learners.get(eq.id()).add(s.time(), s.value());
        }
        w.addLast(new PowerPoint(s.time(), s.value()));
        Instant from = s.time().minus(settings.emergency().complianceWindow());
        while (!w.isEmpty() && !w.peekFirst().time().isAfter(from)) {
            w.removeFirst();
        }
        String key = EmergencyNonCompliance.LIMIT + ":" + eq.id();
        Optional<AlertChange> alert = alerts.at(s.time());
        Optional<EmergencyAction> limit = alert.flatMap(a -> settings.emergency().actions(a.level()).stream()
                .filter(x -> x.equipment().equals(eq.id()) && x.action() == EmergencyAction.Kind.LIMIT).findFirst());
        if (limit.isEmpty() || s.time().isBefore(alert.get().time().plus(settings.emergency().complianceWindow()))) {
            return;
        }
        double mean = w.stream().mapToDouble(PowerPoint::value).average().orElse(0);
        OptionalDouble learnt = baseline(eq);
        double base = learnt.orElse(eq.ratedPower());
        double max = limit.get().maxShare() * base;
        if (mean > max) {
            String detail = String.format("%s mean %.1f over %s above %.1f (%.0f%% of %s %.1f) during %s alert (%s)",
                    eq.id(), mean, settings.emergency().complianceWindow(), max, limit.get().maxShare() * 100,
                    learnt.isPresent() ? "baseline" : "rated power", base, alert.get().level(), alert.get().source());
            EventCore core = EventCore.open(key, EmergencyNonCompliance.LIMIT, eq.id(), s.time(), Severity.ALARM, detail,
                    eq.measuredBy().all());
            book.open(new EmergencyNonCompliance(core, alert.get().level(), EmergencyAction.Kind.LIMIT), now);
        } else {
            book.close(key, s.time(), now);
        }
    }

    /** An alert level change ends every limit judgement in force. */
    void onAlertChange(Instant at, Instant now) {
        book.closeAll(r -> r.equals(EmergencyNonCompliance.LIMIT), at, now);
    }

    OptionalDouble baseline(EquipmentSettings eq) {
        if (eq.baselinePower().isPresent()) {
            return eq.baselinePower();
        }
        BaselineLearner l = learners.get(eq.id());
        return l == null ? OptionalDouble.empty() : l.baseline();
    }

    /** Refills every window with the usable power samples of the compliance window up to {@code at}. */
    void rebuild(List<Sample> samples, Instant at) {
        Instant from = at.minus(settings.emergency().complianceWindow());
        for (EquipmentSettings e : settings.equipment()) {
            Deque<PowerPoint> w = windows.get(e.id());
            if (w == null || e.measuredBy().power().isEmpty()) {
                continue;
            }
            String channel = e.measuredBy().power().get();
            w.clear();
            samples.stream().filter(s -> s.channel().equals(channel) && StateTracker.usable(s)
                            && s.time().isAfter(from) && !s.time().isAfter(at))
                    .sorted(Comparator.comparing(Sample::time))
                    .forEach(s -> w.addLast(new PowerPoint(s.time(), s.value())));
        }
    }

    Map<String, MonitorSnapshot.Baseline> learnersSnapshot() {
        Map<String, MonitorSnapshot.Baseline> m = new HashMap<>();
        learners.forEach((k, v) -> m.put(k, v.snapshot()));
        return m;
    }

    void restoreBaselines(Map<String, MonitorSnapshot.Baseline> l) {
        l.forEach((k, v) -> {
            if (learners.containsKey(k)) {
                learners.get(k).restore(v);
            }
        });
    }
}
