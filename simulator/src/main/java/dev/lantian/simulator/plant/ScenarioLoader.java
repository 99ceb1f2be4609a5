package dev.lantian.simulator.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario YAML file: binds it to {@link ScenarioFile} (unknown keys and wrong types are
 * errors) and checks and resolves it into a {@link Scenario} ({@link ScenarioResolver}). Every error
 * names the field and its line.
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of(new ScenarioException.Problem("(file)", 0,
                    "cannot read: " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** A scenario shipped in the jar under {@code scenarios/NAME.yaml}. */
    public static Scenario shipped(String name) throws ScenarioException {
        String resource = "/scenarios/" + name + ".yaml";
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(resource, List.of(new ScenarioException.Problem("(file)", 0, "not in the jar")));
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException(resource, List.of(new ScenarioException.Problem("(file)", 0, e.getMessage())));
        }
    }

    public static Scenario parse(String fileName, String text) throws ScenarioException {
        ScenarioFile raw;
        try {
            raw = YAML.readValue(text, ScenarioFile.class);
        } catch (JsonMappingException e) {
            throw new ScenarioException(fileName, List.of(problem(e)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(fileName, List.of(new ScenarioException.Problem("(file)", line,
                    "not valid YAML: " + e.getOriginalMessage())));
        }
        if (raw == null) {
            throw new ScenarioException(fileName, List.of(new ScenarioException.Problem("(file)", 0, "the file is empty")));
        }
        return new ScenarioResolver(fileName, YamlLines.of(text)).resolve(raw);
    }

    private static ScenarioException.Problem problem(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String why = e instanceof UnrecognizedPropertyException u
                ? "unknown key '" + u.getPropertyName() + "'; known keys: " + u.getKnownPropertyIds()
                : e.getOriginalMessage().replaceAll("\\s*\\(for .*", "").replace("\n", " ");
        return new ScenarioException.Problem(field.length() == 0 ? "(file)" : field.toString(), line, why);
    }
}
