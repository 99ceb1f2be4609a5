package dev.lantian.agent.store;

import org.tinylog.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The SQL of the reports and sequences tables; callers hold the store's lock and run the transaction. */
final class ReportTable {
    private ReportTable() {
    }

    /** The next sequence of {@code device}: one past the highest ever issued, even if that report was evicted. */
    static long nextSequence(Connection c, String device) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT max(coalesce((SELECT last FROM sequences WHERE device = ?), 0),"
                + " coalesce((SELECT max(sequence) FROM reports WHERE device = ?), 0))")) {
            p.setString(1, device);
            p.setString(2, device);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return Math.addExact(r.getLong(1), 1);
            }
        }
    }

    /** Numbers and inserts the drafts in the caller's transaction. */
    static List<Report> append(Connection c, List<ReportDraft> drafts, Instant generatedAt) throws SQLException {
        List<Report> stored = new ArrayList<>(drafts.size());
        for (ReportDraft d : drafts) {
            Report r = Report.numbered(d, nextSequence(c, d.device()), generatedAt);
            insert(c, r);
            stored.add(r);
        }
        return List.copyOf(stored);
    }

    static void insert(Connection c, Report report) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO reports (device, sequence, kind, period_start, period_end,"
                + " acquired_at, generated_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, report.device());
            p.setLong(2, report.sequence());
            p.setString(3, report.kind().name());
            setTime(p, 4, report.periodStart());
            setTime(p, 5, report.periodEnd());
            setTime(p, 6, report.acquiredAt());
            setTime(p, 7, report.generatedAt());
            p.setString(8, ReportJson.write(report));
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sequences (device, last) VALUES (?, ?)"
                + " ON CONFLICT (device) DO UPDATE SET last = max(last, excluded.last)")) {
            p.setString(1, report.device());
            p.setLong(2, report.sequence());
            p.executeUpdate();
        }
    }

    static List<Report> pending(Connection c, int max, boolean oldestFirst) throws SQLException {
        String sql = "SELECT device, sequence, payload FROM reports WHERE acked_at IS NULL ORDER BY id " + (oldestFirst ? "ASC" : "DESC")
                + " LIMIT ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, max);
            return reports(p);
        }
    }

    static boolean acknowledge(Connection c, String device, long sequence, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE reports SET acked_at = ? WHERE device = ? AND sequence = ? AND acked_at IS NULL")) {
            p.setLong(1, at.toEpochMilli());
            p.setString(2, device);
            p.setLong(3, sequence);
            return p.executeUpdate() > 0;
        }
    }

    static long count(Connection c, String where) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM reports WHERE " + where);
             ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static List<Report> history(Connection c, String device, Instant from, Instant to, Set<ReportKind> kinds, int max)
            throws SQLException {
        // "+device", "+kind": search by the time index, not by walking every report of the device or kind.
        StringBuilder sql = new StringBuilder("SELECT device, sequence, payload FROM reports WHERE +device = ?"
                + " AND coalesce(period_start, acquired_at) >= ? AND coalesce(period_start, acquired_at) < ?");
        if (!kinds.isEmpty()) {
            sql.append(kinds.stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(", ", " AND +kind IN (", ")")));
        }
        sql.append(" ORDER BY sequence LIMIT ?");
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            p.setString(1, device);
            p.setLong(2, from.toEpochMilli());
            p.setLong(3, to.toEpochMilli());
            p.setInt(4, max);
            return reports(p);
        }
    }

    /**
     * The reports of a query returning (device, sequence, payload). A payload that no longer parses
     * (a damaged page) is logged and skipped, so one bad row cannot stop the outbox.
     */
    private static List<Report> reports(PreparedStatement p) throws SQLException {
        List<Report> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                try {
                    out.add(ReportJson.read(r.getString(3)));
                } catch (RuntimeException e) {
                    Logger.error("stored report {} #{} is unreadable and skipped: {}", r.getString(1), r.getLong(2),
                            e.getMessage());
                }
            }
        }
        return out;
    }

    private static void setTime(PreparedStatement p, int i, Instant t) throws SQLException {
        if (t == null) {
            p.setNull(i, java.sql.Types.INTEGER);
        } else {
            p.setLong(i, t.toEpochMilli());
        }
    }
}
