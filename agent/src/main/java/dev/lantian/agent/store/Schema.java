package dev.lantian.agent.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the database file and creates the tables (docs/storage.md). Times are epoch milliseconds;
 * {@code payload} is exactly the published JSON ({@link ReportJson#write}).
 */
final class Schema {
    static final int VERSION = 1;

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS reports (
            id INTEGER PRIMARY KEY,
            device TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            period_start INTEGER,
            period_end INTEGER,
            acquired_at INTEGER NOT NULL,
            generated_at INTEGER NOT NULL,
            payload TEXT NOT NULL,
            acked_at INTEGER,
            UNIQUE (device, sequence))""",
        "CREATE INDEX IF NOT EXISTS reports_pending ON reports(id) WHERE acked_at IS NULL",
        "CREATE INDEX IF NOT EXISTS reports_time ON reports(coalesce(period_start, acquired_at))",
        "CREATE INDEX IF NOT EXISTS reports_kind ON reports(kind, id)",
        "CREATE TABLE IF NOT EXISTS sequences (device TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS channels (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        """
        CREATE TABLE IF NOT EXISTS samples (
            channel INTEGER NOT NULL,
            time INTEGER NOT NULL,
            value REAL,
            flag TEXT NOT NULL,
            PRIMARY KEY (time, channel)) WITHOUT ROWID""",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, saved_at INTEGER NOT NULL, value TEXT NOT NULL)",
    };

    private Schema() {
    }

    /** Opens (creating if absent) and checks the file; a file that is not a sound store is a StoreException naming it. */
    static Connection open(Path file, long maxBytes) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory of the store " + file + ": " + e, e);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
        try {
            prepare(c, file, maxBytes);
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the open failure is what matters
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot use " + file + " as the store: " + describe(e)
                    + " (move the file aside to start a fresh store; nothing in it was changed)", e);
        }
    }

    private static void prepare(Connection c, Path file, long maxBytes) throws SQLException {
        try (Statement s = c.createStatement()) {
            // auto_vacuum only takes effect before the first table exists; harmless afterwards.
            s.execute("PRAGMA auto_vacuum = INCREMENTAL");
            String problem = text(s, "PRAGMA quick_check(1)");
            if (!"ok".equalsIgnoreCase(problem)) {
                throw new StoreException("the store " + file + " is damaged: " + problem
                        + " (move the file aside to start a fresh store)");
            }
            String mode = text(s, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException("the store " + file + " cannot use a write-ahead log (journal mode " + mode + ")");
            }
            // FULL: in WAL mode every commit is fsynced before append() returns; NORMAL would only
            // fsync at checkpoints and a power cut could lose reports the caller believed stored.
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = OFF");
            // The log is checkpointed at 1/20 of the size cap (SQLite's default of 1000 pages at most),
            // so the log never holds a large share of the cap, and cut back to that size afterwards.
            long pageSize = integer(s, "PRAGMA page_size");
            long walPages = Math.max(16, Math.min(1000, maxBytes / 20 / pageSize));
            s.execute("PRAGMA wal_autocheckpoint = " + walPages);
            s.execute("PRAGMA journal_size_limit = " + walPages * pageSize);
            int version = integer(s, "PRAGMA user_version");
            if (version > VERSION) {
                throw new StoreException("the store " + file + " was written by a newer agent (schema " + version
                        + ", this agent knows " + VERSION + ")");
            }
            for (String ddl : TABLES) {
                s.execute(ddl);
            }
            s.execute("PRAGMA user_version = " + VERSION);
        }
    }

    static String describe(Exception e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return "it is not an SQLite database";
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return "the database is damaged";
            }
        }
        return e.getMessage();
    }

    static boolean isFull(SQLException e) {
        return e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                || se.getResultCode().code == SQLiteErrorCode.SQLITE_FULL.code
                || (se.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code);
    }

    static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }

    static int integer(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
