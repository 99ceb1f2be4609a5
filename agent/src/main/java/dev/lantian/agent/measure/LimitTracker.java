package dev.lantian.agent.measure;

/**
 * One limit of one channel: raised after values stayed above {@code above} for the minimum duration,
 * cleared when a value falls below {@code clearBelow} (hysteresis, so a value hovering at the limit
 * does not flap). A data gap longer than three sampling periods (at least a minute, the smallest
 * statistics unit) restarts a pending exceedance: an exceedance is only as long as it was seen.
 */
final class LimitTracker {
    private final String channel;
    private final ChannelSettings.Limit limit;
    private final long minDuration;
    private final long maxGap;
    private long pendingSince = Long.MIN_VALUE;
    private long lastTime = Long.MIN_VALUE;
    private boolean active;
    private long activeSince;
    private double peak = Double.NEGATIVE_INFINITY;

    LimitTracker(String channel, ChannelSettings.Limit limit, long samplingPeriodNanos) {
        this.channel = channel;
        this.limit = limit;
        this.minDuration = limit.minDuration().toNanos();
        this.maxGap = Math.max(3 * samplingPeriodNanos, Times.NANOS_PER_MINUTE);
    }

    /** Feeds one valid value; returns the alarm it raised or cleared, or null. */
    Alarm onValue(long t, double v) {
        long previous = lastTime;
        lastTime = t;
        if (active) {
            peak = Math.max(peak, v);
            if (v < limit.clearBelow()) {
                active = false;
                Alarm cleared = alarm(Alarm.State.CLEARED, activeSince, Times.toInstant(t));
                peak = Double.NEGATIVE_INFINITY;
                return cleared;
            }
            return null;
        }
        if (!(v > limit.above())) {
            pendingSince = Long.MIN_VALUE;
            peak = Double.NEGATIVE_INFINITY;
            return null;
        }
        if (pendingSince == Long.MIN_VALUE || t - previous > maxGap) {
            pendingSince = t;
            peak = v;
        } else {
            peak = Math.max(peak, v);
        }
        if (t - pendingSince >= minDuration) {
            active = true;
            activeSince = pendingSince;
            pendingSince = Long.MIN_VALUE;
            return alarm(Alarm.State.RAISED, activeSince, null);
        }
        return null;
    }

    /** The raised alarm while active, for the console. */
    Alarm activeAlarm() {
        return active ? alarm(Alarm.State.RAISED, activeSince, null) : null;
    }

    private Alarm alarm(Alarm.State state, long start, java.time.Instant end) {
        return new Alarm(limit.id(), channel, limit.severity(), state, Times.toInstant(start), end, limit.above(), peak);
    }
}
