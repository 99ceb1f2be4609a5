package dev.lantian.simulator.bench;

import dev.lantian.agent.model.Sample;
import dev.lantian.simulator.bureau.BureauLedger;
import dev.lantian.simulator.bureau.BureauReceiver;
import dev.lantian.simulator.bureau.ReportSchema;
import dev.lantian.simulator.demo.Await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads N boards with M channels each, one thread per board, one poll of all channels per second of
 * board time, fed as fast as the board takes them ({@code speed} 0) or at {@code speed} board
 * seconds per wall second. Each poll's wall time is kept, so when the bureau receives a report its
 * latency is measured from the wall time its newest sample was acquired to the wall time it arrived.
 */
public final class BenchRun {
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    public record Settings(int boards, int channels, Duration boardTime, double speed, Duration drainLimit) {
        public Settings {
            if (boards < 1 || channels < 1) {
                throw new IllegalArgumentException("boards and channels must be at least 1");
            }
            if (boardTime.toSeconds() < 1 || speed < 0) {
                throw new IllegalArgumentException("board time must be at least 1 s and speed not negative");
            }
        }
    }

    private final Settings settings;
    private final BenchBoard.Factory factory;

    public BenchRun(Settings settings, BenchBoard.Factory factory) {
        this.settings = settings;
        this.factory = factory;
    }

    public BenchResult run(String brokerUrl) throws Exception {
        int rounds = (int) settings.boardTime().toSeconds();
        List<BenchBoard> boards = new ArrayList<>();
        Map<String, long[]> acquiredWall = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        long wallStart = System.nanoTime();
        try {
            for (int i = 0; i < settings.boards(); i++) {
                BenchBoard b = factory.open(i, settings.channels(), brokerUrl, START);
                boards.add(b);
                acquiredWall.put(b.device(), new long[rounds + 1]);
            }
            String prefix = boards.get(0).topicPrefix();
            BureauLedger ledger = new BureauLedger(prefix, ReportSchema.published(), a -> {
                long[] wall = acquiredWall.get(a.report().device());
                long k = ChronoUnit.SECONDS.between(START, a.report().acquiredAt());
                if (wall != null && k >= 0 && k <= rounds && wall[(int) k] != 0) {
                    latencies.add(micros(a.receivedAt()) - wall[(int) k]);
                }
            });
            try (BureauReceiver bureau = new BureauReceiver(brokerUrl, prefix, ledger, Clock.systemUTC())) {
                bureau.start();
                boards.forEach(BenchBoard::start);
                AtomicLong samples = new AtomicLong();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                long feedStart = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (BenchBoard b : boards) {
                    Thread t = new Thread(() -> feed(b, acquiredWall.get(b.device()), rounds, samples, failure),
                            "bench-" + b.device());
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join();
                }
                Duration feedWall = Duration.ofNanos(System.nanoTime() - feedStart);
                if (failure.get() != null) {
                    throw new IllegalStateException("a bench board failed: " + failure.get().getMessage(), failure.get());
                }
                long created = boards.stream().mapToLong(BenchBoard::reportsCreated).sum();
                Await.until(() -> bureau.tally().accepted() >= created, settings.drainLimit());
                Duration endToEnd = Duration.ofNanos(System.nanoTime() - feedStart);
                return new BenchResult(settings, samples.get(), feedWall, endToEnd, created, bureau.tally(), latencies,
                        ProcessFigures.residentKb(), ProcessFigures.cpuTime(),
                        Duration.ofNanos(System.nanoTime() - wallStart));
            }
        } finally {
            boards.forEach(BenchBoard::close);
        }
    }

    private void feed(BenchBoard board, long[] wall, int rounds, AtomicLong samples, AtomicReference<Throwable> failure) {
        try {
            long begin = System.nanoTime();
            List<String> channels = new ArrayList<>();
            for (int c = 0; c < settings.channels(); c++) {
                channels.add(BenchBoard.channelId(c));
            }
            for (int k = 1; k <= rounds; k++) {
                Instant t = START.plusSeconds(k);
                List<Sample> poll = new ArrayList<>(channels.size());
                for (int c = 0; c < channels.size(); c++) {
                    poll.add(Sample.normal(channels.get(c), t, 50 + 10 * Math.sin(k / 60.0 + c)));
                }
                wall[k] = micros(Instant.now());
                board.feed(poll, t);
                samples.addAndGet(poll.size());
                if (settings.speed() > 0) {
                    long due = begin + (long) (k / settings.speed() * 1e9);
                    long ahead = due - System.nanoTime();
                    if (ahead > 1_000_000L) {
                        Thread.sleep(ahead / 1_000_000L);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
