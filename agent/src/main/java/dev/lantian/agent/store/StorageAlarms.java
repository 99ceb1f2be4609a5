package dev.lantian.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storage.70pct and storage.90pct alarms: raised once when the store grows past the threshold,
 * cleared (same event id, with an end) once it is back below the threshold minus a 5-point margin
 * so it does not flap. Which alarms are open is kept in the {@code meta} table, in the same
 * transaction as the alarm report, so a restart neither repeats nor forgets one.
 */
final class StorageAlarms {
    static final int[] PERCENTS = {70, 90};
    static final int CLEAR_MARGIN = 5;

    /** Alarm drafts due at {@code used} of {@code limit} bytes; records the new state in the caller's transaction. */
    List<ReportDraft> check(Connection c, long used, long limit, Instant now, String device, ClockQuality clock)
            throws SQLException {
        List<ReportDraft> out = new ArrayList<>();
        double percent = 100.0 * used / limit;
        for (int p : PERCENTS) {
            String rule = "storage." + p + "pct";
            Optional<String> open = get(c, rule);
            String detail = String.format(java.util.Locale.ROOT, "store uses %d of %d bytes (%.1f%%, alarm at %d%%)",
                    used, limit, percent, p);
            if (open.isEmpty() && percent >= p) {
                ReportEvent e = new ReportEvent(rule + "@" + now.toEpochMilli(), rule, "agent", severity(p), now, null, detail);
                put(c, rule, e.id() + " " + now.toEpochMilli());
                out.add(draft(device, now, clock, e));
            } else if (open.isPresent() && percent < p - CLEAR_MARGIN) {
                String[] parts = open.get().split(" ");
                ReportEvent e = new ReportEvent(parts[0], rule, "agent", severity(p),
                        Instant.ofEpochMilli(Long.parseLong(parts[1])), now, detail);
                delete(c, rule);
                out.add(draft(device, now, clock, e));
            }
        }
        return out;
    }

    private static String severity(int percent) {
        return percent >= 90 ? "critical" : "warning";
    }

    private static ReportDraft draft(String device, Instant now, ClockQuality clock, ReportEvent e) {
        return new ReportDraft(device, ReportKind.ALARM, null, null, now, clock, List.of(), e);
    }

    private static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, "alarm." + key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static void put(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            p.setString(1, "alarm." + key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    private static void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM meta WHERE key = ?")) {
            p.setString(1, "alarm." + key);
            p.executeUpdate();
        }
    }
}
