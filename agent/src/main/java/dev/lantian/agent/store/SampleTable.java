package dev.lantian.agent.store;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw samples, keyed (time in ms, channel number) in one table without rowid: one b-tree, about 25
 * bytes a sample. Time first so a batch appends to the end of the tree (a few pages written per
 * commit, where (channel, time) touched one page per channel) and age eviction is one range delete.
 * Channel names are numbered once in {@code channels}.
 */
final class SampleTable {
    /** Channel numbers known to be committed. */
    private final Map<String, Integer> ids = new HashMap<>();
    /** Numbers looked up or given in the current transaction; promoted by {@link #committed()}. */
    private final Map<String, Integer> fresh = new HashMap<>();

    /** Inserts in the caller's transaction; a second sample of a channel in the same millisecond is ignored and counted. */
    int insert(Connection c, List<Sample> samples) throws SQLException {
        fresh.clear();
        int duplicates = 0;
        try (PreparedStatement p = c.prepareStatement(
                "INSERT OR IGNORE INTO samples (channel, time, value, flag) VALUES (?, ?, ?, ?)")) {
            for (Sample s : samples) {
                p.setInt(1, id(c, s.channel()));
                p.setLong(2, s.time().toEpochMilli());
                if (s.hasValue()) {
                    p.setDouble(3, s.value());
                } else {
                    p.setNull(3, Types.REAL);
                }
                p.setString(4, s.flag().name());
                duplicates += p.executeUpdate() == 0 ? 1 : 0;
            }
        }
        return duplicates;
    }

    /**
     * The insert's transaction committed: its channel numbers may be cached. Until then they are not,
     * so a rolled-back transaction (full disk) never leaves a number that is not in the file.
     */
    void committed() {
        ids.putAll(fresh);
        fresh.clear();
    }

    List<Sample> range(Connection c, String channel, Instant from, Instant to) throws SQLException {
        Optional<Integer> id = known(c, channel);
        List<Sample> out = new ArrayList<>();
        if (id.isEmpty()) {
            return out;
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT time, value, flag FROM samples WHERE channel = ? AND time >= ? AND time < ? ORDER BY time")) {
            p.setInt(1, id.get());
            p.setLong(2, from.toEpochMilli());
            p.setLong(3, to.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    double v = r.getDouble(2);
                    if (r.wasNull()) {
                        v = Double.NaN;
                    }
                    out.add(new Sample(channel, Instant.ofEpochMilli(r.getLong(1)), v, QualityFlag.valueOf(r.getString(3))));
                }
            }
        }
        return out;
    }

    /** Deletes every sample older than {@code cutoff}. */
    int deleteBefore(Connection c, long cutoffMillis) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM samples WHERE time < ?")) {
            p.setLong(1, cutoffMillis);
            return p.executeUpdate();
        }
    }

    /** The oldest sample time, or empty when there are none. */
    Optional<Long> oldest(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT min(time) FROM samples"); ResultSet r = p.executeQuery()) {
            long t = r.next() ? r.getLong(1) : 0;
            return r.wasNull() ? Optional.empty() : Optional.of(t);
        }
    }

    long count(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM samples"); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private Optional<Integer> known(Connection c, String channel) throws SQLException {
        Integer cached = ids.get(channel);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM channels WHERE name = ?")) {
            p.setString(1, channel);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        }
    }

    private int id(Connection c, String channel) throws SQLException {
        Integer cached = ids.get(channel);
        if (cached == null) {
            cached = fresh.get(channel);
        }
        if (cached != null) {
            return cached;
        }
        Optional<Integer> known = known(c, channel);
        if (known.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO channels (name) VALUES (?)")) {
                p.setString(1, channel);
                p.executeUpdate();
            }
            known = known(c, channel);
        }
        fresh.put(channel, known.orElseThrow());
        return known.get();
    }
}
