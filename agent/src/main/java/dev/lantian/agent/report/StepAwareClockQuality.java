package dev.lantian.agent.report;

import dev.lantian.agent.store.ClockQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The default {@link ClockQualitySource}: a configured base quality (SYNCED when the board's time is
 * disciplined by NTP or the platform, UNSYNCED otherwise), and STEPPED for every span that contains a
 * clock step the board detected or was told of. A step is remembered for three days, longer than any
 * period a report can cover. Thread-safe.
 */
public final class StepAwareClockQuality implements ClockQualitySource {
    private static final Duration REMEMBER = Duration.ofDays(3);
    private final ClockQuality base;
    private final Deque<Instant[]> steps = new ArrayDeque<>();

    public StepAwareClockQuality(ClockQuality base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public synchronized ClockQuality over(Instant from, Instant to) {
        for (Instant[] s : steps) {
            Instant lo = s[0].isBefore(s[1]) ? s[0] : s[1];
            Instant hi = s[0].isBefore(s[1]) ? s[1] : s[0];
            // the step's span [lo, hi] touches [from, to]
            if (!hi.isBefore(from) && !lo.isAfter(to)) {
                return ClockQuality.STEPPED;
            }
        }
        return base;
    }

    @Override
    public synchronized void stepped(Instant before, Instant after) {
        steps.addLast(new Instant[] {before, after});
        Instant horizon = after.minus(REMEMBER);
        while (!steps.isEmpty() && steps.peekFirst()[1].isBefore(horizon) && steps.peekFirst()[0].isBefore(horizon)) {
            steps.removeFirst();
        }
    }
}
