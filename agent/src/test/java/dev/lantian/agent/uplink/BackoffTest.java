package dev.lantian.agent.uplink;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void ceilingDoublesUpToTheCapAndEveryDelayStaysUnderIt() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));
        List<Long> ceilings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Duration ceiling = b.ceiling();
            ceilings.add(ceiling.toSeconds());
            assertThat(b.next()).isBetween(Duration.ZERO, ceiling);
        }
        assertThat(ceilings).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L);
    }

    @Test
    void fullJitterSpreadsBoardsThatLostTheSameBroker() {
        // 50 boards, same failure count: their fifth delays must not coincide (lock-step reconnects)
        List<Long> fifth = new ArrayList<>();
        for (int board = 0; board < 50; board++) {
            Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(board));
            for (int i = 0; i < 4; i++) {
                b.next();
            }
            fifth.add(b.next().toMillis());
        }
        assertThat(fifth).allMatch(d -> d >= 0 && d <= 16_000);
        assertThat(fifth.stream().distinct().count()).isGreaterThan(40);
        assertThat(fifth.stream().mapToLong(Long::longValue).max().getAsLong()
                - fifth.stream().mapToLong(Long::longValue).min().getAsLong()).isGreaterThan(8_000);
    }

    @Test
    void resetAfterASuccessStartsAgainFromTheBase() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new SplittableRandom(1));
        for (int i = 0; i < 20; i++) {
            b.next();
        }
        assertThat(b.ceiling()).isEqualTo(Duration.ofSeconds(30));
        b.reset();
        assertThat(b.ceiling()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.next()).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void sameSeedSameDelays() {
        Backoff a = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(42));
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(42));
        for (int i = 0; i < 12; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void manyFailuresNeverOverflow() {
        Backoff b = new Backoff(Duration.ofDays(1), Duration.ofDays(2), new SplittableRandom(3));
        for (int i = 0; i < 200; i++) {
            assertThat(b.next()).isBetween(Duration.ZERO, Duration.ofDays(2));
        }
    }

    @Test
    void refusesANonsenseRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
