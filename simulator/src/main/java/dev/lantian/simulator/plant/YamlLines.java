package dev.lantian.simulator.plant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line each node of a YAML text starts on, by JSON pointer ({@code /incidents/2/from}), so
 * checks made after binding can still say where the offending value is.
 */
final class YamlLines {
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlLines() {
    }

    /** Indexes {@code text}; a text that does not even parse gives an empty index (binding reports it). */
    static YamlLines of(String text) {
        YamlLines out = new YamlLines();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                out.lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // the binder reports the syntax error with its own location
        }
        return out;
    }

    /** The line of {@code pointer}, else of its nearest parent present, else 0. */
    int line(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    /** {@code /incidents/2/from} as {@code incidents[2].from}. */
    static String field(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(part);
            }
        }
        return sb.length() == 0 ? "(file)" : sb.toString();
    }
}
