package dev.lantian.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code state} table: one text value per key, for components that keep state between runs. */
final class StateTable {
    private StateTable() {
    }

    static int put(Connection c, String key, String value, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO state (key, saved_at, value) VALUES (?, ?, ?)")) {
            p.setString(1, key);
            p.setLong(2, at.toEpochMilli());
            p.setString(3, value);
            return p.executeUpdate();
        }
    }

    static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM state WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }
}
