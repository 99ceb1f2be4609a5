package dev.lantian.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What goes when the store is too big or records too old (docs/storage.md, "Eviction"). Tiers in
 * order: raw samples; acknowledged REALTIME, MINUTE, HOUR, DAY; acknowledged events, alarms and
 * status; unacknowledged REALTIME, MINUTE, HOUR, DAY; unacknowledged events, alarms and status. Each
 * tier goes oldest first. Unacknowledged deletions are recorded in an {@link Unsent}.
 */
final class Eviction {
    /** Raw samples go in slices of this many milliseconds (per unit), reports one row per unit. */
    static final long SAMPLE_SLICE_MS = Duration.ofMinutes(1).toMillis();
    private static final List<ReportKind> EVENTS = List.of(ReportKind.EVENT, ReportKind.ALARM, ReportKind.STATUS);

    /**
     * One step of the order: deletes up to {@code units} of its oldest records (a report each, or a
     * minute of raw samples over all channels), returns how many rows went.
     */
    interface Tier {
        String name();

        int evict(Connection c, int units, Unsent unsent) throws SQLException;
    }

    private final SampleTable samples;
    private final List<Tier> tiers = new ArrayList<>();

    Eviction(SampleTable samples) {
        this.samples = samples;
        tiers.add(new Tier() {
            public String name() {
                return "raw samples";
            }

            public int evict(Connection c, int units, Unsent unsent) throws SQLException {
                Optional<Long> oldest = samples.oldest(c);
                return oldest.isEmpty() ? 0 : samples.deleteBefore(c, oldest.get() + SAMPLE_SLICE_MS * units);
            }
        });
        for (boolean acked : new boolean[] {true, false}) {
            String state = acked ? "acked_at IS NOT NULL" : "acked_at IS NULL";
            for (ReportKind k : List.of(ReportKind.REALTIME, ReportKind.MINUTE, ReportKind.HOUR, ReportKind.DAY)) {
                tiers.add(reports((acked ? "acknowledged " : "unacknowledged ") + k.topic(),
                        "SELECT id FROM reports WHERE kind = '" + k.name() + "' AND " + state, !acked));
            }
            tiers.add(reports((acked ? "acknowledged" : "unacknowledged") + " events, alarms and status",
                    EVENTS.stream().map(k -> "SELECT id FROM reports WHERE kind = '" + k.name() + "' AND " + state)
                            .collect(java.util.stream.Collectors.joining(" UNION ALL ")), !acked));
        }
    }

    List<Tier> tiers() {
        return tiers;
    }

    /**
     * What a report write may displace when the disk itself is full: raw samples and acknowledged
     * reports, never an unacknowledged one (the size cap, not the disk, decides when unsent reports
     * give way; a disk full below the cap means the cap is set too high).
     */
    List<Tier> roomTiers() {
        return tiers.subList(0, 6);
    }

    /** Only the raw-sample tier: what a raw-sample write may displace. */
    List<Tier> sampleTiers() {
        return tiers.subList(0, 1);
    }

    /**
     * Applies the age limits: raw samples older than {@code rawDays}, acknowledged reports older than
     * {@code maxDays}, and — only when {@code clockTrusted} — unacknowledged ones older than that too,
     * recorded in {@code unsent}. (A clock that jumped years ahead must not delete what was never sent.)
     */
    int expire(Connection c, Instant now, int rawDays, int maxDays, boolean clockTrusted, Unsent unsent)
            throws SQLException {
        int deleted = samples.deleteBefore(c, now.minus(Duration.ofDays(rawDays)).toEpochMilli());
        String old = "coalesce(period_start, acquired_at) < " + now.minus(Duration.ofDays(maxDays)).toEpochMilli();
        deleted += delete(c, "SELECT id FROM reports WHERE acked_at IS NOT NULL AND " + old, false, unsent, "");
        if (clockTrusted) {
            deleted += delete(c, "SELECT id FROM reports WHERE acked_at IS NULL AND " + old, true, unsent,
                    "older than max_age_days " + maxDays);
        }
        return deleted;
    }

    /** A tier of reports: {@code candidates} selects their ids (walking the (kind, id) index). */
    private Tier reports(String name, String candidates, boolean unacknowledged) {
        return new Tier() {
            public String name() {
                return name;
            }

            public int evict(Connection c, int units, Unsent unsent) throws SQLException {
                String ids = "SELECT id FROM (" + candidates + ") ORDER BY id LIMIT " + units;
                return delete(c, ids, unacknowledged, unsent, "to stay within max_size_mb");
            }
        };
    }

    private static int delete(Connection c, String ids, boolean unacknowledged, Unsent unsent, String reason)
            throws SQLException {
        if (unacknowledged) {
            try (PreparedStatement p = c.prepareStatement("SELECT device, kind, count(*), min(sequence), max(sequence)"
                    + " FROM reports WHERE id IN (" + ids + ") GROUP BY device, kind");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    unsent.add(r.getString(1), ReportKind.valueOf(r.getString(2)), r.getLong(3), r.getLong(4),
                            r.getLong(5), reason);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM reports WHERE id IN (" + ids + ")")) {
            return p.executeUpdate();
        }
    }
}
