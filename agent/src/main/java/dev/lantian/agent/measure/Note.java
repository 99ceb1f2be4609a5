package dev.lantian.agent.measure;

import java.util.EnumSet;
import java.util.Set;

/** Why a period needs explaining beyond its flag. */
public enum Note {
    /** The board's clock stepped inside this period; its flag is forced to D. */
    CLOCK_STEP,
    /** A counter wrapped at its rollover value; the increase includes the wrap. */
    COUNTER_ROLLOVER,
    /** A counter dropped to near zero (meter reset or replaced); the increase counts from zero. */
    COUNTER_RESET,
    /** A counter went backwards without a rollover or reset explanation; that step added nothing. */
    COUNTER_DISCONTINUITY;

    int bit() {
        return 1 << ordinal();
    }

    static Set<Note> fromBits(int bits) {
        if (bits == 0) {
            return Set.of();
        }
        EnumSet<Note> set = EnumSet.noneOf(Note.class);
        for (Note n : values()) {
            if ((bits & n.bit()) != 0) {
                set.add(n);
            }
        }
        return Set.copyOf(set);
    }
}
