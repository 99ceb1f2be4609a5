package dev.lantian.hardware.reading;

import java.util.Optional;

/**
 * Data quality flags of HJ 212-2017 (section 6.6.4), used as the agent's own flags from the wire up,
 * so a value keeps the verdict the bureau will read without a translation step in between.
 *
 * <p>{@link #dominance()} orders the fault flags for period statistics: when fewer than 75 % of a
 * period's values are normal, the period takes the most frequent fault flag, ties broken by the
 * higher dominance (a communication fault outranks "above range").
 */
public enum QualityFlag {
    /** Normal. */
    N('N', "normal", 0),
    /** Instrument stopped. */
    F('F', "instrument stopped", 6),
    /** Maintenance. */
    M('M', "maintenance", 4),
    /** Manually set value. */
    S('S', "manually set", 3),
    /** Instrument fault. */
    D('D', "instrument fault", 7),
    /** Calibrating. */
    C('C', "calibrating", 5),
    /** Above the instrument's range. */
    T('T', "above range", 2),
    /** Communication fault: no answer, bad checksum, lost link. */
    B('B', "communication fault", 8);

    private final char code;
    private final String meaning;
    private final int dominance;

    QualityFlag(char code, String meaning, int dominance) {
        this.code = code;
        this.meaning = meaning;
        this.dominance = dominance;
    }

    /** The single letter HJ 212 puts in an item's {@code -Flag} field. */
    public char code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Higher wins when two fault flags are equally frequent in a period. */
    public int dominance() {
        return dominance;
    }

    public boolean isNormal() {
        return this == N;
    }

    /** Parses the HJ 212 letter; empty for anything else (the caller decides what an unknown flag means). */
    public static Optional<QualityFlag> fromCode(String text) {
        if (text == null || text.length() != 1) {
            return Optional.empty();
        }
        for (QualityFlag f : values()) {
            if (f.code == text.charAt(0)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
