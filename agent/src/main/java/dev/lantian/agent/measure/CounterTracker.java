package dev.lantian.agent.measure;

/**
 * Turns successive counter readings (energy) into increases. A reading lower than the previous one is
 * a rollover (previous near the modulus, current near zero: the wrap is credited), a reset (current
 * near zero: counted from zero) or a discontinuity (credited nothing). Never negative, never a wrap's
 * worth of phantom energy.
 */
final class CounterTracker {
    /** A drop this small relative to the reading is float noise in a scaled register, not an event. */
    private static final double JITTER = 1e-9;

    private final double rollover;
    private double previous = Double.NaN;
    private CounterEvent.Kind lastKind;
    private double eventPrevious = Double.NaN;

    CounterTracker(double rollover) {
        this.rollover = rollover;
    }

    /** The increase since the previous reading; {@link #lastKind()} tells whether it was an event. */
    double credit(double current) {
        lastKind = null;
        double prev = previous;
        previous = current;
        if (Double.isNaN(prev)) {
            return 0.0;
        }
        double delta = current - prev;
        if (delta >= 0) {
            return delta;
        }
        if (-delta <= JITTER * Math.max(1.0, Math.abs(prev))) {
            previous = prev;
            return 0.0;
        }
        eventPrevious = prev;
        if (!Double.isNaN(rollover) && prev >= 0.9 * rollover && current <= 0.1 * rollover) {
            lastKind = CounterEvent.Kind.ROLLOVER;
            return rollover - prev + current;
        }
        if (current >= 0 && current <= 0.01 * prev) {
            lastKind = CounterEvent.Kind.RESET;
            return current;
        }
        lastKind = CounterEvent.Kind.DISCONTINUITY;
        return 0.0;
    }

    /** The reading before the last event (meaningful when {@link #lastKind()} is not null). */
    double eventPrevious() {
        return eventPrevious;
    }

    CounterEvent.Kind lastKind() {
        return lastKind;
    }
}
