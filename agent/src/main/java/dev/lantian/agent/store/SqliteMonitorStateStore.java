package dev.lantian.agent.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.lantian.agent.equipment.MonitorSnapshot;
import dev.lantian.agent.equipment.MonitorStateStore;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The equipment stage's snapshot in the store's database (table {@code state}), as the same JSON
 * {@link dev.lantian.agent.equipment.JsonFileMonitorStateStore} writes. Each save is one durable
 * transaction, so a power cut leaves the old or the new snapshot, never half of one — and the board
 * keeps one file instead of two.
 */
public final class SqliteMonitorStateStore implements MonitorStateStore {
    static final String KEY = "equipment.monitor";
    private static final ObjectMapper MAPPER = mapper();

    private final ReportStore store;

    public SqliteMonitorStateStore(ReportStore store) {
        this.store = store;
    }

    @Override
    public void save(MonitorSnapshot snapshot) throws IOException {
        String json = MAPPER.writeValueAsString(snapshot);
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
        try {
            MonitorSnapshot s = MAPPER.readValue(json.get(), MonitorSnapshot.class);
            if (s == null || s.version() != MonitorSnapshot.VERSION) {
                throw new IOException("monitor snapshot in " + store.file() + " has version "
                        + (s == null ? "none" : s.version()) + ", expected " + MonitorSnapshot.VERSION);
            }
            return Optional.of(s);
        } catch (JacksonException e) {
            throw new IOException("monitor snapshot in " + store.file() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** Instants as ISO-8601 text, unknown properties ignored: the JSON file store's format. */
    private static ObjectMapper mapper() {
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
}
