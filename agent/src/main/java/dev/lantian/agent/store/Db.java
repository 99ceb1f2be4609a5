package dev.lantian.agent.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The store's one connection: transactions, size and space reclaiming. Callers hold the store's lock. */
final class Db {
    /** One unit of SQL work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    final Path file;
    private final Path wal;
    private final Connection connection;

    Db(Path file, Connection connection) {
        this.file = file;
        this.wal = file.resolveSibling(file.getFileName() + "-wal");
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    <T> T transaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // SQLite may already have rolled back (SQLITE_FULL does): the original error is what matters.
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException reset) {
                e.addSuppressed(reset);
            }
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
    }

    /** Bytes the store occupies: database pages (page_count × page_size) plus the write-ahead log file. */
    long size() throws SQLException {
        try (Statement s = connection.createStatement()) {
            long pages = Schema.integer(s, "PRAGMA page_count");
            long pageSize = Schema.integer(s, "PRAGMA page_size");
            return pages * pageSize + walSize();
        }
    }

    long freePages() throws SQLException {
        try (Statement s = connection.createStatement()) {
            return Schema.integer(s, "PRAGMA freelist_count");
        }
    }

    long walSize() {
        try {
            return Files.exists(wal) ? Files.size(wal) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Gives free pages back to the file system and cuts the log back to nothing. */
    void reclaim() throws SQLException {
        // The pragma frees one page per step and JDBC's execute() steps once: sqlite3_exec runs it to the end.
        connection.unwrap(org.sqlite.SQLiteConnection.class).getDatabase()._exec("PRAGMA incremental_vacuum");
        checkpoint();
    }

    /** Copies the log into the database and truncates the log file. */
    void checkpoint() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    void close() throws SQLException {
        connection.close();
    }
}
