package dev.lantian.agent.equipment.bench;

import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.equipment.EmergencyAction;
import dev.lantian.agent.equipment.EmergencySettings;
import dev.lantian.agent.equipment.EquipmentMonitor;
import dev.lantian.agent.equipment.EquipmentRole;
import dev.lantian.agent.equipment.EquipmentSettings;
import dev.lantian.agent.equipment.LinkageSettings;
import dev.lantian.agent.equipment.MeasuredBy;
import dev.lantian.agent.equipment.MonitorSettings;
import dev.lantian.agent.equipment.StateThresholds;
import dev.lantian.agent.equipment.TamperSettings;
import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The equipment side of the demo day (simulator/.../demo-day.agent.yaml): two crushing lines, a bag
 * filter and a VOC fan, 24 metered channels, every one sampled at 5 s (the demo reads line 2 at 10 s;
 * 5 s is the heavier case). The lines run with a little noise; the filter stops for 20 minutes an hour
 * after the start, so a linkage event opens and closes with evidence, as on the demo day.
 */
public final class DemoLoad {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant START = LocalDate.of(2026, 11, 10).atTime(6, 0).atZone(ZONE).toInstant();
    public static final Duration STEP = Duration.ofSeconds(5);

    private DemoLoad() {
    }

    public static MonitorSettings settings() {
        Duration s30 = Duration.ofSeconds(30);
        EquipmentSettings line1 = unit("line1", EquipmentRole.PRODUCTION, 110, 3, new StateThresholds(1.0, 15, 10, 0.3, s30, s30));
        EquipmentSettings line2 = unit("line2", EquipmentRole.PRODUCTION, 90, 3, new StateThresholds(1.0, 12, 8, 0.3, s30, Duration.ofSeconds(40)));
        EquipmentSettings filter = unit("filter", EquipmentRole.TREATMENT, 45, 3, new StateThresholds(0.5, 8, 5, 0.5, s30, s30));
        EquipmentSettings voc = unit("voc", EquipmentRole.TREATMENT, 7.5, 1,
                new StateThresholds(0.2, 2.0, 1.2, 0.5, Duration.ofSeconds(20), s30));
        List<LinkageSettings> linkage = List.of(
                new LinkageSettings("line1", List.of("filter"), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(5)),
                new LinkageSettings("line2", List.of("filter", "voc"), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(5)));
        EmergencySettings emergency = new EmergencySettings(Duration.ofMinutes(15), 14, Map.of(
                AlertLevel.ORANGE, List.of(EmergencyAction.limit("line1", 0.5), EmergencyAction.stop("line2")),
                AlertLevel.RED, List.of(EmergencyAction.stop("line1"), EmergencyAction.stop("line2"))));
        return new MonitorSettings(ZONE, List.of(line1, line2, filter, voc), linkage, emergency, List.of(),
                new TamperSettings(Duration.ofSeconds(60), 0.2), null, null);
    }

    private static EquipmentSettings unit(String id, EquipmentRole role, double rated, int phases, StateThresholds state) {
        List<String> currents = new ArrayList<>();
        List<String> voltages = new ArrayList<>();
        for (int p = 1; p <= phases; p++) {
            currents.add(id + "-i" + p);
            voltages.add(id + "-u" + p);
        }
        return new EquipmentSettings(id, id, role, rated, MeasuredBy.power(id + "-power", currents, voltages), state,
                OptionalDouble.empty());
    }

    /** The channels every unit reports, 24 in all. */
    public static List<String> channels(MonitorSettings settings) {
        List<String> all = new ArrayList<>();
        settings.equipment().forEach(e -> all.addAll(e.measuredBy().all()));
        return all;
    }

    /** The samples of every channel at {@code t} (deterministic noise from the time). */
    public static List<Sample> samplesAt(MonitorSettings settings, Instant t) {
        long s = Duration.between(START, t).getSeconds();
        boolean filterStopped = s >= 3600 && s < 3600 + 1200;
        List<Sample> out = new ArrayList<>();
        for (EquipmentSettings e : settings.equipment()) {
            double power = e.id().equals("filter") && filterStopped ? 0 : e.ratedPower() * 0.7;
            double noise = ((s / 5 * 7919 + e.id().hashCode()) % 1000) / 1000.0;
            double kw = power == 0 ? 0 : power + noise * 3;
            out.add(Sample.normal(e.id() + "-power", t, kw));
            for (String c : e.measuredBy().currents()) {
                out.add(Sample.normal(c, t, kw * 1.6 + noise / 10));
            }
            for (String u : e.measuredBy().voltages()) {
                out.add(Sample.normal(u, t, 229.5 + noise));
            }
        }
        return out;
    }

    /** Feeds every sample from {@code from} (inclusive) to {@code to} (exclusive), a tick after each instant. */
    public static void run(EquipmentMonitor monitor, MonitorSettings settings, Instant from, Instant to,
                           Consumer<Instant> afterEach) {
        for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
            for (Sample s : samplesAt(settings, t)) {
                monitor.onSample(s);
            }
            monitor.tick(t);
            afterEach.accept(t);
        }
    }
}
