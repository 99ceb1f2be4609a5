package dev.lantian.simulator.bureau;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceRangesTest {

    @Property(tries = 200)
    void missingIsEverythingBetweenLowestAndHighestNotReceived(
            @ForAll @Size(max = 200) List<@LongRange(min = 1, max = 300) Long> arrivals) {
        SequenceRanges ranges = new SequenceRanges();
        Set<Long> seen = new HashSet<>();
        for (long s : arrivals) {
            assertThat(ranges.add(s)).isEqualTo(seen.add(s));
        }
        long min = seen.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = seen.stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(ranges.count()).isEqualTo(seen.size());
        assertThat(ranges.missing()).isEqualTo(seen.isEmpty() ? 0 : max - min + 1 - seen.size());
    }

    @Test
    void holesAreListedAsRanges() {
        SequenceRanges r = new SequenceRanges();
        for (long s : new long[] {1, 2, 6, 8, 9, 20}) {
            r.add(s);
        }
        assertThat(r.holes(10)).isEqualTo("3-5, 7, 10-19");
        assertThat(r.holes(1)).isEqualTo("3-5, …");
    }
}
