package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;

/** Counts of flags among a period's underlying values, and the period flag they give. */
final class Tally {
    private static final QualityFlag[] FLAGS = QualityFlag.values();
    private final int[] counts = new int[FLAGS.length];
    private int total;

    void add(QualityFlag flag) {
        counts[flag.ordinal()]++;
        total++;
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    int total() {
        return total;
    }

    /**
     * N when at least 75 % of the values are N; otherwise the most frequent other flag, ties broken by
     * {@link QualityFlag#dominance()}; B when there are no values at all (nothing reached the board).
     */
    QualityFlag flag() {
        if (total == 0) {
            return QualityFlag.B;
        }
        if (4L * counts[QualityFlag.N.ordinal()] >= 3L * total) {
            return QualityFlag.N;
        }
        QualityFlag best = null;
        for (QualityFlag f : FLAGS) {
            if (f.isNormal() || counts[f.ordinal()] == 0) {
                continue;
            }
            if (best == null || counts[f.ordinal()] > counts[best.ordinal()]
                    || (counts[f.ordinal()] == counts[best.ordinal()] && f.dominance() > best.dominance())) {
                best = f;
            }
        }
        return best;
    }
}
