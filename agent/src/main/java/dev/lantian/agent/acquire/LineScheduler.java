package dev.lantian.agent.acquire;

import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.BoardClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Polls every device of one RS-485 line (or one TCP endpoint) from a single thread, so exactly one
 * request is on the wire at a time, with the line's inter-frame silence before every request.
 *
 * <p>Devices are served earliest-due first at their own periods. A device that fails
 * {@link DevicePolicy#isolateAfter} polls in a row is isolated: it is tried once (no retries) after an
 * exponentially growing interval (period x 2, x 4, ... up to {@link DevicePolicy#backoffMax}); the poll
 * slots in between yield a {@code B} set without touching the wire. So a dead meter keeps being
 * reported as a communication fault at its own rate while the others keep theirs.
 *
 * <p>Time comes from the injected {@link BoardClock}: with a virtual clock {@link #runUntil} replays
 * hours of polling in milliseconds.
 */
public final class LineScheduler {
    private final String line;
    private final BoardClock clock;
    private final LineTiming timing;
    private final List<DeviceState> devices = new ArrayList<>();
    private final Consumer<ReadingSet> sink;
    private Instant lastFrameEnd = Instant.MIN;
    private volatile boolean stopping;
    private Thread thread;

    /**
     * @param line    the line's id, for logs and the thread name
     * @param sink    receives every poll's result (from the scheduler's thread)
     */
    public LineScheduler(String line, BoardClock clock, LineTiming timing, List<? extends PollingDevice> devices,
                         Consumer<ReadingSet> sink) {
        this.line = Objects.requireNonNull(line, "line");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.sink = Objects.requireNonNull(sink, "sink");
        Instant now = clock.instant();
        for (PollingDevice d : devices) {
            this.devices.add(new DeviceState(d, now));
        }
        if (this.devices.isEmpty()) {
            throw new IllegalArgumentException("line " + line + " has no devices");
        }
    }

    /** Starts the line's own thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("line " + line + " already started");
        }
        thread = new Thread(this::runForever, "line-" + line);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and waits for it (at most {@code wait}). */
    public void stop(Duration wait) throws InterruptedException {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            t.join(wait.toMillis());
        }
    }

    private void runForever() {
        try {
            while (!stopping) {
                step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Logger.error(e, "line {} stopped by a bug", line);
        }
    }

    /** Polls until the clock reaches {@code end} (for virtual-time runs in the calling thread). */
    public void runUntil(Instant end) throws InterruptedException {
        while (true) {
            DeviceState next = nextDue();
            if (next.nextDue.isAfter(end)) {
                return;
            }
            step();
        }
    }

    /** Snapshot of every device's counters, in configuration order. */
    public List<DeviceCounters> counters() {
        return devices.stream().map(DeviceState::snapshot).toList();
    }

    private DeviceState nextDue() {
        DeviceState best = devices.get(0);
        for (DeviceState d : devices) {
            if (d.nextDue.isBefore(best.nextDue)) {
                best = d;
            }
        }
        return best;
    }

    private void step() throws InterruptedException {
        DeviceState d = nextDue();
        Instant now = clock.instant();
        if (d.nextDue.isAfter(now)) {
            clock.sleep(Duration.between(now, d.nextDue));
        }
        Instant time = clock.instant();
        ReadingSet result;
        if (d.isolated && time.isBefore(d.probeAt)) {
            synchronized (d) {
                d.skippedPolls++;
            }
            result = ReadingSet.silent(d.device.id(), time, "no answer in " + d.consecutiveFailures
                    + " polls; isolated until " + d.probeAt);
        } else {
            result = poll(d, time);
        }
        deliver(result);
        Instant after = clock.instant();
        Instant next = d.nextDue.plus(d.device.period());
        // A poll slower than its period must not make the device burst to catch up.
        d.nextDue = next.isBefore(after) ? after : next;
    }

    private ReadingSet poll(DeviceState d, Instant time) throws InterruptedException {
        PollingDevice device = d.device;
        int retries = d.isolated ? 0 : device.policy().retries();
        try {
            ReadingSet set = device.poll(new LineWire(d, retries), time);
            synchronized (d) {
                if (set.flag() == QualityFlag.B) {
                    // a sensor driver reports silence as a B set, not an exception: a failed poll all
                    // the same, though not isolated (the driver reopens its own port)
                    d.failedPolls++;
                    d.consecutiveFailures++;
                } else {
                    d.polls++;
                    d.consecutiveFailures = 0;
                    d.isolated = false;
                    d.lastSuccess = time;
                }
            }
            return set;
        } catch (FieldbusException e) {
            synchronized (d) {
                d.failedPolls++;
                d.consecutiveFailures++;
                if (d.consecutiveFailures >= device.policy().isolateAfter()) {
                    if (!d.isolated) {
                        Logger.warn("line {}: {} isolated after {} failed polls ({})", line, device.id(),
                                d.consecutiveFailures, e.getMessage());
                    }
                    d.isolated = true;
                    d.probeAt = clock.instant().plus(backoff(d));
                }
            }
            return ReadingSet.silent(device.id(), time, e.getMessage());
        }
    }

    private static Duration backoff(DeviceState d) {
        int doublings = Math.min(30, d.consecutiveFailures - d.device.policy().isolateAfter() + 1);
        Duration max = d.device.policy().backoffMax();
        Duration b = d.device.period();
        for (int i = 0; i < doublings && b.compareTo(max) < 0; i++) {
            b = b.multipliedBy(2);
        }
        return b.compareTo(max) > 0 ? max : b;
    }

    private void deliver(ReadingSet set) {
        try {
            sink.accept(set);
        } catch (RuntimeException e) {
            Logger.error(e, "line {}: the reading sink failed for {}", line, set.device());
        }
    }

    private void waitSilence() throws InterruptedException {
        if (lastFrameEnd.equals(Instant.MIN)) {
            return;
        }
        Instant earliest = lastFrameEnd.plus(timing.interFrameSilence());
        Instant now = clock.instant();
        if (now.isBefore(earliest)) {
            clock.sleep(Duration.between(now, earliest));
        }
    }

    /** The {@link Wire} of one poll: silence, timeout, retries, counters. */
    private final class LineWire implements Wire {
        private final DeviceState d;
        private final int retries;

        LineWire(DeviceState d, int retries) {
            this.d = d;
            this.retries = retries;
        }

        @Override
        public <T> T exchange(Exchange<T> exchange) throws FieldbusException, InterruptedException {
            FieldbusException last = null;
            for (int attempt = 0; attempt <= retries; attempt++) {
                waitSilence();
                Instant start = clock.instant();
                synchronized (d) {
                    d.requests++;
                }
                try {
                    T answer = exchange.run(d.device.policy().timeout());
                    lastFrameEnd = clock.instant();
                    synchronized (d) {
                        d.answered(Duration.between(start, lastFrameEnd));
                    }
                    return answer;
                } catch (FieldbusException e) {
                    lastFrameEnd = clock.instant();
                    synchronized (d) {
                        d.failed(e.kind());
                    }
                    if (e.kind() == FieldbusException.Kind.DEVICE_ERROR) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw last;
        }
    }

    /** Mutable per-device state; only the scheduler thread writes, counters() reads under the lock. */
    private static final class DeviceState {
        final PollingDevice device;
        Instant nextDue;
        Instant probeAt = Instant.MIN;
        boolean isolated;
        int consecutiveFailures;
        long requests;
        long responses;
        long timeouts;
        long checksumErrors;
        long exceptionResponses;
        long linkErrors;
        long polls;
        long failedPolls;
        long skippedPolls;
        Duration lastLatency = Duration.ZERO;
        Duration totalLatency = Duration.ZERO;
        Duration maxLatency = Duration.ZERO;
        Instant lastSuccess;

        DeviceState(PollingDevice device, Instant start) {
            this.device = device;
            this.nextDue = start;
        }

        void answered(Duration latency) {
            responses++;
            lastLatency = latency;
            totalLatency = totalLatency.plus(latency);
            if (latency.compareTo(maxLatency) > 0) {
                maxLatency = latency;
            }
        }

        void failed(FieldbusException.Kind kind) {
            switch (kind) {
                case TIMEOUT -> timeouts++;
                case CHECKSUM -> checksumErrors++;
                case DEVICE_ERROR -> exceptionResponses++;
                case LINK -> linkErrors++;
            }
        }

        synchronized DeviceCounters snapshot() {
            Duration mean = responses == 0 ? Duration.ZERO : totalLatency.dividedBy(responses);
            return new DeviceCounters(device.id(), requests, responses, timeouts, checksumErrors, exceptionResponses,
                    linkErrors, polls, failedPolls, skippedPolls, consecutiveFailures, isolated, lastLatency, mean,
                    maxLatency, java.util.Optional.ofNullable(lastSuccess));
        }
    }
}
