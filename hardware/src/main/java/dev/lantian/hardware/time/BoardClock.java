package dev.lantian.hardware.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The board's sense of time, injected into every stage so a plant day can be replayed in
 * milliseconds: a {@link Clock} that can also wait. Real code sleeps; {@link VirtualClock} advances.
 */
public abstract class BoardClock extends Clock {

    /** Waits for {@code duration} of this clock's time. */
    public abstract void sleep(Duration duration) throws InterruptedException;

    /**
     * Nanoseconds that move with this clock's waits ({@link #sleep} of d moves them by at least d), for
     * pacing: token buckets and timeouts. Not a date, and only differences mean anything. By default
     * the instant's; a real clock counts monotonic time, so a date stepped by NTP neither stalls nor
     * floods what is paced.
     */
    public long pacingNanos() {
        Instant now = instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The wall clock of the machine, in the given zone. */
    public static BoardClock system(ZoneId zone) {
        return new SystemBoardClock(zone);
    }

    private static final class SystemBoardClock extends BoardClock {
        private final ZoneId zone;

        SystemBoardClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }

        @Override
        public long pacingNanos() {
            return System.nanoTime();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new SystemBoardClock(newZone);
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }
    }
}
