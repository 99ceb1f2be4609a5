package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The settings of agent/examples/bag-filter-plant.yaml, as the lead's config mapping would produce
 * them. One deviation: the filter's meter reports three phase voltages (filter-ua/ub/uc) so phase
 * loss can be shown.
 */
final class BagFilterPlant {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BagFilterPlant() {
    }

    static MonitorSettings settings() {
        return settings(List.of(new StaggeredPeriod(List.of("line1", "line2"), LocalDate.of(2026, 11, 15),
                LocalDate.of(2027, 3, 15), "秋冬季错峰生产")));
    }

    static MonitorSettings settings(List<StaggeredPeriod> staggered) {
        Duration s30 = Duration.ofSeconds(30);
        EquipmentSettings line1 = new EquipmentSettings("line1", "1号破碎线", EquipmentRole.PRODUCTION, 110,
                MeasuredBy.power("line1-power", List.of("line1-ia"), List.of("line1-ua")),
                new StateThresholds(1.0, 15, 10, 0.3, s30, s30), OptionalDouble.empty());
        EquipmentSettings line2 = new EquipmentSettings("line2", "2号破碎线", EquipmentRole.PRODUCTION, 90,
                MeasuredBy.power("line2-power", List.of("line2-ia"), List.of("line2-ua")),
                new StateThresholds(1.0, 12, 8, 0.3, s30, s30), OptionalDouble.of(70));
        EquipmentSettings filter = new EquipmentSettings("bag-filter", "布袋除尘器风机", EquipmentRole.TREATMENT, 45,
                new MeasuredBy(Optional.of("filter-power"), List.of("filter-ia"), List.of("filter-ua", "filter-ub", "filter-uc"),
                        Optional.empty()),
                new StateThresholds(0.5, 8, 5, 0.5, s30, s30), OptionalDouble.empty());
        List<LinkageSettings> linkage = List.of(
                new LinkageSettings("line1", List.of("bag-filter"), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(5)),
                new LinkageSettings("line2", List.of("bag-filter"), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(5)));
        EmergencySettings emergency = new EmergencySettings(Duration.ofMinutes(15), 14, Map.of(
                AlertLevel.YELLOW, List.of(EmergencyAction.limit("line1", 0.7), EmergencyAction.limit("line2", 0.7)),
                AlertLevel.ORANGE, List.of(EmergencyAction.limit("line1", 0.5), EmergencyAction.stop("line2")),
                AlertLevel.RED, List.of(EmergencyAction.stop("line1"), EmergencyAction.stop("line2"))));
        return new MonitorSettings(ZONE, List.of(line1, line2, filter), linkage, emergency, staggered,
                new TamperSettings(Duration.ofSeconds(60), 0.2), null, null);
    }
}
