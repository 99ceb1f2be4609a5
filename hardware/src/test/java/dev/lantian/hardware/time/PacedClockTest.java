package dev.lantian.hardware.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo uplink's clock: the board's date, real waits, and pacing that goes on when the date stands still. */
class PacedClockTest {
    private final VirtualClock board = new VirtualClock(Instant.parse("2026-10-20T16:00:00Z"), ZoneOffset.UTC);
    private final PacedClock paced = new PacedClock(board);

    @Test
    void itReadsTheBoardsDateAndFollowsItsSteps() {
        assertThat(paced.instant()).isEqualTo(board.instant());
        board.advance(Duration.ofMinutes(5));
        assertThat(paced.instant()).isEqualTo(Instant.parse("2026-10-20T16:05:00Z"));
    }

    @Test
    void aWaitTakesRealTimeMovesThePacingCountAndLeavesTheBoardsDateAlone() throws InterruptedException {
        long before = paced.pacingNanos();
        paced.sleep(Duration.ofMillis(30));
        assertThat(paced.pacingNanos() - before).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        assertThat(paced.instant()).isEqualTo(Instant.parse("2026-10-20T16:00:00Z"));
    }
}
