package dev.lantian.simulator.bureau;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sequence numbers received from one device, kept as disjoint runs (start → end, inclusive), so
 * a day of contiguous reports costs one map entry and a late or resent report can fill a hole.
 * Not thread-safe; the ledger guards it.
 */
final class SequenceRanges {
    private final TreeMap<Long, Long> runs = new TreeMap<>();
    private long count;

    /** Adds {@code seq}; false when it was already there. */
    boolean add(long seq) {
        Map.Entry<Long, Long> below = runs.floorEntry(seq);
        if (below != null && below.getValue() >= seq) {
            return false;
        }
        long start = seq;
        long end = seq;
        if (below != null && below.getValue() == seq - 1) {
            start = below.getKey();
            runs.remove(start);
        }
        Long next = runs.get(seq + 1);
        if (next != null) {
            end = next;
            runs.remove(seq + 1);
        }
        runs.put(start, end);
        count++;
        return true;
    }

    long count() {
        return count;
    }

    /** Lowest received, or 0 when none. */
    long first() {
        return runs.isEmpty() ? 0 : runs.firstKey();
    }

    /** Highest received, or 0 when none. */
    long last() {
        return runs.isEmpty() ? 0 : runs.lastEntry().getValue();
    }

    /** Sequence numbers missing between the lowest and the highest received. */
    long missing() {
        return runs.isEmpty() ? 0 : last() - first() + 1 - count;
    }

    /** The holes, as text "5-7, 12", at most {@code max} of them. */
    String holes(int max) {
        StringBuilder b = new StringBuilder();
        Long previousEnd = null;
        int shown = 0;
        for (Map.Entry<Long, Long> run : runs.entrySet()) {
            if (previousEnd != null) {
                if (shown == max) {
                    return b.append(", …").toString();
                }
                long from = previousEnd + 1;
                long to = run.getKey() - 1;
                b.append(b.length() == 0 ? "" : ", ").append(from == to ? Long.toString(from) : from + "-" + to);
                shown++;
            }
            previousEnd = run.getValue();
        }
        return b.toString();
    }
}
