package dev.lantian.agent.store;

import dev.lantian.agent.model.Sample;
import org.tinylog.Logger;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The board's durable record: the outbox of numbered reports, their archive, and raw samples, in
 * one SQLite file (schema, eviction order and alarms: docs/storage.md).
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous = FULL}, so every commit —
 * and {@link #append} commits before it returns — is fsynced to the log. With {@code NORMAL} a
 * commit is only durable after the next checkpoint, and a power cut could lose reports the pipeline
 * believed stored; one fsync per append (a few per minute) is cheap next to that. Raw samples are
 * buffered in memory and committed in batches ({@link StoreSettings#sampleBatch()},
 * {@link StoreSettings#sampleBatchInterval()}), so a power cut loses at most one batch of raw
 * samples, never a report.
 *
 * <p>After every write the store checks its size: over {@code max_size_mb} it evicts in the
 * documented order; at 70 % and 90 % it appends storage alarms to itself; deleting anything
 * unacknowledged appends a {@code storage.unsent-evicted} alarm. A write that finds the disk full
 * evicts and retries, then fails with {@link StoreFullException}.
 *
 * <p>Thread-safe: one connection, every public method synchronized.
 */
public final class ReportStore implements Outbox, ReportArchive, AutoCloseable {
    private static final int FULL_RETRIES = 12;

    private final StoreSettings settings;
    private final Clock clock;
    private final Db db;
    private final SampleTable samples = new SampleTable();
    private final SampleBuffer buffer;
    private final Space space;
    private Supplier<ClockQuality> clockQuality = () -> ClockQuality.UNSYNCED;
    private Instant lastExpiry;
    private boolean closed;

    private ReportStore(Path file, StoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = new Db(file, Schema.open(file, settings.maxBytes()));
        this.buffer = new SampleBuffer(settings);
        this.space = new Space(db, new Eviction(samples), settings);
    }

    /**
     * Opens {@code file} (it wins over {@code settings.file()}, so tools and tests can point elsewhere),
     * creating it when absent, and applies the limits once. A file that is not a sound store is a
     * {@link StoreException} naming it.
     */
    public static ReportStore open(Path file, StoreSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        ReportStore store = new ReportStore(file, settings, clock);
        try {
            store.maintain();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Logger.info("store {} open: {} reports waiting, {} bytes", file, store.pendingCount(), store.sizeBytes());
        return store;
    }

    /** Where the store's own alarms take their clock quality from (default UNSYNCED: the store cannot tell). */
    public synchronized void clockQuality(Supplier<ClockQuality> source) {
        this.clockQuality = Objects.requireNonNull(source, "source");
    }

    @Override
    public synchronized List<Report> append(List<ReportDraft> drafts) {
        List<ReportDraft> batch = List.copyOf(drafts);
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Report> stored = write("append " + describe(batch), space.eviction().roomTiers(),
                c -> ReportTable.append(c, batch, now));
        afterWrite(now);
        return stored;
    }

    @Override
    public synchronized List<Report> oldestPending(int max) {
        return read("read pending reports", () -> ReportTable.pending(db.connection(), positive(max), true));
    }

    @Override
    public synchronized List<Report> newestPending(int max) {
        return read("read pending reports", () -> ReportTable.pending(db.connection(), positive(max), false));
    }

    @Override
    public synchronized void acknowledge(String device, long sequence) {
        Instant now = clock.instant();
        write("acknowledge " + device + " #" + sequence, space.eviction().roomTiers(), c -> ReportTable.acknowledge(c, device, sequence, now));
    }

    @Override
    public synchronized long pendingCount() {
        return read("count pending reports", () -> ReportTable.count(db.connection(), "acked_at IS NULL"));
    }

    @Override
    public synchronized List<Report> history(String device, Instant from, Instant to, Set<ReportKind> kinds, int max) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Set<ReportKind> k = Set.copyOf(kinds);
        return read("read the history of " + device,
                () -> ReportTable.history(db.connection(), device, from, to, k, positive(max)));
    }

    /**
     * Takes raw samples into the write buffer; commits the buffer when it holds {@code sampleBatch}
     * samples or its oldest has waited {@code sampleBatchInterval} on the injected clock.
     */
    public synchronized void appendSamples(List<Sample> incoming) {
        ensureOpen();
        if (buffer.add(incoming, clock.instant())) {
            flush();
        }
    }

    /** Commits the buffered raw samples now. */
    public synchronized void flush() {
        ensureOpen();
        if (buffer.isEmpty()) {
            return;
        }
        List<Sample> batch = buffer.contents();
        Instant now = clock.instant();
        int duplicates;
        try {
            duplicates = write("store " + batch.size() + " raw samples", space.eviction().sampleTiers(),
                    c -> samples.insert(c, batch));
        } catch (RuntimeException e) {
            buffer.keepAfterFailure();
            throw e;
        }
        samples.committed();
        buffer.committed(batch.size(), duplicates);
        afterWrite(now);
    }

    /** Raw samples of {@code channel} with time in {@code [from, to)}, oldest first (buffered ones included). */
    public synchronized List<Sample> samples(String channel, Instant from, Instant to) {
        flush();
        return read("read raw samples of " + channel, () -> samples.range(db.connection(), channel, from, to));
    }

    /** Applies the age limits and the size cap now (appends do it too, at most once per maintenance interval). */
    public synchronized void maintain() {
        ensureOpen();
        Instant now = clock.instant();
        lastExpiry = now;
        housekeeping("apply the age limits", () -> space.expire(now, clockQuality.get()));
        housekeeping("keep within max_size_mb", () -> space.enforce(now, clockQuality.get()));
    }

    /** Bytes used: database pages plus the write-ahead log. */
    public synchronized long sizeBytes() {
        return read("measure the store", db::size);
    }

    /** Samples given to {@link #appendSamples} that the store could not keep (full disk, buffer cap). */
    public synchronized long droppedSamples() {
        return buffer.dropped();
    }

    /** Replaces the state saved under {@code key} in one durable transaction (never evicted). */
    synchronized void putState(String key, String value) {
        Instant now = clock.instant();
        write("save the state " + key, space.eviction().roomTiers(), c -> StateTable.put(c, key, value, now));
    }

    /** The state saved under {@code key}, if any. */
    synchronized Optional<String> state(String key) {
        return read("read the state " + key, () -> StateTable.get(db.connection(), key));
    }

    /** Runs one statement on the store's connection (tests: {@code PRAGMA max_page_count} to simulate a full disk). */
    synchronized void executeForTest(String sql) {
        read(sql, () -> {
            db.execute(sql);
            return null;
        });
    }

    public Path file() {
        return db.file;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** Commits buffered samples, then closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            Logger.error("store {}: {} raw samples not stored at close: {}", db.file, buffer.size(), e.getMessage());
        }
        closed = true;
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the store " + db.file + ": " + e.getMessage(), e);
        }
    }

    private void afterWrite(Instant now) {
        if (lastExpiry == null || !now.isBefore(lastExpiry.plus(settings.maintenanceInterval()))) {
            lastExpiry = now;
            housekeeping("apply the age limits", () -> space.expire(now, clockQuality.get()));
        }
        housekeeping("keep within max_size_mb", () -> space.enforce(now, clockQuality.get()));
    }

    /** Housekeeping never undoes a committed write: its failures are logged, the next write tries again. */
    private void housekeeping(String what, SqlRun run) {
        try {
            run.run();
        } catch (SQLException e) {
            Logger.error(e, "store {}: could not {}: {}", db.file, what, Schema.describe(e));
        }
    }

    private <T> T write(String what, List<Eviction.Tier> roomFrom, Db.Work<T> work) {
        ensureOpen();
        try {
            return db.transaction(work);
        } catch (SQLException e) {
            if (!Schema.isFull(e)) {
                throw new StoreException("store " + db.file + ": could not " + what + ": " + Schema.describe(e), e);
            }
            return retryWhenFull(what, roomFrom, work, e);
        }
    }

    private <T> T retryWhenFull(String what, List<Eviction.Tier> roomFrom, Db.Work<T> work, SQLException first) {
        Unsent unsent = new Unsent();
        Instant now = clock.instant();
        try {
            for (int step = 1; step <= 1 << FULL_RETRIES && space.makeRoom(roomFrom, step, unsent); step *= 2) {
                try {
                    T result = db.transaction(work);
                    space.announce(unsent, now, clockQuality.get());
                    return result;
                } catch (SQLException again) {
                    if (!Schema.isFull(again)) {
                        throw again;
                    }
                }
            }
            space.announce(unsent, now, clockQuality.get());
        } catch (SQLException e) {
            if (!Schema.isFull(e)) {
                throw new StoreException("store " + db.file + ": could not " + what + ": " + Schema.describe(e), e);
            }
        }
        long size = read("measure the store", db::size);
        throw new StoreFullException("store " + db.file + " is full: could not " + what + " (store is " + size
                + " bytes, cap " + settings.maxBytes() + "; no raw samples or acknowledged reports left to evict for it;"
                + " everything stored before is kept; is max_size_mb larger than the free disk?)", size, first);
    }

    @FunctionalInterface
    private interface SqlRun {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T get() throws SQLException;
    }

    private <T> T read(String what, SqlRead<T> work) {
        ensureOpen();
        try {
            return work.get();
        } catch (SQLException e) {
            throw new StoreException("store " + db.file + ": could not " + what + ": " + Schema.describe(e), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + db.file + " is closed");
        }
    }

    private static int positive(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        return max;
    }

    static String describe(List<ReportDraft> drafts) {
        ReportDraft first = drafts.get(0);
        return drafts.size() == 1 ? "a " + first.kind().topic() + " report of " + first.device()
                : drafts.size() + " reports (first: " + first.kind().topic() + " of " + first.device() + ")";
    }
}
