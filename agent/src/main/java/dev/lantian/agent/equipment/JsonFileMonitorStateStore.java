package dev.lantian.agent.equipment;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The snapshot as one JSON file, replaced atomically (written to a temporary file in the same
 * directory, forced to disk, then renamed over the old one) so a power cut leaves either the old or
 * the new snapshot, never half of one.
 */
public final class JsonFileMonitorStateStore implements MonitorStateStore {
    private final Path file;

    public JsonFileMonitorStateStore(Path file) {
        this.file = file;
    }

    @Override
    public void save(MonitorSnapshot snapshot) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (var out = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(SnapshotJson.write(snapshot)));
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<MonitorSnapshot> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(SnapshotJson.read(Files.readAllBytes(file), file.toString()));
    }
}
