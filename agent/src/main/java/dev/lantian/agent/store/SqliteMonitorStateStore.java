package dev.lantian.agent.store;

import dev.lantian.agent.equipment.MonitorSnapshot;
import dev.lantian.agent.equipment.MonitorStateStore;
import dev.lantian.agent.equipment.SnapshotJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The equipment stage's snapshot in the store's database (table {@code state}), as the same JSON
 * {@link dev.lantian.agent.equipment.JsonFileMonitorStateStore} writes. Each save is one durable
 * transaction, so a power cut leaves the old or the new snapshot, never half of one — and the board
 * keeps one file instead of two.
 */
public final class SqliteMonitorStateStore implements MonitorStateStore {
    static final String KEY = "equipment.monitor";

    private final ReportStore store;

    public SqliteMonitorStateStore(ReportStore store) {
        this.store = store;
    }

    @Override
    public void save(MonitorSnapshot snapshot) throws IOException {
        String json = new String(SnapshotJson.write(snapshot), StandardCharsets.UTF_8);
        try {
            store.putState(KEY, json);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<MonitorSnapshot> load() throws IOException {
        Optional<String> json;
        try {
            json = store.state(KEY);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (json.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SnapshotJson.read(json.get().getBytes(StandardCharsets.UTF_8), "in " + store.file()));
    }
}
