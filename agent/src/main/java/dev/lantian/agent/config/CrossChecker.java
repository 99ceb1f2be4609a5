package dev.lantian.agent.config;

import dev.lantian.agent.config.Checked.Scalar;
import dev.lantian.agent.config.Checked.Struct;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that look across keys: unique ids, references between sections, devices on buses of
 * the right type, channel fields the device really has, and thresholds that contradict each other.
 * Runs on whatever passed the structural check, so one bad value does not hide the others.
 */
final class CrossChecker {
    private static final Duration SGP40_PERIOD = Duration.ofSeconds(1);

    private final Problems problems;
    private final FieldCatalog catalog;

    CrossChecker(Problems problems, FieldCatalog catalog) {
        this.problems = problems;
        this.catalog = catalog;
    }

    void check(Struct root) {
        Map<String, Struct> buses = unique(root.structs("buses"), "bus");
        Map<String, Struct> devices = unique(root.structs("devices"), "device");
        Map<String, Struct> channels = unique(root.structs("channels"), "channel");
        Map<String, Struct> equipment = unique(root.structs("equipment"), "equipment");
        // every entry is checked, also the second of two that share an id
        root.structs("devices").forEach(d -> device(d, buses));
        addressConflicts(root.structs("devices"), buses);
        Map<String, Struct> limits = new HashMap<>();
        for (Struct c : root.structs("channels")) {
            channel(c, devices, channels);
            for (Struct limit : c.structs("limits")) {
                limit(limit);
                limit.text("id").ifPresent(id -> duplicate(limits, id, limit, "limit"));
            }
        }
        root.structs("equipment").forEach(e -> equipment(e, channels));
        for (Struct link : root.structs("linkage")) {
            role(link, "production", equipment, "production");
            for (Checked t : link.items("treatment")) {
                role(t, equipment, "treatment");
            }
        }
        root.struct("emergency").flatMap(e -> e.struct("levels")).ifPresent(levels -> {
            for (String level : List.of("yellow", "orange", "red")) {
                Map<String, Struct> seen = new HashMap<>();
                for (Struct action : levels.structs(level)) {
                    emergencyAction(action, equipment);
                    action.text("equipment").ifPresent(id -> duplicate(seen, id, action,
                            "order for equipment at level " + level, action.posOf("equipment"), action.pathOf("equipment")));
                }
            }
        });
        for (Struct period : root.structs("staggered_production")) {
            for (Checked e : period.items("equipment")) {
                role(e, equipment, "production");
            }
            Optional<LocalDate> from = period.value("from", LocalDate.class);
            Optional<LocalDate> to = period.value("to", LocalDate.class);
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                problems.add(period.posOf("to"), period.pathOf("to"), "ends on " + to.get() + ", before it starts on "
                        + from.get() + " (expected a date on or after 'from')");
            }
        }
        root.struct("storage").ifPresent(this::storage);
        root.struct("uplink").flatMap(u -> u.struct("mqtt")).ifPresent(this::mqtt);
    }

    private Map<String, Struct> unique(List<Struct> entries, String noun) {
        Map<String, Struct> byId = new LinkedHashMap<>();
        for (Struct e : entries) {
            e.text("id").ifPresent(id -> duplicate(byId, id, e, noun));
        }
        return byId;
    }

    private void duplicate(Map<String, Struct> seen, String id, Struct entry, String noun) {
        duplicate(seen, id, entry, noun + " id", entry.posOf("id"), entry.pathOf("id"));
    }

    private void duplicate(Map<String, Struct> seen, String id, Struct entry, String what, Pos pos, String path) {
        Struct first = seen.putIfAbsent(id, entry);
        if (first != null) {
            problems.add(pos, path, "duplicate " + what + " '" + id + "' (first used at line " + first.pos().line()
                    + "; each must be unique)");
        }
    }

    private void device(Struct device, Map<String, Struct> buses) {
        Optional<DeviceType> type = device.text("type").map(DeviceType::fromYaml);
        Optional<String> busId = device.text("bus");
        if (busId.isPresent() && !buses.containsKey(busId.get())) {
            problems.add(device.posOf("bus"), device.pathOf("bus"), "unknown bus '" + busId.get() + "'"
                    + Suggestions.expectedOneOf(busId.get(), buses.keySet(), "bus"));
        } else if (busId.isPresent() && type.isPresent()) {
            Optional<BusType> busType = buses.get(busId.get()).text("type").map(BusType::fromYaml);
            if (busType.isPresent() && !type.get().buses().contains(busType.get())) {
                problems.add(device.posOf("bus"), device.pathOf("bus"), "a " + type.get().yamlName()
                        + " cannot be on bus '" + busId.get() + "', which is of type " + busType.get().yamlName()
                        + " (expected a bus of type " + String.join(" or ",
                        type.get().buses().stream().map(BusType::yamlName).sorted().toList()) + ")");
            }
            Optional<Long> unit = device.value("unit", Long.class);
            if (busType.orElse(null) == BusType.SERIAL && unit.isPresent() && (unit.get() < 1 || unit.get() > 247)) {
                problems.add(device.posOf("unit"), device.pathOf("unit"), unit.get()
                        + " cannot address a device on a serial line (expected 1–247)");
            }
        }
        if (type.orElse(null) == DeviceType.SGP40
                && !device.value("poll_period", Duration.class).orElse(SGP40_PERIOD).equals(SGP40_PERIOD)) {
            problems.add(device.posOf("poll_period"), device.pathOf("poll_period"), "the SGP40 VOC index algorithm"
                    + " needs one reading per second (expected 1s)");
        }
        device.text("register_map").ifPresent(map -> {
            if (!FieldCatalog.isFile(map) && !catalog.registerMaps().contains(map)) {
                problems.add(device.posOf("register_map"), device.pathOf("register_map"), "unknown register map '"
                        + map + "'" + Suggestions.expectedOneOf(map, catalog.registerMaps(), "register map")
                        .replace(")", " or the path of a register-map .yaml file)"));
            }
        });
    }

    /** Two devices answering to the same address on one bus would read each other's values. */
    private void addressConflicts(Iterable<Struct> devices, Map<String, Struct> buses) {
        Map<String, Struct> taken = new HashMap<>();
        for (Struct d : devices) {
            Optional<String> bus = d.text("bus").filter(buses::containsKey);
            Optional<DeviceType> type = d.text("type").map(DeviceType::fromYaml);
            if (bus.isEmpty() || type.isEmpty()) {
                continue;
            }
            BusType busType = buses.get(bus.get()).text("type").map(BusType::fromYaml).orElse(null);
            String key = switch (type.get()) {
                case MODBUS -> "unit";
                case DLT645 -> "address";
                case DRY_CONTACT -> "pin";
                case SGP40, BME280, ADS1115 -> "address";
                case SPS30 -> busType == BusType.I2C ? "address" : null;
                default -> null;
            };
            Optional<Checked> value = key == null ? Optional.empty() : d.get(key);
            if (value.isPresent() && value.get() instanceof Scalar s) {
                String slot = bus.get() + "/" + key + "=" + s.value();
                Struct first = taken.putIfAbsent(slot, d);
                if (first != null) {
                    problems.add(d.posOf(key), d.pathOf(key), key + " " + s.value() + " on bus '" + bus.get()
                            + "' is already used by device '" + first.text("id").orElse("?") + "' (line "
                            + first.pos().line() + ")");
                }
            }
        }
    }

    private void channel(Struct channel, Map<String, Struct> devices, Map<String, Struct> channels) {
        channel.struct("source").ifPresent(source -> {
            Optional<String> deviceId = source.text("device");
            if (deviceId.isEmpty()) {
                return;
            }
            Struct device = devices.get(deviceId.get());
            if (device == null) {
                problems.add(source.posOf("device"), source.pathOf("device"), "unknown device '" + deviceId.get() + "'"
                        + Suggestions.expectedOneOf(deviceId.get(), devices.keySet(), "device"));
                return;
            }
            Optional<Duration> sampling = channel.value("sampling_period", Duration.class);
            Optional<Duration> poll = device.value("poll_period", Duration.class);
            if (sampling.isPresent() && poll.isPresent() && sampling.get().compareTo(poll.get()) < 0) {
                problems.add(channel.posOf("sampling_period"), channel.pathOf("sampling_period"), "sampling every "
                        + Durations.format(sampling.get()) + " is faster than device '" + deviceId.get() + "' is read ("
                        + "poll_period " + Durations.format(poll.get()) + "; expected a sampling_period of at least "
                        + Durations.format(poll.get()) + ", or a shorter poll_period)");
            }
            Optional<String> field = source.text("field");
            Optional<DeviceType> type = device.text("type").map(DeviceType::fromYaml);
            if (field.isEmpty() || type.isEmpty()) {
                return;
            }
            Optional<Set<String>> known = catalog.fields(type.get(), device.text("register_map"));
            if (known.isPresent() && !known.get().contains(field.get())) {
                String of = type.get() == DeviceType.MODBUS
                        ? "register map " + device.text("register_map").orElse("?") : type.get().yamlName();
                problems.add(source.posOf("field"), source.pathOf("field"), "device '" + deviceId.get() + "' ("
                        + of + ") has no field '" + field.get() + "'"
                        + Suggestions.expectedOneOf(field.get(), known.get(), "field"));
            }
        });
        channel.struct("fog").ifPresent(fog -> fog.text("humidity_channel").ifPresent(h -> {
            if (!channels.containsKey(h)) {
                problems.add(fog.posOf("humidity_channel"), fog.pathOf("humidity_channel"), "unknown channel '" + h + "'"
                        + Suggestions.expectedOneOf(h, channels.keySet(), "channel"));
            }
        }));
        channel.struct("valid_range").ifPresent(range -> {
            Optional<Double> min = range.value("min", Double.class);
            Optional<Double> max = range.value("max", Double.class);
            if (min.isPresent() && max.isPresent() && min.get() >= max.get()) {
                problems.add(range.posOf("max"), range.pathOf("max"), "max " + max.get() + " is not above min "
                        + min.get() + " (expected max > min)");
            }
        });
    }

    private void limit(Struct limit) {
        Optional<Double> above = limit.value("above", Double.class);
        Optional<Double> clear = limit.value("clear_below", Double.class);
        if (above.isPresent() && clear.isPresent() && clear.get() > above.get()) {
            problems.add(limit.posOf("clear_below"), limit.pathOf("clear_below"), "clear_below " + clear.get()
                    + " is above the limit " + above.get() + " (expected clear_below ≤ above)");
        }
    }

    private void equipment(Struct e, Map<String, Struct> channels) {
        e.struct("measured_by").ifPresent(by -> {
            boolean any = false;
            for (String key : List.of("power", "contact", "energy")) {
                Optional<String> ref = by.text(key);
                any |= ref.isPresent();
                ref.ifPresent(id -> channelRef(by.posOf(key), by.pathOf(key), id, channels));
            }
            for (String key : List.of("currents", "voltages")) {
                for (Checked c : by.items(key)) {
                    any = true;
                    if (c instanceof Scalar s && s.value() instanceof String id) {
                        channelRef(s.pos(), s.path(), id, channels);
                    }
                }
            }
            if (!any && by.fields().keySet().containsAll(by.keyPos().keySet())) {
                problems.add(by.pos(), by.path(), "names no channel (expected at least one of power, currents,"
                        + " voltages, contact, energy)");
            }
        });
        e.struct("state").ifPresent(state -> {
            Optional<Double> standby = state.value("standby_above", Double.class);
            Optional<Double> above = state.value("running_above", Double.class);
            Optional<Double> below = state.value("running_below", Double.class);
            if (above.isPresent() && below.isPresent() && below.get() > above.get()) {
                problems.add(state.posOf("running_below"), state.pathOf("running_below"), "running_below "
                        + below.get() + " is above running_above " + above.get()
                        + " (expected running_below ≤ running_above; the gap between them is the hysteresis)");
            }
            if (standby.isPresent() && above.isPresent() && standby.get() >= above.get()) {
                problems.add(state.posOf("standby_above"), state.pathOf("standby_above"), "standby_above "
                        + standby.get() + " is not below running_above " + above.get()
                        + " (expected standby_above < running_above)");
            }
        });
    }

    private void channelRef(Pos pos, String path, String id, Map<String, Struct> channels) {
        if (!channels.containsKey(id)) {
            problems.add(pos, path, "unknown channel '" + id + "'" + Suggestions.expectedOneOf(id, channels.keySet(), "channel"));
        }
    }

    private void role(Struct holder, String key, Map<String, Struct> equipment, String role) {
        holder.get(key).ifPresent(c -> role(c, equipment, role));
    }

    private void role(Checked ref, Map<String, Struct> equipment, String role) {
        if (!(ref instanceof Scalar s) || !(s.value() instanceof String id)) {
            return;
        }
        Struct e = equipment.get(id);
        if (e == null) {
            List<String> candidates = equipment.entrySet().stream()
                    .filter(en -> en.getValue().text("role").map(role::equals).orElse(false))
                    .map(Map.Entry::getKey).toList();
            problems.add(s.pos(), s.path(), "unknown equipment '" + id + "'"
                    + Suggestions.expectedOneOf(id, candidates, role + " equipment"));
            return;
        }
        e.text("role").filter(r -> !r.equals(role)).ifPresent(r -> problems.add(s.pos(), s.path(), "equipment '" + id
                + "' is " + r + " equipment (line " + e.posOf("role").line() + "), expected " + role + " equipment here"));
    }

    private void emergencyAction(Struct action, Map<String, Struct> equipment) {
        role(action, "equipment", equipment, "production");
        Optional<String> kind = action.text("action");
        boolean hasShare = action.keyPos().containsKey("max_share");
        if (kind.filter("limit"::equals).isPresent() && !hasShare) {
            problems.add(action.posOf("action"), action.pathOf("max_share"),
                    "action limit needs max_share (expected a share of baseline power in (0, 1), e.g. 0.5)");
        }
        if (kind.filter("stop"::equals).isPresent() && hasShare) {
            problems.add(action.posOf("max_share"), action.pathOf("max_share"),
                    "max_share has no meaning with action stop (expected action limit, or no max_share)");
        }
    }

    private void storage(Struct storage) {
        Optional<Long> raw = storage.value("raw_sample_days", Long.class);
        Optional<Long> max = storage.value("max_age_days", Long.class);
        if (raw.isPresent() && max.isPresent() && raw.get() > max.get()) {
            problems.add(storage.posOf("raw_sample_days"), storage.pathOf("raw_sample_days"), raw.get()
                    + " days of raw samples exceed max_age_days " + max.get() + " (expected raw_sample_days ≤ max_age_days)");
        }
    }

    private void mqtt(Struct mqtt) {
        mqtt.text("url").ifPresent(url -> {
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null) {
                    problems.add(mqtt.posOf("url"), mqtt.pathOf("url"), "no host in '" + url
                            + "' (expected e.g. tcp://127.0.0.1:1883)");
                } else if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
                    problems.add(mqtt.posOf("url"), mqtt.pathOf("url"), "port " + uri.getPort()
                            + " is out of range (expected 1–65535)");
                }
                boolean secure = url.startsWith("ssl://") || url.startsWith("wss://");
                if (!secure && mqtt.keyPos().containsKey("tls")) {
                    problems.add(mqtt.posOf("tls"), mqtt.pathOf("tls"), "tls is set but the url '" + url
                            + "' is not encrypted (expected an ssl:// or wss:// url)");
                }
            } catch (URISyntaxException e) {
                problems.add(mqtt.posOf("url"), mqtt.pathOf("url"), "'" + url + "' is not a valid url: "
                        + e.getReason() + " (expected e.g. tcp://127.0.0.1:1883)");
            }
        });
        mqtt.struct("tls").ifPresent(tls -> {
            if (tls.keyPos().containsKey("cert_file") != tls.keyPos().containsKey("key_file")) {
                String given = tls.keyPos().containsKey("cert_file") ? "cert_file" : "key_file";
                problems.add(tls.posOf(given), tls.pathOf(given), "a client certificate needs both cert_file and"
                        + " key_file (expected both or neither)");
            }
        });
    }
}
