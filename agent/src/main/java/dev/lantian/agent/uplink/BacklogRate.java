package dev.lantian.agent.uplink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket on the injected clock that paces the backlog lane (and re-sent history) to
 * {@code perSecond} messages, with a burst of one second's worth, so a board coming back after a
 * long outage does not flood the broker. Live reports never wait for it.
 */
final class BacklogRate {
    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant last;

    BacklogRate(Clock clock, int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("backlog rate must be positive, was " + perSecond);
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.tokens = burst;
        this.last = clock.instant();
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
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            tokens = Math.min(burst, tokens + Duration.between(last, now).toNanos() / 1e9 * perSecond);
        }
        last = now;
    }
}
