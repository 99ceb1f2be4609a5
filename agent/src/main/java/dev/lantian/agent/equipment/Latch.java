package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A debounced condition on raw samples: it flips only after the new value held for {@code dwell}, and
 * the flip is dated at the first sample that showed it. Mutable; persisted through
 * {@link MonitorSnapshot.LatchState} while not {@link #idle()}.
 */
final class Latch {
    private boolean active;
    private Boolean lastCondition;
    private Instant pendingSince;

    /** Returns the instant of a flip, if this observation completes one. */
    Optional<Instant> update(boolean condition, Instant t, Duration dwell) {
        lastCondition = condition;
        if (condition == active) {
            pendingSince = null;
            return Optional.empty();
        }
        if (pendingSince == null) {
            pendingSince = t;
        }
        if (!t.isBefore(pendingSince.plus(dwell))) {
            active = condition;
            Instant at = pendingSince;
            pendingSince = null;
            return Optional.of(at);
        }
        return Optional.empty();
    }

    /** Re-judges the last condition at a later time (a tick), so a flip completes without a new sample. */
    Optional<Instant> recheck(Instant t, Duration dwell) {
        return lastCondition == null ? Optional.empty() : update(lastCondition, t, dwell);
    }

    boolean active() {
        return active;
    }

    /** Inactive with nothing pending: indistinguishable from a new latch, so not worth saving. */
    boolean idle() {
        return !active && pendingSince == null;
    }

    MonitorSnapshot.LatchState snapshot() {
        return new MonitorSnapshot.LatchState(active, lastCondition, pendingSince);
    }

    void restore(MonitorSnapshot.LatchState s) {
        active = s.active();
        lastCondition = s.lastCondition();
        pendingSince = s.pendingSince();
    }
}
