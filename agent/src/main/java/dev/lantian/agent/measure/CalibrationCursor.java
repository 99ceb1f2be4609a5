package dev.lantian.agent.measure;

/**
 * Per-sample calibration lookup without allocation: remembers the entry in force and the instant
 * (epoch nanoseconds) at which the next one starts, so the common case is one comparison.
 */
final class CalibrationCursor {
    private final long[] from;
    private final Calibration[] calibrations;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    private Calibration current = Calibration.IDENTITY;

    CalibrationCursor(CalibrationHistory history) {
        int n = history.entries().size();
        from = new long[n];
        calibrations = new Calibration[n];
        for (int i = 0; i < n; i++) {
            CalibrationHistory.Entry e = history.entries().get(i);
            from[i] = Times.toNanosSaturated(e.effectiveFrom());
            calibrations[i] = e.calibration();
        }
    }

    double apply(long timeNanos, double raw) {
        if (timeNanos < validFrom || timeNanos >= validUntil) {
            seek(timeNanos);
        }
        return current.apply(raw);
    }

    private void seek(long t) {
        current = Calibration.IDENTITY;
        validFrom = Long.MIN_VALUE;
        validUntil = from.length > 0 ? from[0] : Long.MAX_VALUE;
        for (int i = 0; i < from.length && from[i] <= t; i++) {
            current = calibrations[i];
            validFrom = from[i];
            validUntil = i + 1 < from.length ? from[i + 1] : Long.MAX_VALUE;
        }
    }
}
