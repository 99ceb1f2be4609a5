package dev.lantian.agent.equipment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The snapshot as one JSON file, replaced atomically (written to a temporary file in the same
 * directory, forced to disk, then renamed over the old one) so a power cut leaves either the old or
 * the new snapshot, never half of one.
 */
public final class JsonFileMonitorStateStore implements MonitorStateStore {
    private final Path file;
    private final ObjectMapper mapper;

    public JsonFileMonitorStateStore(Path file) {
        this.file = file;
        this.mapper = mapper();
    }

    static ObjectMapper mapper() {
        // Instants as ISO-8601 text; the jsr310 module is not among the managed dependencies and two
        // small adapters are all the snapshot needs.
        SimpleModule time = new SimpleModule("lantian-time");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper().registerModule(time).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void save(MonitorSnapshot snapshot) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (var out = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(mapper.writeValueAsBytes(snapshot)));
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
        try {
            MonitorSnapshot s = mapper.readValue(file.toFile(), MonitorSnapshot.class);
            if (s.version() != MonitorSnapshot.VERSION) {
                throw new IOException("monitor snapshot " + file + " has version " + s.version() + ", expected " + MonitorSnapshot.VERSION);
            }
            return Optional.of(s);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("monitor snapshot " + file + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
