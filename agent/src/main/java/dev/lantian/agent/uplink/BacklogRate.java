package dev.lantian.agent.uplink;

import dev.lantian.hardware.time.BoardClock;

import java.time.Duration;

/**
 * A token bucket on the injected clock's {@link BoardClock#pacingNanos() waiting time} that paces
 * the backlog lane (and re-sent history) to {@code perSecond} messages, with a burst of one second's
 * worth, so a board coming back after a long outage does not flood the broker. Live reports never
 * wait for it. Waiting time, not the date: the tokens come back while the publisher waits for them,
 * even on a clock whose date stands still (the demo's board once its plant day has ended).
 */
final class BacklogRate {
    private final BoardClock clock;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last;

    BacklogRate(BoardClock clock, int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("backlog rate must be positive, was " + perSecond);
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.tokens = burst;
        this.last = clock.pacingNanos();
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until a token is there (zero if one is). */
    synchronized Duration untilNext() {
        refill();
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }

    private void refill() {
        long now = clock.pacingNanos();
        if (now - last > 0) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        }
        last = now;
    }
}
