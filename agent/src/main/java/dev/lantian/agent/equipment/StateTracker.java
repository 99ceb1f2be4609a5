package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides one unit's state from its primary channel (power, else the highest phase current, else the
 * contact) with hysteresis and a minimum dwell.
 *
 * <p>Dating: a candidate state must hold {@code min_dwell} before it is taken, and the change is then
 * dated at the moment the candidate began (the first sample that showed it), so events are exact to
 * the sample although they are confirmed {@code min_dwell} later. Staleness: with no primary sample for
 * {@code stale_after}, the candidate is UNKNOWN from last sample + stale_after.
 *
 * <p>Usable flags: only N and T (above range: the unit certainly draws power) give a state; B, D, F
 * (no trustworthy reading), and M, C, S (meter in maintenance, calibrating, or a hand-set value, which
 * cannot prove the unit ran) give UNKNOWN.
 */
final class StateTracker {
    private final EquipmentSettings settings;
    private final String primaryChannel;
    private EquipmentState state = EquipmentState.UNKNOWN;
    private Instant since;
    private EquipmentState candidate;
    private Instant candidateSince;
    private Instant lastSampleTime;
    private double lastValue = Double.NaN;
    private boolean lastUsable;
    private Instant evaluatedAt;
    private final double[] phaseCurrents;

    StateTracker(EquipmentSettings settings, Instant start) {
        this.settings = settings;
        MeasuredBy m = settings.measuredBy();
        // null: the phase currents are primary together (their maximum counts)
        this.primaryChannel = m.power().isPresent() ? m.power().get() : m.currents().isEmpty() ? m.contact().orElseThrow() : null;
        this.phaseCurrents = new double[m.currents().size()];
        this.since = start;
        this.evaluatedAt = start;
        this.lastSampleTime = start;
    }

    static boolean usable(Sample s) {
        return s.hasValue() && (s.flag() == QualityFlag.N || s.flag() == QualityFlag.T);
    }

    boolean isPrimary(String channel) {
        return primaryChannel == null ? settings.measuredBy().currents().contains(channel) : primaryChannel.equals(channel);
    }

    /**
     * Feeds a sample of the primary channel (or a phase current when current is primary). A sample
     * arriving after a silence longer than stale_after first settles the silence as UNKNOWN, so a gap
     * nobody ticked through (the board was down) is still on record.
     */
    List<StateChange> observe(Sample s) {
        Instant t = s.time().isBefore(evaluatedAt) ? evaluatedAt : s.time();
        List<StateChange> out = new ArrayList<>();
        evaluate(t).ifPresent(out::add);
        if (primaryChannel == null) {
            int i = settings.measuredBy().currents().indexOf(s.channel());
            phaseCurrents[i] = usable(s) ? s.value() : Double.NaN;
            double max = Double.NaN;
            boolean allUsable = true;
            for (double c : phaseCurrents) {
                allUsable &= !Double.isNaN(c);
                max = Double.isNaN(max) || c > max ? c : max;
            }
            lastValue = max;
            lastUsable = allUsable;
        } else {
            lastValue = s.value();
            lastUsable = usable(s);
        }
        lastSampleTime = t;
        evaluate(t).ifPresent(out::add);
        return out;
    }

    Optional<StateChange> evaluate(Instant now) {
        Instant t = now.isBefore(evaluatedAt) ? evaluatedAt : now;
        evaluatedAt = t;
        EquipmentState raw;
        Instant rawSince;
        Instant staleAt = lastSampleTime.plus(settings.state().staleAfter());
        if (!t.isBefore(staleAt)) {
            raw = EquipmentState.UNKNOWN;
            rawSince = staleAt;
        } else if (!lastUsable) {
            raw = EquipmentState.UNKNOWN;
            rawSince = lastSampleTime;
        } else {
            raw = classify(lastValue);
            rawSince = lastSampleTime;
        }
        if (raw == state) {
            candidate = null;
            candidateSince = null;
        } else if (raw != candidate) {
            candidate = raw;
            candidateSince = rawSince;
        }
        if (candidate != null && !t.isBefore(candidateSince.plus(settings.state().minDwell()))) {
            StateChange c = new StateChange(settings.id(), candidateSince, state, candidate);
            state = candidate;
            since = candidateSince;
            candidate = null;
            candidateSince = null;
            return Optional.of(c);
        }
        return Optional.empty();
    }

    private EquipmentState classify(double v) {
        StateThresholds th = settings.state();
        if (primaryChannel != null && settings.measuredBy().contact().filter(primaryChannel::equals).isPresent()) {
            return v >= 0.5 ? EquipmentState.RUNNING : EquipmentState.OFF;
        }
        // Hysteresis: the band between running_below and running_above keeps whatever side we are on.
        EquipmentState side = candidate != null ? candidate : state;
        boolean running = side.isRunning() ? v >= th.runningBelow() : v >= th.runningAbove();
        if (running) {
            return v < th.lowLoadShare() * settings.ratedPower() ? EquipmentState.LOW_LOAD : EquipmentState.RUNNING;
        }
        return v > th.standbyAbove() ? EquipmentState.STANDBY : EquipmentState.OFF;
    }

    /** Before this instant no change of this unit can still be dated: its pending candidate's start, or now. */
    Instant settledUntil() {
        return candidate != null ? candidateSince : evaluatedAt;
    }

    EquipmentState state() {
        return state;
    }

    Instant since() {
        return since;
    }

    String id() {
        return settings.id();
    }

    /** Moves the unit's notion of "last heard" and "pending since" by a clock step, so the step itself reads as neither silence nor dwell. */
    void shift(java.time.Duration delta) {
        lastSampleTime = lastSampleTime.plus(delta);
        evaluatedAt = evaluatedAt.plus(delta);
        if (candidateSince != null) {
            candidate = null;
            candidateSince = null;
        }
    }

    MonitorSnapshot.Tracker snapshot() {
        return new MonitorSnapshot.Tracker(settings.id(), state, since, candidate, candidateSince, lastSampleTime,
                Double.isNaN(lastValue) ? null : lastValue, lastUsable, evaluatedAt);
    }

    void restore(MonitorSnapshot.Tracker s) {
        state = s.state();
        since = s.since();
        candidate = s.candidate();
        candidateSince = s.candidateSince();
        lastSampleTime = s.lastSampleTime();
        lastValue = s.lastValue() == null ? Double.NaN : s.lastValue();
        lastUsable = s.lastUsable();
        evaluatedAt = s.evaluatedAt();
        java.util.Arrays.fill(phaseCurrents, lastValue);
    }
}
