package dev.lantian.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A second connection to a store file, as another process would see it (and damage it). */
final class Peek implements AutoCloseable {
    private final Connection c;

    Peek(Path file) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long samples() throws SQLException {
        return count("SELECT count(*) FROM samples");
    }

    long reports(String device, ReportKind kind, boolean acked) throws SQLException {
        return count("SELECT count(*) FROM reports WHERE device = '" + device + "' AND kind = '" + kind.name()
                + "' AND acked_at IS " + (acked ? "NOT " : "") + "NULL");
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
