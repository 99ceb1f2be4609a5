package dev.lantian.agent.equipment;

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

import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON form of a {@link MonitorSnapshot}, whichever store keeps it: instants as ISO-8601
 * text (the jsr310 module is not among the managed dependencies and two small adapters are all the
 * snapshot needs), unknown properties ignored (so a version 1 snapshot's sample lists are skipped),
 * the version checked on reading: 1 and 2 are read, 2 is written.
 */
public final class SnapshotJson {
    private static final ObjectMapper MAPPER = mapper();

    private SnapshotJson() {
    }

    public static byte[] write(MonitorSnapshot snapshot) throws IOException {
        return MAPPER.writeValueAsBytes(snapshot);
    }

    /** Reads a snapshot; {@code where} names its place (file, database) in the error messages. */
    public static MonitorSnapshot read(byte[] json, String where) throws IOException {
        try {
            MonitorSnapshot s = MAPPER.readValue(json, MonitorSnapshot.class);
            if (s == null || s.version() < MonitorSnapshot.OLDEST_READABLE || s.version() > MonitorSnapshot.VERSION) {
                throw new IOException("monitor snapshot " + where + " has version "
                        + (s == null ? "none" : s.version()) + ", expected " + MonitorSnapshot.OLDEST_READABLE
                        + " to " + MonitorSnapshot.VERSION);
            }
            return s;
        } catch (JacksonException e) {
            throw new IOException("monitor snapshot " + where + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

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
