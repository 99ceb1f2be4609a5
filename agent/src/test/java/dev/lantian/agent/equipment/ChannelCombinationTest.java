package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Units measured otherwise than by power alone, as in agent/examples/voc-unit.yaml. */
class ChannelCombinationTest {
    private static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");
    private static final Duration S20 = Duration.ofSeconds(20);

    private final List<EventNotice> notices = new ArrayList<>();
    private final List<StateChange> changes = new ArrayList<>();
    private final MonitorSink sink = new MonitorSink() {
        @Override
        public void onEvent(EventNotice n) {
            notices.add(n);
        }

        @Override
        public void onStateChange(StateChange c) {
            changes.add(c);
        }
    };

    private static EquipmentSettings unit(String id, EquipmentRole role, MeasuredBy m, double runningAbove, double runningBelow) {
        return new EquipmentSettings(id, id, role, 7.5, m,
                new StateThresholds(0.2, runningAbove, runningBelow, 0.5, S20, Duration.ofSeconds(30)), OptionalDouble.empty());
    }

    private static MonitorSettings settings(EquipmentSettings... units) {
        return new MonitorSettings(BagFilterPlant.ZONE, List.of(units), List.of(), EmergencySettings.none(), List.of(),
                new TamperSettings(Duration.ofSeconds(60), 0.1), null, null);
    }

    /** Feeds {@code values} (channel → value over time) every 5 s from {@code fromS} to {@code toS} seconds after T0. */
    private static void run(EquipmentMonitor m, int fromS, int toS, Map<String, Double> values) {
        for (int s = fromS; s < toS; s += 5) {
            Instant t = T0.plusSeconds(s);
            values.forEach((c, v) -> m.onSample(Sample.normal(c, t, v)));
            m.tick(t);
        }
    }

    @Test
    void aContactOnlyUnitTakesItsStateFromTheContact() {
        EquipmentSettings fan = unit("fan", EquipmentRole.TREATMENT,
                new MeasuredBy(Optional.empty(), List.of(), List.of(), Optional.of("fan-run")), 0, 0);
        EquipmentMonitor m = new EquipmentMonitor(settings(fan), sink, T0);
        run(m, 0, 60, Map.of("fan-run", 0.0));
        run(m, 60, 120, Map.of("fan-run", 1.0));

        assertThat(changes).extracting(StateChange::to, StateChange::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EquipmentState.OFF, T0),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, T0.plusSeconds(60)));
    }

    @Test
    void aCurrentOnlyUnitTakesItsStateFromItsHighestPhaseInAmperes() {
        EquipmentSettings pump = unit("pump", EquipmentRole.TREATMENT,
                new MeasuredBy(Optional.empty(), List.of("pump-ia", "pump-ib"), List.of(), Optional.empty()), 3, 2);
        EquipmentMonitor m = new EquipmentMonitor(settings(pump), sink, T0);
        run(m, 0, 60, Map.of("pump-ia", 0.0, "pump-ib", 0.0));
        run(m, 60, 120, Map.of("pump-ia", 1.0, "pump-ib", 6.0));

        assertThat(changes).extracting(StateChange::to).containsExactly(EquipmentState.OFF, EquipmentState.RUNNING);
        assertThat(changes.get(1).time()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void theRunContactExposesARemovedClampThatTheMeterItselfCannotSee() {
        EquipmentSettings fan = unit("voc-unit", EquipmentRole.TREATMENT, new MeasuredBy(Optional.of("fan-power"),
                List.of("fan-current"), List.of("fan-voltage"), Optional.of("fan-run")), 2.0, 1.2);
        EquipmentMonitor m = new EquipmentMonitor(settings(fan), sink, T0);
        run(m, 0, 300, Map.of("fan-power", 6.0, "fan-current", 12.0, "fan-voltage", 230.0, "fan-run", 1.0));
        // clamp off the conductor: the meter sees neither current nor power, the relay still says running
        run(m, 300, 600, Map.of("fan-power", 0.0, "fan-current", 0.0, "fan-voltage", 230.0, "fan-run", 1.0));
        // fan really stopped: contact open as well: no tamper
        run(m, 600, 900, Map.of("fan-power", 0.0, "fan-current", 0.0, "fan-voltage", 230.0, "fan-run", 0.0));

        List<EquipmentEvent> clamp = notices.stream().map(EventNotice::event)
                .filter(e -> e.rule().equals(TamperEvent.Kind.CLAMP_REMOVED.rule())).toList();
        assertThat(clamp).isNotEmpty().allMatch(e -> e.id().equals(clamp.get(0).id()));
        EquipmentEvent last = clamp.get(clamp.size() - 1);
        assertThat(last.start()).isEqualTo(T0.plusSeconds(300));
        assertThat(last.end()).contains(T0.plusSeconds(600));
    }

    @Test
    void samplesWithMaintenanceOrFaultFlagsMakeTheStateUnknown() {
        EquipmentSettings fan = unit("fan", EquipmentRole.TREATMENT,
                new MeasuredBy(Optional.of("p"), List.of(), List.of(), Optional.empty()), 2, 1);
        EquipmentMonitor m = new EquipmentMonitor(settings(fan), sink, T0);
        run(m, 0, 60, Map.of("p", 5.0));
        for (int s = 60; s < 120; s += 5) {
            m.onSample(new Sample("p", T0.plusSeconds(s), 5.0, dev.lantian.hardware.reading.QualityFlag.M));
            m.tick(T0.plusSeconds(s));
        }
        run(m, 120, 180, Map.of("p", 5.0));

        assertThat(changes).extracting(StateChange::to, StateChange::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, T0),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.UNKNOWN, T0.plusSeconds(60)),
                org.assertj.core.groups.Tuple.tuple(EquipmentState.RUNNING, T0.plusSeconds(120)));
    }
}
