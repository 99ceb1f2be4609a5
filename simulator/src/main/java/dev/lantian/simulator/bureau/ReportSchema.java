package dev.lantian.simulator.bureau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.TreeSet;

/**
 * The published report schema, read from the agent jar (the same file a bureau platform is given),
 * applied with an independent validator: the bureau must not trust the board's own parser. Formats
 * (date-time) are asserted, not only annotated. Reasons are short and have array indices removed, so
 * a thousand reports broken the same way count under one reason.
 */
public final class ReportSchema {
    public static final String RESOURCE = "/dev/lantian/agent/store/report.schema.json";
    /** A board never writes a report this large; a bigger payload is refused before parsing. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final int MAX_REASON = 140;

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonSchema schema;

    private ReportSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static ReportSchema published() {
        try (InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("report schema " + RESOURCE + " is not on the classpath (agent jar missing?)");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return new ReportSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report schema " + RESOURCE, e);
        }
    }

    /** Either the parsed, schema-valid tree, or the reasons it is not one. */
    public record Checked(JsonNode tree, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Checked check(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return refused("payload larger than " + MAX_PAYLOAD_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return refused("not UTF-8");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return refused("not JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            return refused("empty payload");
        }
        TreeSet<String> problems = new TreeSet<>();
        for (ValidationMessage m : schema.validate(tree)) {
            problems.add(reason(m.getMessage()));
        }
        return new Checked(tree, List.copyOf(problems));
    }

    /** Parses without validating (state messages); throws on anything that is not JSON. */
    JsonNode tree(byte[] payload) {
        try {
            return mapper.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static Checked refused(String reason) {
        return new Checked(null, List.of(reason));
    }

    private static String reason(String message) {
        String r = "schema " + message.replaceAll("\\[\\d+]", "[]");
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON - 1) + "…";
    }
}
