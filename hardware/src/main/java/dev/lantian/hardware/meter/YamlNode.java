package dev.lantian.hardware.meter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree that remembers the line of every node, so a bad user register map
 * gets an error that says where (Jackson's tree model forgets locations).
 */
sealed interface YamlNode {
    int line();

    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    /** A scalar; {@code text} is null for YAML null. */
    record Scalar(String text, int line) implements YamlNode {
    }

    /** Parses one document; syntax errors become {@link RegisterMapException} with the parser's line. */
    static YamlNode parse(Reader reader, String source) throws RegisterMapException {
        try (JsonParser p = new YAMLFactory().createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new RegisterMapException(source, 1, "the file is empty");
            }
            return read(p, source);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RegisterMapException(source, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RegisterMapException(source, 0, "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser p, String source) throws IOException, RegisterMapException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (entries.put(key, read(p, source)) != null) {
                        throw new RegisterMapException(source, keyLine, "key '" + key + "' appears twice");
                    }
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(p.getText(), line);
            }
        }
    }
}
