package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules that read settled states only: treatment linkage, emergency stop and staggered production.
 * Each is a function of the timeline at an instant: {@link #evaluate} says what is violated at {@code t}
 * (with starts computed from the history, so they are exact however late the evaluation runs) and the
 * next instant at which a verdict can change without any new input (a grace or lag expiring, a
 * calendar boundary, an alert's ramp-down time ending).
 *
 * <p>Start conventions: a tolerance that is part of the rule (linkage grace, the emergency compliance
 * window) moves the start to the moment the rule is broken; late start and early stop cover the part of
 * the required lead/lag window in which the treatment was not running. "Not running" for the grace
 * rule is OFF/STANDBY (an UNKNOWN treatment is reported as meter loss instead); lead and lag need the
 * treatment proven running. A production start out of UNKNOWN (e.g. the board's first sample) is not
 * judged for lead time, since its true start is not known.
 */
final class TimelineRules {
    record Evaluation(List<EquipmentEvent> active, Optional<Instant> nextDeadline) {
    }

    private static final Predicate<EquipmentState> RUNNING = EquipmentState::isRunning;
    private static final Predicate<EquipmentState> NOT_RUNNING = s -> !s.isRunning();
    private static final Predicate<EquipmentState> STOPPED = EquipmentState::isStopped;

    private final MonitorSettings settings;
    private final Timeline timeline;
    private final AlertHistory alerts;

    TimelineRules(MonitorSettings settings, Timeline timeline, AlertHistory alerts) {
        this.settings = settings;
        this.timeline = timeline;
        this.alerts = alerts;
    }

    static boolean family(String rule) {
        return rule.startsWith("linkage.") || rule.equals(EmergencyNonCompliance.STOP) || rule.equals(StaggeredViolation.RULE);
    }

    Evaluation evaluate(Instant t) {
        List<EquipmentEvent> active = new ArrayList<>();
        List<Instant> deadlines = new ArrayList<>();
        for (LinkageSettings l : settings.linkage()) {
            for (String tr : l.treatment()) {
                linkage(l, tr, t, active, deadlines);
            }
        }
        emergencyStop(t, active, deadlines);
        staggered(t, active, deadlines);
        Optional<Instant> next = deadlines.stream().filter(d -> d.isAfter(t)).min(Instant::compareTo);
        return new Evaluation(active, next);
    }

    private void linkage(LinkageSettings l, String tr, Instant t, List<EquipmentEvent> active, List<Instant> deadlines) {
        String p = l.production();
        EquipmentState ps = timeline.stateAt(p, t);
        EquipmentState ts = timeline.stateAt(tr, t);
        List<String> channels = channels(p, tr);
        if (ps.isRunning() && ts.isStopped()) {
            Instant c0 = later(timeline.episodeStartTime(p, t, RUNNING), timeline.episodeStartTime(tr, t, STOPPED));
            Instant start = c0.plus(l.grace());
            if (!t.isBefore(start)) {
                active.add(linkageEvent(LinkageViolation.NOT_RUNNING, tr, p, start, Severity.ALARM,
                        tr + " " + ts + " while " + p + " runs (grace " + l.grace() + ")", channels));
            } else {
                deadlines.add(start);
            }
        }
        if (ps.isRunning() && ts == EquipmentState.LOW_LOAD) {
            Instant start = later(timeline.episodeStartTime(p, t, RUNNING),
                    timeline.episodeStartTime(tr, t, s -> s == EquipmentState.LOW_LOAD));
            active.add(linkageEvent(LinkageViolation.LOW_LOAD, tr, p, start, Severity.WARNING,
                    tr + " at low load while " + p + " runs", channels));
        }
        if (ps.isRunning()) {
            lateStart(l, tr, t, channels, active);
        }
        if (ps.isStopped()) {
            Optional<StateChange> stop = timeline.episodeStart(p, t, STOPPED);
            if (stop.isPresent() && stop.get().from().isRunning()) {
                Instant pe = stop.get().time();
                Instant lagEnd = pe.plus(l.lag());
                if (t.isBefore(lagEnd)) {
                    deadlines.add(lagEnd);
                    if (!ts.isRunning()) {
                        Instant start = later(pe, timeline.episodeStartTime(tr, t, NOT_RUNNING));
                        active.add(linkageEvent(LinkageViolation.EARLY_STOP, tr, p, start, Severity.ALARM,
                                tr + " not running within " + l.lag() + " after " + p + " stopped at " + settings.local(pe), channels));
                    }
                }
            }
        }
    }

    private void lateStart(LinkageSettings l, String tr, Instant t, List<String> channels, List<EquipmentEvent> active) {
        String p = l.production();
        Optional<StateChange> startChange = timeline.episodeStart(p, t, RUNNING);
        if (startChange.isEmpty() || startChange.get().from() == EquipmentState.UNKNOWN) {
            return;
        }
        Instant ps = startChange.get().time();
        Instant required = ps.minus(l.lead());
        String detail = tr + " not running " + l.lead() + " before " + p + " started at " + settings.local(ps);
        if (timeline.stateAt(tr, ps).isRunning()) {
            Optional<StateChange> run = timeline.episodeStart(tr, ps, RUNNING);
            if (run.isEmpty() || run.get().from() == EquipmentState.UNKNOWN || !run.get().time().isAfter(required)) {
                return;
            }
            Instant rs = run.get().time();
            Instant gap = later(required, timeline.episodeStartTime(tr, rs.minusNanos(1), NOT_RUNNING));
            active.add(closed(linkageEvent(LinkageViolation.LATE_START, tr, p, gap, Severity.WARNING, detail, channels), rs));
            return;
        }
        Instant gap = later(required, timeline.episodeStartTime(tr, ps, NOT_RUNNING));
        EquipmentEvent e = linkageEvent(LinkageViolation.LATE_START, tr, p, gap, Severity.WARNING, detail, channels);
        Optional<StateChange> firstRun = timeline.firstChangeInto(tr, ps, t, RUNNING);
        active.add(firstRun.map(c -> closed(e, c.time())).orElse(e));
    }

    private void emergencyStop(Instant t, List<EquipmentEvent> active, List<Instant> deadlines) {
        for (AlertChange c : alerts.all()) {
            deadlines.add(c.time());
            deadlines.add(c.time().plus(settings.emergency().complianceWindow()));
        }
        Optional<AlertChange> now = alerts.at(t);
        if (now.isEmpty()) {
            return;
        }
        AlertChange a = now.get();
        Instant judgedFrom = a.time().plus(settings.emergency().complianceWindow());
        if (t.isBefore(judgedFrom)) {
            return;
        }
        for (EmergencyAction act : settings.emergency().actions(a.level())) {
            if (act.action() != EmergencyAction.Kind.STOP || !timeline.stateAt(act.equipment(), t).isRunning()) {
                continue;
            }
            Instant start = later(judgedFrom, timeline.episodeStartTime(act.equipment(), t, RUNNING));
            String key = EmergencyNonCompliance.STOP + ":" + act.equipment();
            EventCore core = EventCore.open(key, EmergencyNonCompliance.STOP, act.equipment(), start, Severity.ALARM,
                    act.equipment() + " running during " + a.level() + " alert (" + a.source() + "), must stop",
                    channels(act.equipment()));
            active.add(new EmergencyNonCompliance(core, a.level(), EmergencyAction.Kind.STOP));
        }
    }

    private void staggered(Instant t, List<EquipmentEvent> active, List<Instant> deadlines) {
        for (StaggeredPeriod sp : settings.staggered()) {
            Instant from = sp.start(settings.zone());
            Instant to = sp.end(settings.zone());
            deadlines.add(from);
            deadlines.add(to);
            if (t.isBefore(from) || !t.isBefore(to)) {
                continue;
            }
            for (String eq : sp.equipment()) {
                if (timeline.stateAt(eq, t).isRunning()) {
                    Instant start = later(from, timeline.episodeStartTime(eq, t, RUNNING));
                    String key = StaggeredViolation.RULE + ":" + eq;
                    EventCore core = EventCore.open(key, StaggeredViolation.RULE, eq, start, Severity.ALARM,
                            eq + " running in staggered period " + sp.from() + ".." + sp.to() + " " + sp.reason(), channels(eq));
                    active.add(new StaggeredViolation(core, sp.reason()));
                }
            }
        }
    }

    private EquipmentEvent linkageEvent(String rule, String tr, String p, Instant start, Severity sev, String detail, List<String> channels) {
        return new LinkageViolation(EventCore.open(LinkageViolation.key(rule, tr, p), rule, tr, start, sev, detail, channels), p);
    }

    private static EquipmentEvent closed(EquipmentEvent e, Instant end) {
        return e.withCore(e.core().withEnd(end));
    }

    private List<String> channels(String... equipment) {
        List<String> out = new ArrayList<>();
        for (String eq : equipment) {
            settings.find(eq).ifPresent(s -> out.addAll(s.measuredBy().all()));
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
