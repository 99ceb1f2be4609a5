package dev.lantian.agent.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Time spans touched by clock steps (from the earlier to the later of the two readings of the clock).
 * A period overlapping one is flagged {@link Note#CLOCK_STEP} when it closes.
 */
final class ClockSteps {
    private final List<long[]> spans = new ArrayList<>();

    void record(long from, long to) {
        spans.add(new long[] {Math.min(from, to), Math.max(from, to)});
    }

    boolean touches(long start, long end) {
        for (int i = 0; i < spans.size(); i++) {
            long[] s = spans.get(i);
            if (s[0] < end && s[1] >= start) {
                return true;
            }
        }
        return false;
    }

    /** Forgets steps that ended before {@code time} (no open period can reach back that far). */
    void forgetBefore(long time) {
        spans.removeIf(s -> s[1] < time);
    }

    boolean isEmpty() {
        return spans.isEmpty();
    }
}
