package dev.lantian.agent.config;

import static dev.lantian.agent.config.HardwareSchema.ID;
import static dev.lantian.agent.config.Key.defaulted;
import static dev.lantian.agent.config.Key.optional;
import static dev.lantian.agent.config.Key.required;

import dev.lantian.agent.config.ValueType.Choice;
import dev.lantian.agent.config.ValueType.Day;
import dev.lantian.agent.config.ValueType.Decimal;
import dev.lantian.agent.config.ValueType.ListOf;
import dev.lantian.agent.config.ValueType.Section;
import dev.lantian.agent.config.ValueType.Span;
import dev.lantian.agent.config.ValueType.Text;
import dev.lantian.agent.config.ValueType.Whole;
import dev.lantian.agent.config.ValueType.Zone;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The one declaration of every configuration key: the checker validates against it and
 * {@link ConfigReference} writes docs/configuration.md from it.
 */
public final class SiteSchema {
    private SiteSchema() {
    }

    private static final Section EMERGENCY_ACTION = new Section(List.of(
            required("equipment", ID, "A production `equipment[].id`."),
            required("action", Choice.of("stop", "limit"), "stop: the equipment must be OFF; limit: it must stay under `max_share`."),
            optional("max_share", new Decimal(0, true, 1, true),
                    "For `limit`: the share of its baseline power it may use, e.g. 0.5. Not allowed with `stop`.")));

    private static final String LEVEL = "Orders at this alert level, one entry per production equipment concerned.";

    /** The top level of a site file. */
    public static final Section SITE = new Section(List.of(
            required("site", new Section(List.of(
                    required("enterprise", Text.any(), "Registered name of the enterprise, as on its discharge permit."),
                    required("enterprise_code", Text.matching("[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
                            "letters, digits, '-' or '_'"), "Short code of the enterprise, used in topics and file names."),
                    required("device_id", Text.matching("[0-9A-F]{24}", "24 upper-case hexadecimal digits"),
                            "The board's HJ 212 device id (MN) as registered with the bureau, 24 upper-case hex digits."),
                    defaulted("time_zone", new Zone(), "Asia/Shanghai",
                            "Time zone in which minute, hour and day periods and staggered-production dates are counted."),
                    required("system_code", Whole.range(10, 99), "HJ 212 system code (ST): 22 ambient air, 27 VOCs,"
                            + " 31 air pollution source, 39 construction dust."))),
                    "Who and what this board is."),
            defaulted("reporting", new Section(List.of(
                    defaulted("realtime_interval", Span.range(Duration.ofSeconds(30), Duration.ofSeconds(3600)), "60s",
                            "How often real-time values are sent (HJ 212 RtdInterval, 30s–3600s)."),
                    defaulted("minute_interval", Span.oneOf(LongStream.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30)
                            .mapToObj(Duration::ofMinutes).toList()), "10m",
                            "Length of the reported minute periods (HJ 212: one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 minutes)."))),
                    "", "Report intervals; the bureau can change them remotely."),
            required("buses", new ListOf(HardwareSchema.BUS, 1), "The lines and ports devices are reached over."),
            required("devices", new ListOf(HardwareSchema.DEVICE, 1), "The sensors and meters."),
            required("channels", new ListOf(MeasurementSchema.CHANNEL, 1),
                    "The measured quantities: one field of one device, with its sampling, checks and limits."),
            defaulted("equipment", new ListOf(MeasurementSchema.EQUIPMENT, 0), "[]",
                    "The production and treatment units whose running state is watched."),
            defaulted("linkage", new ListOf(new Section(List.of(
                    required("production", ID, "A production `equipment[].id`."),
                    required("treatment", new ListOf(ID, 1), "The treatment `equipment[].id`s that must serve it."),
                    defaulted("grace", Span.range(Duration.ZERO, Duration.ofHours(1)), "2m",
                            "How long production may run while a treatment unit is not running before it is a violation."),
                    defaulted("lead", Span.range(Duration.ZERO, Duration.ofHours(2)), "0s",
                            "Treatment must be running at least this long before production starts."),
                    defaulted("lag", Span.range(Duration.ZERO, Duration.ofHours(2)), "0s",
                            "Treatment must keep running at least this long after production stops."))), 0), "[]",
                    "Which treatment units must run whenever a production unit runs (分表计电 linkage)."),
            defaulted("emergency", new Section(List.of(
                    defaulted("compliance_window", Span.range(Duration.ofMinutes(1), Duration.ofHours(24)), "15m",
                            "Compliance with an alert-level order is judged on averages over this window."),
                    defaulted("baseline", new Section(List.of(
                            defaulted("learn_days", Whole.range(1, 365), "14",
                                    "Days of history outside alerts from which an equipment's baseline power is learnt"
                                            + " when it has no `baseline_power`."))), "", "How baseline power is learnt."),
                    defaulted("levels", new Section(List.of(
                            defaulted("yellow", new ListOf(EMERGENCY_ACTION, 0), "[]", LEVEL),
                            defaulted("orange", new ListOf(EMERGENCY_ACTION, 0), "[]", LEVEL),
                            defaulted("red", new ListOf(EMERGENCY_ACTION, 0), "[]", LEVEL))), "",
                            "Per heavy-pollution alert level (黄色/橙色/红色预警), what each production unit must do."))),
                    "", "Emergency production limits (限产/停产) during heavy-pollution alerts."),
            defaulted("staggered_production", new ListOf(new Section(List.of(
                    required("equipment", new ListOf(ID, 1), "Production `equipment[].id`s that must be off."),
                    required("from", new Day(), "First day (inclusive) of the off period, local time."),
                    required("to", new Day(), "Last day (inclusive); not before `from`."),
                    optional("reason", Text.any(), "Why, as shown in reports, e.g. 秋冬季错峰生产."))), 0), "[]",
                    "Calendar periods in which named production units must stay off (错峰生产)."),
            defaulted("tamper", new Section(List.of(
                    defaulted("meter_lost_after", Span.range(Duration.ofSeconds(1), Duration.ofHours(1)), "60s",
                            "A meter silent for this long raises a meter-lost event."),
                    defaulted("clamp_current_below", Decimal.atLeast(0), "0.2",
                            "Current (A) under which, with voltage present and the run contact closed, the clamp"
                                    + " counts as removed."))), "", "Detection of tampering and data loss."),
            optional("uplink", new Section(List.of(
                    required("mqtt", new Section(List.of(
                            required("url", Text.matching("(tcp|ssl|ws|wss)://\\S+",
                                    "tcp://, ssl://, ws:// or wss:// followed by host:port"),
                                    "Broker address, e.g. tcp://127.0.0.1:1883 or ssl://mqtt.bureau.example.cn:8883."),
                            defaulted("protocol", Choice.of("3.1.1", "5"), "3.1.1",
                                    "MQTT protocol version the broker speaks; quote it: \"3.1.1\" or \"5\"."),
                            optional("client_id", Text.any(), "MQTT client id. Default: lantian-<site.device_id>."),
                            optional("username", Text.any(), "User name, when the broker wants one."),
                            optional("password_file", Text.any(), "File holding the password (one line), readable only"
                                    + " by the agent's user, so the password never appears in the site file."),
                            optional("tls", new Section(List.of(
                                    optional("ca_file", Text.any(), "PEM file of the CA that signed the broker's certificate."
                                            + " Default: the system's trusted CAs."),
                                    optional("cert_file", Text.any(), "PEM client certificate, when the broker wants one."),
                                    optional("key_file", Text.any(), "PEM private key of the client certificate."))),
                                    "TLS settings for ssl:// and wss:// urls."),
                            defaulted("topic_prefix", Text.matching("[^#+\\s]+", "no spaces, '#' or '+'"), "lantian",
                                    "First part of every topic the board publishes to."),
                            defaulted("backlog_rate", Whole.range(1, 1000), "20",
                                    "Messages per second sent when catching up after an outage, so a long backlog"
                                            + " does not flood the broker."))),
                            "The MQTT broker the reports go to."))),
                    "Where reports are sent. Without it the board only records locally."),
            defaulted("storage", new Section(List.of(
                    defaulted("path", Text.any(), "/var/lib/lantian/lantian.db", "SQLite database file of the local record."),
                    defaulted("max_size_mb", Whole.range(16, 1 << 20), "1024",
                            "Size cap of the database; the oldest raw samples go first when it is reached (docs/storage.md)."
                                    + " 16 channels need about 5.6 MB of reports a day, so 90 days need about 560 MB."),
                    defaulted("max_age_days", Whole.range(90, 3650), "400",
                            "Days of aggregates and events kept. At least 90: the work plans require 90 days of local records."),
                    defaulted("raw_sample_days", Whole.range(1, 3650), "7",
                            "Days of raw samples kept (evidence around events is kept as long as the events)."
                                    + " Not more than max_age_days."))),
                    "", "The local record."),
            defaulted("console", new Section(List.of(
                    defaulted("bind", Text.any(), "127.0.0.1",
                            "Address the local web console listens on; 0.0.0.0 opens it to the plant network."),
                    defaulted("port", Whole.range(1, 65535), "8080", "TCP port of the console."))),
                    "", "The local web console for technicians.")));
}
