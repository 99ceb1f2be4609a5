package dev.lantian.agent.assembly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.tinylog.Logger;

/**
 * When the board was last known to be running, kept every few seconds in a file of a few bytes, so a
 * restart after a power cut measures the outage from close to when it began. (The equipment snapshot
 * is a few kB but a durable database transaction, and is saved far less often.)
 */
public interface AliveMarker {

    void mark(Instant at);

    /** The last mark; empty when there is none or it cannot be read (logged). */
    Optional<Instant> last();

    static AliveMarker inMemory() {
        AtomicReference<Instant> last = new AtomicReference<>();
        return new AliveMarker() {
            @Override
            public void mark(Instant at) {
                last.set(at);
            }

            @Override
            public Optional<Instant> last() {
                return Optional.ofNullable(last.get());
            }
        };
    }

    /** A one-line file, replaced atomically, so a power cut leaves the old or the new time, never half. */
    static AliveMarker file(Path file) {
        return new AliveMarker() {
            @Override
            public void mark(Instant at) {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(tmp, at + "\n", StandardCharsets.UTF_8);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Logger.warn("cannot mark the board alive in {}: {}", file, e.getMessage());
                }
            }

            @Override
            public Optional<Instant> last() {
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
                } catch (IOException | DateTimeParseException e) {
                    Logger.warn("{} unreadable ({}); the last equipment snapshot's time is used instead", file,
                            e.getMessage());
                    return Optional.empty();
                }
            }
        };
    }
}
