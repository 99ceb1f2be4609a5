package dev.lantian.hardware.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A board clock that reads another clock's date but waits and paces in real time. The demo gives it
 * to the uplink over the plant's virtual clock: command ages and report stamps are plant time, but it
 * waits in real time, so a reconnect backoff does not push the board's clock ahead of the plant, and
 * it paces in real time, so what the uplink paces (its backlog) goes on draining after the plant day
 * has ended and the board's clock stands still.
 */
public final class PacedClock extends BoardClock {
    private final Clock board;

    public PacedClock(Clock board) {
        this.board = board;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(Math.max(1, duration.toMillis()));
        }
    }

    @Override
    public long pacingNanos() {
        return System.nanoTime();
    }

    @Override
    public ZoneId getZone() {
        return board.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new PacedClock(board.withZone(zone));
    }

    @Override
    public Instant instant() {
        return board.instant();
    }
}
