package dev.lantian.agent.equipment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the last snapshot in memory: for tests and for a board without persistent storage. */
public final class InMemoryMonitorStateStore implements MonitorStateStore {
    private final AtomicReference<MonitorSnapshot> last = new AtomicReference<>();

    @Override
    public void save(MonitorSnapshot snapshot) {
        last.set(snapshot);
    }

    @Override
    public Optional<MonitorSnapshot> load() {
        return Optional.ofNullable(last.get());
    }
}
