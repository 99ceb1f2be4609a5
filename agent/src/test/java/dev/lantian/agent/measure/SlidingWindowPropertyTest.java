package dev.lantian.agent.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every sliding window against a naive recomputation over the values still inside it, on random data with gaps. */
class SlidingWindowPropertyTest {

    record Step(long gapMillis, double value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // Mostly regular 1 s spacing, sometimes bursts at the same instant, sometimes long gaps.
        Arbitrary<Long> gap = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(70, Arbitraries.just(1_000L)),
                net.jqwik.api.Tuple.of(10, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(15, Arbitraries.longs().between(1, 20_000)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(20_000, 400_000)));
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(80, Arbitraries.doubles().between(-1e3, 1e3)),
                net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(1e6, 1e9)));
        return Combinators.combine(gap, value).as(Step::new).list().ofMinSize(1).ofMaxSize(600);
    }

    @Property(tries = 200)
    void windowMatchesNaiveRecomputation(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 300) int spanSeconds) {
        long span = spanSeconds * 1_000_000_000L;
        SlidingWindow window = new SlidingWindow(span);
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        long t = 1_700_000_000_000_000_000L;
        for (Step s : steps) {
            t += s.gapMillis() * 1_000_000L;
            window.add(t, s.value());
            times.add(new long[] {t});
            values.add(s.value());

            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int n = 0;
            double scale = 0;
            for (int i = 0; i < values.size(); i++) {
                if (times.get(i)[0] > t - span) {
                    double v = values.get(i);
                    sum += v;
                    n++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            assertThat(window.count()).isEqualTo(n);
            assertThat(window.min()).isEqualTo(min);
            assertThat(window.max()).isEqualTo(max);
            assertThat(window.average()).isCloseTo(sum / n, within(1e-9 * Math.max(1.0, scale)));
        }
        // A gap longer than the span empties the window.
        window.expire(t + span);
        assertThat(window.count()).isZero();
        assertThat(window.average()).isNaN();
    }
}
