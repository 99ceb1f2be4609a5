package dev.lantian.agent.config;

import dev.lantian.agent.config.Checked.Items;
import dev.lantian.agent.config.Checked.Scalar;
import dev.lantian.agent.config.Checked.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks the YAML node tree against the declared schema: unknown and duplicate keys, missing required
 * keys, wrong types and out-of-range values, at every level. Produces the {@link Checked} tree with
 * defaults filled in, and goes on after each problem so that all of them are reported.
 */
final class StructureChecker {
    private final Problems problems;

    StructureChecker(Problems problems) {
        this.problems = problems;
    }

    /** The checked value, or null when the node could not be used. */
    Checked check(Node node, ValueType type, String path) {
        Pos pos = pos(node);
        if (type instanceof ValueType.Section section) {
            return node instanceof MappingNode m ? section(m, section.keys(), Set.of(), "", path)
                    : mismatch(node, "a mapping (key: value lines)", path);
        }
        if (type instanceof ValueType.Variant variant) {
            return node instanceof MappingNode m ? variant(m, variant, path)
                    : mismatch(node, "a mapping (key: value lines)", path);
        }
        if (type instanceof ValueType.ListOf list) {
            if (!(node instanceof SequenceNode seq)) {
                return mismatch(node, "a list", path);
            }
            List<Checked> items = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                Checked c = check(seq.getValue().get(i), list.element(), path + "[" + i + "]");
                if (c != null) {
                    items.add(c);
                }
            }
            if (seq.getValue().size() < list.minSize()) {
                problems.add(pos, path, "needs at least " + list.minSize() + " entr"
                        + (list.minSize() == 1 ? "y" : "ies") + ", the list is empty");
            }
            return new Items(items, pos, path);
        }
        if (!(node instanceof ScalarNode scalar)) {
            return mismatch(node, type.describe(), path);
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            problems.add(pos, path, "no value given (expected " + type.describe() + ")");
            return null;
        }
        Object value = Scalars.convert(scalar, type, msg -> problems.add(pos, path, msg));
        return value == null ? null : new Scalar(value, pos, path);
    }

    private Checked variant(MappingNode node, ValueType.Variant variant, String path) {
        String kind = null;
        for (NodeTuple t : withMerges(node, path, false)) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(variant.discriminator())
                    && t.getValueNode() instanceof ScalarNode v) {
                kind = v.getValue();
            }
        }
        List<Key> keys = new ArrayList<>(variant.common());
        Set<String> tolerated = new LinkedHashSet<>();
        String what = "";
        if (kind != null && variant.variants().containsKey(kind)) {
            keys.addAll(variant.variants().get(kind));
            what = " for " + variant.discriminator() + " " + kind;
        } else {
            // The type is wrong or missing (reported on its own): do not bury that under a complaint
            // for every key that only the intended type would have allowed.
            variant.variants().values().forEach(ks -> ks.forEach(k -> tolerated.add(k.name())));
        }
        return section(node, keys, tolerated, what, path);
    }

    private Struct section(MappingNode node, List<Key> keys, Set<String> tolerated, String what, String path) {
        Map<String, Key> declared = new LinkedHashMap<>();
        keys.forEach(k -> declared.put(k.name(), k));
        Map<String, Checked> fields = new LinkedHashMap<>();
        Map<String, Pos> keyPos = new LinkedHashMap<>();
        Map<String, Pos> seen = new HashMap<>();
        for (NodeTuple t : withMerges(node, path, true)) {
            Pos kp = pos(t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(kp, path, "a key must be a plain word, not a list or mapping");
                continue;
            }
            String name = keyNode.getValue();
            String keyPath = path.isEmpty() ? name : path + "." + name;
            if (seen.containsKey(name)) {
                problems.add(kp, keyPath, "duplicate key '" + name + "' (first given at line "
                        + seen.get(name).line() + "; give each key once)");
                continue;
            }
            seen.put(name, kp);
            Key key = declared.get(name);
            if (key == null) {
                if (!tolerated.contains(name)) {
                    problems.add(kp, keyPath, unknownKey(name, declared.keySet(), what));
                }
                continue;
            }
            keyPos.put(name, kp);
            Node value = t.getValueNode();
            if (key.presence() != Key.Presence.REQUIRED && isNull(value)) {
                // "key:" with nothing after it means "use the default"
                Checked c = key.presence() == Key.Presence.DEFAULTED ? defaultValue(key, kp, keyPath) : null;
                if (c != null) {
                    fields.put(name, c);
                }
                continue;
            }
            Checked c = check(value, key.type(), keyPath);
            if (c != null) {
                fields.put(name, c);
            }
        }
        Pos pos = pos(node);
        for (Key key : keys) {
            if (seen.containsKey(key.name())) {
                continue;
            }
            String keyPath = path.isEmpty() ? key.name() : path + "." + key.name();
            if (key.presence() == Key.Presence.REQUIRED) {
                problems.add(pos, keyPath, "missing required key '" + key.name() + "'" + what
                        + " (expected " + key.type().describe() + ")");
            } else if (key.presence() == Key.Presence.DEFAULTED) {
                Checked c = defaultValue(key, pos, keyPath);
                if (c != null) {
                    fields.put(key.name(), c);
                }
            }
        }
        return new Struct(fields, keyPos, pos, path);
    }

    /**
     * The mapping's entries with YAML merge keys ({@code <<: *common}) resolved: keys written in the
     * mapping win over merged ones, and an earlier merged mapping wins over a later one. Lets a site
     * with twenty similar channels write the shared keys once.
     */
    private List<NodeTuple> withMerges(MappingNode node, String path, boolean report) {
        List<NodeTuple> explicit = new ArrayList<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getTag().equals(Tag.MERGE)) {
                Node v = t.getValueNode();
                List<Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
                for (Node source : sources) {
                    if (source instanceof MappingNode m) {
                        merged.addAll(withMerges(m, path, report));
                    } else if (report) {
                        problems.add(pos(source), path, "'<<' must merge a mapping (expected <<: *anchor of a mapping)");
                    }
                }
            } else {
                explicit.add(t);
            }
        }
        Set<String> names = new java.util.HashSet<>();
        for (NodeTuple t : explicit) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                names.add(k.getValue());
            }
        }
        for (NodeTuple t : merged) {
            if (t.getKeyNode() instanceof ScalarNode k && names.add(k.getValue())) {
                explicit.add(t);
            }
        }
        return explicit;
    }

    private Checked defaultValue(Key key, Pos pos, String path) {
        if (key.type() instanceof ValueType.Section s) {
            Struct st = section(new MappingNode(Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK), s.keys(), Set.of(), "", path);
            return new Struct(st.fields(), st.keyPos(), pos, path);
        }
        if (key.type() instanceof ValueType.ListOf) {
            return new Items(List.of(), pos, path);
        }
        ScalarNode text = new ScalarNode(Tag.STR, key.defaultValue(), null, null, org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
        Object value = Scalars.convert(text, key.type(), msg -> {
            throw new IllegalStateException("schema default of " + path + " is invalid: " + msg);
        });
        return new Scalar(value, pos, path);
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static String unknownKey(String name, Set<String> allowed, String what) {
        StringBuilder s = new StringBuilder("unknown key '").append(name).append("'").append(what);
        Suggestions.closest(name, allowed).ifPresentOrElse(
                c -> s.append(" (did you mean '").append(c).append("'?)"),
                () -> s.append(" (allowed here: ").append(String.join(", ", allowed)).append(')'));
        return s.toString();
    }

    private Checked mismatch(Node node, String expected, String path) {
        String got;
        if (node instanceof MappingNode) {
            got = "a mapping";
        } else if (node instanceof SequenceNode) {
            got = "a list";
        } else if (isNull(node)) {
            got = "nothing";
        } else {
            got = "'" + ((ScalarNode) node).getValue() + "'";
        }
        problems.add(pos(node), path, "expected " + expected + ", got " + got);
        return null;
    }

    static Pos pos(Node node) {
        if (node == null || node.getStartMark() == null) {
            return Pos.NONE;
        }
        return new Pos(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }
}
