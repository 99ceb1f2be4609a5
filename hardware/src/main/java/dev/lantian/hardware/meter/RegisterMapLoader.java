package dev.lantian.hardware.meter;

import dev.lantian.hardware.meter.YamlNode.Mapping;
import dev.lantian.hardware.meter.YamlNode.Scalar;
import dev.lantian.hardware.meter.YamlNode.Sequence;
import dev.lantian.hardware.modbus.RegisterFunction;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a register map from YAML. The format (see the shipped maps for examples):
 *
 * <pre>
 * name: eastron-sdm630
 * description: ...
 * defaults: { function: input, type: float32, word_order: big, byte_order: big, scale: 1 }
 * ratios:                                   # optional
 *   ct: { function: holding, address: 0x0006, type: uint16, default: 1 }
 *   pt: { default: 1 }                      # no register: a fixed value the site may override
 * registers:
 *   - { field: phase1_voltage, address: 0x0000, unit: V }
 *   - { field: import_energy, address: 0x0048, unit: kWh, cumulative: true }
 *   - { field: phase1_current, address: 0x0010, type: uint16, scale: 0.01, ratios: [ct], unit: A }
 * </pre>
 *
 * Every problem is reported with its line; unknown keys are errors, so a typo cannot silently turn
 * into a default.
 */
public final class RegisterMapLoader {
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "source", "defaults", "ratios", "registers");
    private static final Set<String> DEFAULT_KEYS = Set.of("function", "type", "word_order", "byte_order", "scale");
    private static final Set<String> ENTRY_KEYS = Set.of("field", "function", "address", "type", "word_order",
            "byte_order", "scale", "offset", "unit", "cumulative", "ratios", "note");
    private static final Set<String> RATIO_KEYS = Set.of("function", "address", "type", "scale", "default");

    private RegisterMapLoader() {
    }

    /**
     * @param fallbackName the map's name when the file has none (the path of a user map)
     * @param source       what error messages call the file
     */
    public static RegisterMap load(Reader reader, String fallbackName, String source) throws RegisterMapException {
        YamlNode root = YamlNode.parse(reader, source);
        Mapping top = mapping(root, source, "the top level");
        checkKeys(top, TOP_KEYS, source);
        String name = optionalText(top, "name", source).orElse(fallbackName);
        String description = optionalText(top, "description", source).orElse("");

        Defaults defaults = new Defaults(RegisterFunction.INPUT, RegisterType.FLOAT32, Endianness.BIG, Endianness.BIG, 1.0);
        if (top.entries().get("defaults") != null) {
            Mapping d = mapping(top.entries().get("defaults"), source, "defaults");
            checkKeys(d, DEFAULT_KEYS, source);
            defaults = new Defaults(
                    parsed(d, "function", RegisterFunction::parse, "input or holding", source).orElse(defaults.function()),
                    parsed(d, "type", RegisterType::parse, "int16, uint16, int32, uint32 or float32", source).orElse(defaults.type()),
                    parsed(d, "word_order", Endianness::parse, "big or little", source).orElse(defaults.wordOrder()),
                    parsed(d, "byte_order", Endianness::parse, "big or little", source).orElse(defaults.byteOrder()),
                    number(d, "scale", source).orElse(defaults.scale()));
        }

        List<Ratio> ratios = new ArrayList<>();
        if (top.entries().get("ratios") != null) {
            Mapping r = mapping(top.entries().get("ratios"), source, "ratios");
            for (var e : r.entries().entrySet()) {
                ratios.add(ratio(e.getKey(), e.getValue(), defaults, source));
            }
        }
        Set<String> ratioNames = new HashSet<>();
        ratios.forEach(x -> ratioNames.add(x.name()));

        YamlNode regsNode = top.entries().get("registers");
        if (!(regsNode instanceof Sequence regs) || regs.items().isEmpty()) {
            throw new RegisterMapException(source, regsNode == null ? top.line() : regsNode.line(),
                    "'registers' must be a non-empty list of entries");
        }
        List<RegisterEntry> entries = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (YamlNode item : regs.items()) {
            RegisterEntry entry = entry(item, defaults, ratioNames, source);
            if (!fields.add(entry.field())) {
                throw new RegisterMapException(source, item.line(), "field '" + entry.field() + "' is defined twice");
            }
            entries.add(entry);
        }
        return new RegisterMap(name, description, entries, ratios);
    }

    private record Defaults(RegisterFunction function, RegisterType type, Endianness wordOrder, Endianness byteOrder,
                            double scale) {
    }

    private static RegisterEntry entry(YamlNode item, Defaults d, Set<String> ratioNames, String source)
            throws RegisterMapException {
        Mapping m = mapping(item, source, "a register entry");
        checkKeys(m, ENTRY_KEYS, source);
        String field = optionalText(m, "field", source)
                .orElseThrow(() -> new RegisterMapException(source, m.line(), "entry has no 'field'"));
        if (!field.matches("[a-z][a-z0-9_]*")) {
            throw new RegisterMapException(source, m.line(), "field '" + field + "' must be lower case letters, digits and _");
        }
        RegisterType type = parsed(m, "type", RegisterType::parse, "int16, uint16, int32, uint32 or float32", source).orElse(d.type());
        int address = address(m, "address", source)
                .orElseThrow(() -> new RegisterMapException(source, m.line(), "entry '" + field + "' has no 'address'"));
        if (address + type.words() > 0x10000) {
            throw new RegisterMapException(source, m.entries().get("address").line(), "address beyond 65535");
        }
        List<String> ratios = new ArrayList<>();
        YamlNode rn = m.entries().get("ratios");
        if (rn != null) {
            if (!(rn instanceof Sequence seq)) {
                throw new RegisterMapException(source, rn.line(), "'ratios' must be a list such as [ct, pt]");
            }
            for (YamlNode r : seq.items()) {
                String name = r instanceof Scalar s ? s.text() : null;
                if (name == null || !ratioNames.contains(name)) {
                    throw new RegisterMapException(source, r.line(), "unknown ratio '" + name + "' (declare it under 'ratios:')");
                }
                ratios.add(name);
            }
        }
        return new RegisterEntry(field,
                parsed(m, "function", RegisterFunction::parse, "input or holding", source).orElse(d.function()),
                address, type,
                parsed(m, "word_order", Endianness::parse, "big or little", source).orElse(d.wordOrder()),
                parsed(m, "byte_order", Endianness::parse, "big or little", source).orElse(d.byteOrder()),
                number(m, "scale", source).orElse(d.scale()),
                number(m, "offset", source).orElse(0.0),
                optionalText(m, "unit", source).orElse(""),
                bool(m, "cumulative", source),
                ratios);
    }

    private static Ratio ratio(String name, YamlNode node, Defaults d, String source) throws RegisterMapException {
        Mapping m = mapping(node, source, "ratio '" + name + "'");
        checkKeys(m, RATIO_KEYS, source);
        Optional<Double> def = number(m, "default", source);
        OptionalDouble defaultValue = def.isPresent() ? OptionalDouble.of(def.get()) : OptionalDouble.empty();
        if (def.isPresent() && !(def.get() > 0)) {
            throw new RegisterMapException(source, m.entries().get("default").line(), "a ratio must be positive");
        }
        Optional<Integer> address = address(m, "address", source);
        if (address.isEmpty()) {
            if (def.isEmpty()) {
                throw new RegisterMapException(source, m.line(), "ratio '" + name + "' needs an 'address' or a 'default'");
            }
            return new Ratio(name, Optional.empty(), defaultValue);
        }
        return Ratio.inRegister(name,
                parsed(m, "function", RegisterFunction::parse, "input or holding", source).orElse(RegisterFunction.HOLDING),
                address.get(),
                parsed(m, "type", RegisterType::parse, "int16, uint16, int32, uint32 or float32", source).orElse(RegisterType.UINT16),
                number(m, "scale", source).orElse(1.0), defaultValue);
    }

    private static Mapping mapping(YamlNode node, String source, String what) throws RegisterMapException {
        if (node instanceof Mapping m) {
            return m;
        }
        throw new RegisterMapException(source, node.line(), what + " must be a mapping of key: value");
    }

    private static void checkKeys(Mapping m, Set<String> allowed, String source) throws RegisterMapException {
        for (var e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new RegisterMapException(source, e.getValue().line(),
                        "unknown key '" + e.getKey() + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static Optional<String> optionalText(Mapping m, String key, String source) throws RegisterMapException {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Scalar s && s.text() != null) {
            return Optional.of(s.text());
        }
        throw new RegisterMapException(source, n.line(), "'" + key + "' must be a single value");
    }

    private static <T> Optional<T> parsed(Mapping m, String key, Function<String, Optional<T>> parser, String expected,
                                          String source) throws RegisterMapException {
        Optional<String> text = optionalText(m, key, source);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(text.get());
        if (value.isEmpty()) {
            throw new RegisterMapException(source, m.entries().get(key).line(),
                    "'" + key + "' is '" + text.get() + "', expected " + expected);
        }
        return value;
    }

    private static Optional<Double> number(Mapping m, String key, String source) throws RegisterMapException {
        Optional<String> text = optionalText(m, key, source);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(text.get().trim());
            if (Double.isFinite(v)) {
                return Optional.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RegisterMapException(source, m.entries().get(key).line(), "'" + key + "' must be a number, not '" + text.get() + "'");
    }

    private static Optional<Integer> address(Mapping m, String key, String source) throws RegisterMapException {
        Optional<String> text = optionalText(m, key, source);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int v = Integer.decode(text.get().trim());
            if (v >= 0 && v <= 0xFFFF) {
                return Optional.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RegisterMapException(source, m.entries().get(key).line(),
                "'" + key + "' must be a register address 0..65535 (decimal or 0x hex), not '" + text.get() + "'");
    }

    private static boolean bool(Mapping m, String key, String source) throws RegisterMapException {
        Optional<String> text = optionalText(m, key, source);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RegisterMapException(source, m.entries().get(key).line(), "'" + key + "' must be true or false");
        };
    }
}
