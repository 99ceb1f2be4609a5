package dev.lantian.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration after the structural check: every value converted to its Java type and still
 * carrying its position and path, so the cross-checks can point at the offending line. Keys whose
 * value was malformed are absent, which is why every accessor here is lenient.
 */
sealed interface Checked {
    Pos pos();

    String path();

    record Scalar(Object value, Pos pos, String path) implements Checked {
    }

    record Items(List<Checked> items, Pos pos, String path) implements Checked {
    }

    /** A mapping; {@code keyPos} holds where each given key was written. */
    record Struct(Map<String, Checked> fields, Map<String, Pos> keyPos, Pos pos, String path) implements Checked {

        Optional<Checked> get(String key) {
            return Optional.ofNullable(fields.get(key));
        }

        <T> Optional<T> value(String key, Class<T> type) {
            Checked c = fields.get(key);
            if (c instanceof Scalar s && type.isInstance(s.value())) {
                return Optional.of(type.cast(s.value()));
            }
            return Optional.empty();
        }

        Optional<String> text(String key) {
            return value(key, String.class);
        }

        Optional<Struct> struct(String key) {
            return fields.get(key) instanceof Struct s ? Optional.of(s) : Optional.empty();
        }

        List<Checked> items(String key) {
            return fields.get(key) instanceof Items i ? i.items() : List.of();
        }

        List<Struct> structs(String key) {
            List<Struct> out = new ArrayList<>();
            for (Checked c : items(key)) {
                if (c instanceof Struct s) {
                    out.add(s);
                }
            }
            return out;
        }

        /** Where to point for a problem with this key's value: the value, else the key, else the mapping. */
        Pos posOf(String key) {
            Checked c = fields.get(key);
            if (c != null) {
                return c.pos();
            }
            return keyPos.getOrDefault(key, pos);
        }

        String pathOf(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
