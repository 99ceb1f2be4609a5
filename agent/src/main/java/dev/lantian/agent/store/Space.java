package dev.lantian.agent.store;

import org.tinylog.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the store within its limits: the size cap (evicting down to {@link #LOW_WATER} of it in the
 * documented order), the age limits, and room for a write that hit a full disk. Announces itself
 * with the storage alarms. Callers hold the store's lock and are outside any transaction.
 */
final class Space {
    /** Eviction goes on until the store is at most this share of the cap, so not every append evicts. */
    static final double LOW_WATER = 0.95;
    private static final int FIRST_UNITS = 16;
    private static final int MAX_UNITS = 100_000;

    private final Db db;
    private final Eviction eviction;
    private final StorageAlarms alarms = new StorageAlarms();
    private final StoreSettings settings;

    Space(Db db, Eviction eviction, StoreSettings settings) {
        this.db = db;
        this.eviction = eviction;
        this.settings = settings;
    }

    /** Evicts while the store is over its cap, then raises or clears the size alarms. */
    void enforce(Instant now, ClockQuality clock) throws SQLException {
        long limit = settings.maxBytes();
        long size = db.size();
        Unsent unsent = new Unsent();
        if (size > limit) {
            db.checkpoint();
            size = db.size();
        }
        if (size > limit) {
            long target = (long) (limit * LOW_WATER);
            long before = size;
            List<Eviction.Tier> tiers = eviction.tiers();
            int tier = 0;
            int units = FIRST_UNITS;
            while (size > target && tier < tiers.size()) {
                Eviction.Tier t = tiers.get(tier);
                int n = units;
                int deleted = db.transaction(c -> t.evict(c, n, unsent));
                if (deleted == 0) {
                    tier++;
                    units = FIRST_UNITS;
                    continue;
                }
                db.reclaim();
                long freed = size - db.size();
                size -= freed;
                // Scale the next chunk by what this one freed, so eviction lands near the target
                // instead of overshooting (which would clear and re-raise the alarms).
                units = freed > 0 ? (int) Math.max(1, Math.min(MAX_UNITS, Math.ceil((double) (size - target) * n / freed)))
                        : Math.min(MAX_UNITS, units * 2);
                Logger.debug("store {}: evicted {} rows of {}, now {} bytes", db.file, deleted, t.name(), size);
            }
            Logger.info("store {}: evicted down from {} to {} bytes (cap {})", db.file, before, size, limit);
        }
        List<ReportDraft> due = new ArrayList<>();
        if (!unsent.isEmpty()) {
            due.add(unsent.alarm(settings.agentDevice(), now, clock));
        }
        long used = size;
        db.transaction(c -> {
            List<ReportDraft> all = new ArrayList<>(due);
            all.addAll(alarms.check(c, used, limit, now, settings.agentDevice(), clock));
            return ReportTable.append(c, all, now);
        });
    }

    /**
     * Applies max_age_days and raw_sample_days; unacknowledged reports go by age only while the clock
     * is SYNCED or FREE_RUNNING (the size cap still bounds the store when it is not).
     */
    void expire(Instant now, ClockQuality clock) throws SQLException {
        Unsent unsent = new Unsent();
        boolean trusted = clock == ClockQuality.SYNCED || clock == ClockQuality.FREE_RUNNING;
        int deleted = db.transaction(c -> eviction.expire(c, now, settings.rawSampleDays(), settings.maxAgeDays(),
                trusted, unsent));
        if (deleted > 0) {
            db.reclaim();
            Logger.info("store {}: deleted {} records past their age limit", db.file, deleted);
        }
        announce(unsent, now, clock);
    }

    /** After a full-disk failure: evicts one more step from the first non-empty tier; false when nothing is left. */
    boolean makeRoom(List<Eviction.Tier> tiers, int step, Unsent unsent) throws SQLException {
        for (Eviction.Tier t : tiers) {
            int deleted = db.transaction(c -> t.evict(c, FIRST_UNITS * step, unsent));
            if (deleted > 0) {
                Logger.warn("store {} is full: evicted {} rows of {}", db.file, deleted, t.name());
                db.reclaim();
                return true;
            }
        }
        return false;
    }

    Eviction eviction() {
        return eviction;
    }

    /** Appends the storage.unsent-evicted alarm when unacknowledged reports went. */
    void announce(Unsent unsent, Instant now, ClockQuality clock) throws SQLException {
        if (!unsent.isEmpty()) {
            Logger.error("store {}: {}", db.file, unsent.detail());
            db.transaction(c -> ReportTable.append(c, List.of(unsent.alarm(settings.agentDevice(), now, clock)), now));
        }
    }

}
