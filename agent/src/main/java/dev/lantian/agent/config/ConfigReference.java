package dev.lantian.agent.config;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes docs/configuration.md from {@link SiteSchema}, so the reference technicians read is the
 * declaration the checker enforces. Run {@code main} to regenerate; a test fails when the committed
 * file differs.
 */
public final class ConfigReference {
    /** How to regenerate, as printed in the document and in the drift test's failure. */
    public static final String REGENERATE = "mvn -B -q package -pl agent -am -DskipTests && "
            + "java -cp agent/target/lantian-agent.jar dev.lantian.agent.config.ConfigReference > docs/configuration.md";

    private ConfigReference() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(markdown());
        out.flush();
    }

    /** The whole reference document. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Site configuration reference\n\n");
        md.append("<!-- Generated from dev.lantian.agent.config.SiteSchema: do not edit by hand. Regenerate with:\n     ")
                .append(REGENERATE).append("\n-->\n\n");
        md.append("""
                One YAML file describes a site completely: the buses and devices the board reads, the channels \
                measured from them, the equipment whose running state is decided, the rules that apply, and where \
                reports go. Two complete examples ship with the agent: `agent/examples/bag-filter-plant.yaml` and \
                `agent/examples/voc-unit.yaml`.

                Check a file before starting the agent with it:

                ```
                java -jar lantian-agent.jar validate /etc/lantian/site.yaml
                ```

                It prints `FILE: valid (N devices, M channels, K equipment)` and exits 0, or prints every problem \
                as `FILE:LINE:COLUMN: path.to.key: what is wrong (expected …)` and exits 2. The agent refuses to \
                start with a file that does not validate.

                Notation used below:

                - **Paths**: `devices[].bus` is the key `bus` of every entry of the list `devices`. In messages the \
                entry is numbered from 0: `devices[3].bus` is the fourth device.
                - **Durations** are a number and a unit: `500ms`, `30s`, `5m`, `1h`, `14d`; parts can be combined, \
                `1h30m`. A bare number is rejected, since seconds and minutes are easy to confuse.
                - **Ids** are lower-case letters, digits, `-`, `_` and `.`, starting with a letter or digit. Ids \
                are unique among their kind and are how sections refer to each other.
                - **Integers** can be written in hex (`0x76`), which suits I2C addresses.
                - **Required** keys must be given; the others take the default shown, or are left out when no \
                default is shown. A key that is not listed here is an error (a misspelt key would otherwise be \
                ignored silently).

                """);
        md.append("## Top level\n\n");
        table(md, SiteSchema.SITE.keys(), "", false);
        for (Key key : SiteSchema.SITE.keys()) {
            md.append("\n## `").append(key.name()).append("`\n\n").append(key.description()).append("\n\n");
            ValueType inner = key.type() instanceof ValueType.ListOf l ? l.element() : key.type();
            String prefix = key.type() instanceof ValueType.ListOf ? key.name() + "[]" : key.name();
            if (inner instanceof ValueType.Section s) {
                table(md, s.keys(), prefix, true);
            } else if (inner instanceof ValueType.Variant v) {
                variant(md, v, prefix);
            }
        }
        crossChecks(md);
        fields(md);
        return md.toString();
    }

    private static void variant(StringBuilder md, ValueType.Variant v, String prefix) {
        md.append("Keys of every entry:\n\n");
        table(md, v.common(), prefix, true);
        for (Map.Entry<String, List<Key>> e : v.variants().entrySet()) {
            md.append("\n### `").append(v.discriminator()).append(": ").append(e.getKey()).append("`\n\n")
                    .append(capital(v.variantDescriptions().get(e.getKey()))).append(".\n\n");
            if (e.getValue().isEmpty()) {
                md.append("No keys beyond those of every entry.\n");
            } else {
                table(md, e.getValue(), prefix, true);
            }
        }
    }

    private static void table(StringBuilder md, List<Key> keys, String prefix, boolean nested) {
        md.append("| Key | Type | Required / default | Description |\n|---|---|---|---|\n");
        rows(md, keys, prefix, nested);
    }

    private static void rows(StringBuilder md, List<Key> keys, String prefix, boolean nested) {
        for (Key key : keys) {
            String path = prefix.isEmpty() ? key.name() : prefix + "." + key.name();
            md.append("| `").append(path).append("` | ").append(cell(typeOf(key.type()))).append(" | ")
                    .append(cell(presence(key))).append(" | ").append(cell(key.description())).append(" |\n");
            if (!nested) {
                continue;
            }
            if (key.type() instanceof ValueType.Section s) {
                rows(md, s.keys(), path, true);
            } else if (key.type() instanceof ValueType.ListOf l && l.element() instanceof ValueType.Section s) {
                rows(md, s.keys(), path + "[]", true);
            }
        }
    }

    private static String typeOf(ValueType type) {
        if (type instanceof ValueType.ListOf l && (l.element() instanceof ValueType.Section
                || l.element() instanceof ValueType.Variant)) {
            return l.minSize() > 0 ? "list (at least " + l.minSize() + ") of mappings" : "list of mappings";
        }
        return type.describe();
    }

    private static String presence(Key key) {
        return switch (key.presence()) {
            case REQUIRED -> "**required**";
            case OPTIONAL -> "optional";
            case DEFAULTED -> key.defaultValue().isEmpty() ? "optional, keys take their defaults"
                    : key.defaultValue().equals("[]") ? "default: empty" : "default: `" + key.defaultValue() + "`";
        };
    }

    /** The rules {@link CrossChecker} enforces beyond each key's own type and range. */
    private static void crossChecks(StringBuilder md) {
        md.append("""

                ## Checks across keys

                Besides each key's own type and range, `validate` checks that the file holds together:

                - ids are unique among buses, devices, channels, equipment and limits;
                - every reference names something declared: `devices[].bus`, `channels[].source.device`, \
                `channels[].fog.humidity_channel`, `equipment[].measured_by.*`, and the equipment named by \
                `linkage`, `emergency.levels` and `staggered_production`;
                - a device sits on a bus of a type it can use (see each device type above), and no two devices \
                share a Modbus unit, DL/T 645 address, I2C address or GPIO pin on one bus; a Modbus unit on a \
                serial line is 1–247;
                - `channels[].source.field` is a field the device has (table below); not checked for a register \
                map given as a file;
                - a channel is not sampled faster than its device is polled; an SGP40 is polled every 1s;
                - `linkage[].production`, emergency orders and staggered production name production equipment, \
                `linkage[].treatment` names treatment equipment;
                - `running_below` ≤ `running_above`, `standby_above` < `running_above`, `clear_below` ≤ `above`, \
                `valid_range.min` < `valid_range.max`, `from` ≤ `to`, `raw_sample_days` ≤ `max_age_days`;
                - an emergency `limit` has a `max_share` and a `stop` has none; every equipment names at least \
                one channel;
                - `uplink.mqtt.tls` is only given with an ssl:// or wss:// url, `cert_file` and `key_file` \
                come together, and the url has a host and a port in 1–65535.
                """);
    }

    private static void fields(StringBuilder md) {
        DefaultFieldCatalog catalog = new DefaultFieldCatalog();
        md.append("\n## Device fields\n\n")
                .append("`channels[].source.field` names one of these. A `modbus` device has the fields of its ")
                .append("register map; with a register-map file the fields are those the file defines.\n\n")
                .append("| Device type | Fields |\n|---|---|\n");
        for (DeviceType type : DeviceType.values()) {
            if (type != DeviceType.MODBUS) {
                md.append("| `").append(type.yamlName()).append("` | ")
                        .append(list(catalog.fields(type, Optional.empty()).orElseThrow())).append(" |\n");
            }
        }
        md.append("\n| Shipped register map (`modbus`) | Fields |\n|---|---|\n");
        for (String map : catalog.registerMaps()) {
            md.append("| `").append(map).append("` | ")
                    .append(list(catalog.fields(DeviceType.MODBUS, Optional.of(map)).orElseThrow())).append(" |\n");
        }
    }

    private static String list(Set<String> fields) {
        return String.join(", ", fields.stream().map(f -> "`" + f + "`").toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
