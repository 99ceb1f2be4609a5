package dev.lantian.agent.equipment;

import java.io.IOException;
import java.util.Optional;

/** Where the equipment stage keeps its state between runs. */
public interface MonitorStateStore {
    void save(MonitorSnapshot snapshot) throws IOException;

    /** Empty when nothing was saved yet; a corrupt store is an IOException, never a silent empty. */
    Optional<MonitorSnapshot> load() throws IOException;
}
