package dev.lantian.agent.config;

import dev.lantian.agent.config.Checked.Scalar;
import dev.lantian.agent.config.Checked.Struct;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a checked tree into the records. Runs only when no problem was found, so every required
 * key is present and every default is filled in; a missing one here is a bug in the schema.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    static SiteConfig bind(Path source, Struct root) {
        Struct site = root.struct("site").orElseThrow();
        String mn = str(site, "device_id");
        return new SiteConfig(source,
                new SiteConfig.Site(str(site, "enterprise"), str(site, "enterprise_code"), mn,
                        site.value("time_zone", ZoneId.class).orElseThrow(), integer(site, "system_code")),
                reporting(root.struct("reporting").orElseThrow()),
                root.structs("buses").stream().map(ConfigBinder::bus).toList(),
                root.structs("devices").stream().map(ConfigBinder::device).toList(),
                root.structs("channels").stream().map(ConfigBinder::channel).toList(),
                root.structs("equipment").stream().map(ConfigBinder::equipment).toList(),
                root.structs("linkage").stream().map(l -> new Linkage(str(l, "production"), strings(l, "treatment"),
                        dur(l, "grace"), dur(l, "lead"), dur(l, "lag"))).toList(),
                emergency(root.struct("emergency").orElseThrow()),
                root.structs("staggered_production").stream().map(p -> new StaggeredProduction(strings(p, "equipment"),
                        p.value("from", LocalDate.class).orElseThrow(), p.value("to", LocalDate.class).orElseThrow(),
                        p.text("reason"))).toList(),
                root.struct("tamper").map(t -> new SiteConfig.Tamper(dur(t, "meter_lost_after"),
                        dbl(t, "clamp_current_below"))).orElseThrow(),
                root.struct("uplink").flatMap(u -> u.struct("mqtt")).map(m -> mqtt(m, mn)),
                root.struct("storage").map(s -> new SiteConfig.Storage(Path.of(str(s, "path")), integer(s, "max_size_mb"),
                        integer(s, "max_age_days"), integer(s, "raw_sample_days"))).orElseThrow(),
                root.struct("console").map(c -> new SiteConfig.Console(str(c, "bind"), integer(c, "port"))).orElseThrow());
    }

    private static SiteConfig.Reporting reporting(Struct r) {
        return new SiteConfig.Reporting(dur(r, "realtime_interval"), dur(r, "minute_interval"));
    }

    private static Bus bus(Struct b) {
        String id = str(b, "id");
        return switch (BusType.fromYaml(str(b, "type"))) {
            case SERIAL -> new Bus.Serial(id, str(b, "port"), integer(b, "baud"), integer(b, "data_bits"),
                    integer(b, "stop_bits"), Bus.Parity.fromYaml(str(b, "parity")));
            case MODBUS_TCP -> new Bus.ModbusTcp(id, str(b, "host"), integer(b, "port"));
            case RTU_OVER_TCP -> new Bus.RtuOverTcp(id, str(b, "host"), integer(b, "port"));
            case I2C -> new Bus.I2c(id, integer(b, "bus"));
            case GPIO -> new Bus.Gpio(id, str(b, "chip"));
        };
    }

    private static Device device(Struct d) {
        DeviceType type = DeviceType.fromYaml(str(d, "type"));
        Device.Options options = switch (type) {
            case MODBUS -> new Device.Modbus(integer(d, "unit"), str(d, "register_map"));
            case DLT645 -> new Device.Dlt645(str(d, "address"));
            case SPS30, SGP40, BME280 -> new Device.I2c(integer(d, "address"));
            case ADS1115 -> new Device.Ads1115(integer(d, "address"), integer(d, "input"), dbl(d, "ct_ratio"),
                    optDbl(d, "burden_ohms"));
            case DRY_CONTACT -> new Device.DryContact(integer(d, "pin"), d.value("active_low", Boolean.class).orElseThrow(),
                    dur(d, "debounce"));
            case PMS5003, PMS7003, SDS011 -> new Device.NoOptions();
        };
        return new Device(str(d, "id"), type, str(d, "bus"), dur(d, "poll_period"), dur(d, "timeout"),
                integer(d, "retries"), dur(d, "warmup"), options);
    }

    private static Channel channel(Struct c) {
        Struct source = c.struct("source").orElseThrow();
        Struct cal = c.struct("calibration").orElseThrow();
        List<Duration> windows = new ArrayList<>();
        c.items("windows").forEach(w -> windows.add((Duration) ((Scalar) w).value()));
        return new Channel(str(c, "id"), str(c, "quantity"), str(c, "unit"),
                new Channel.Source(str(source, "device"), str(source, "field")), dur(c, "sampling_period"),
                c.value("cumulative", Boolean.class).orElseThrow(), c.text("hj212_code"), windows,
                c.structs("limits").stream().map(l -> new Channel.Limit(str(l, "id"), dbl(l, "above"),
                        l.value("clear_below", Double.class).orElse(dbl(l, "above")), dur(l, "min_duration"),
                        Channel.Severity.valueOf(str(l, "severity").toUpperCase(Locale.ROOT)))).toList(),
                c.struct("valid_range").map(r -> new Channel.ValidRange(dbl(r, "min"), dbl(r, "max"))),
                c.struct("fog").map(f -> new Channel.Fog(str(f, "humidity_channel"), dbl(f, "above"))),
                c.struct("spike").map(s -> new Channel.Spike(integer(s, "window"), dbl(s, "threshold"))),
                new Channel.Calibration(dbl(cal, "zero"), dbl(cal, "span")));
    }

    private static Equipment equipment(Struct e) {
        Struct by = e.struct("measured_by").orElseThrow();
        Struct s = e.struct("state").orElseThrow();
        return new Equipment(str(e, "id"), e.text("name").orElse(str(e, "id")),
                Equipment.Role.valueOf(str(e, "role").toUpperCase(Locale.ROOT)), dbl(e, "rated_power"),
                new Equipment.MeasuredBy(by.text("power"), strings(by, "currents"), strings(by, "voltages"),
                        by.text("contact"), by.text("energy")),
                new Equipment.StateThresholds(dbl(s, "standby_above"), dbl(s, "running_above"), dbl(s, "running_below"),
                        dbl(s, "low_load_share"), dur(s, "min_dwell"), dur(s, "stale_after")),
                optDbl(e, "baseline_power"));
    }

    private static Emergency emergency(Struct e) {
        Struct levels = e.struct("levels").orElseThrow();
        Map<Emergency.AlertLevel, List<Emergency.Order>> orders = new EnumMap<>(Emergency.AlertLevel.class);
        for (Emergency.AlertLevel level : Emergency.AlertLevel.values()) {
            orders.put(level, levels.structs(level.name().toLowerCase(Locale.ROOT)).stream()
                    .map(o -> new Emergency.Order(str(o, "equipment"),
                            Emergency.Action.valueOf(str(o, "action").toUpperCase(Locale.ROOT)), optDbl(o, "max_share")))
                    .toList());
        }
        return new Emergency(dur(e, "compliance_window"),
                integer(e.struct("baseline").orElseThrow(), "learn_days"), orders);
    }

    private static SiteConfig.MqttUplink mqtt(Struct m, String mn) {
        return new SiteConfig.MqttUplink(str(m, "url"),
                str(m, "protocol").equals("5") ? SiteConfig.MqttProtocol.V5 : SiteConfig.MqttProtocol.V3_1_1,
                m.text("client_id").orElse("lantian-" + mn), m.text("username"), m.text("password_file").map(Path::of),
                m.struct("tls").map(t -> new SiteConfig.Tls(t.text("ca_file").map(Path::of),
                        t.text("cert_file").map(Path::of), t.text("key_file").map(Path::of))),
                str(m, "topic_prefix"), integer(m, "backlog_rate"));
    }

    private static String str(Struct s, String key) {
        return s.text(key).orElseThrow(() -> missing(s, key));
    }

    private static int integer(Struct s, String key) {
        return Math.toIntExact(s.value(key, Long.class).orElseThrow(() -> missing(s, key)));
    }

    private static double dbl(Struct s, String key) {
        return s.value(key, Double.class).orElseThrow(() -> missing(s, key));
    }

    private static OptionalDouble optDbl(Struct s, String key) {
        Optional<Double> v = s.value(key, Double.class);
        return v.isPresent() ? OptionalDouble.of(v.get()) : OptionalDouble.empty();
    }

    private static Duration dur(Struct s, String key) {
        return s.value(key, Duration.class).orElseThrow(() -> missing(s, key));
    }

    private static List<String> strings(Struct s, String key) {
        return s.items(key).stream().map(c -> (String) ((Scalar) c).value()).toList();
    }

    private static IllegalStateException missing(Struct s, String key) {
        return new IllegalStateException("checked configuration lacks " + s.pathOf(key));
    }
}
