package dev.lantian.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.assembly.StageSettings;
import dev.lantian.agent.config.Channel;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.equipment.AlertSource;
import dev.lantian.agent.equipment.EquipmentEvent;
import dev.lantian.agent.equipment.EquipmentMonitor;
import dev.lantian.agent.equipment.EventNotice;
import dev.lantian.agent.equipment.LinkageViolation;
import dev.lantian.agent.equipment.MonitorSink;
import dev.lantian.agent.equipment.StateChange;
import dev.lantian.agent.model.Sample;
import dev.lantian.simulator.device.MeterState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo day's script agrees with the agent: the plant's meter values, fed to the agent's own
 * equipment monitor under the demo-day agent configuration (no wire in between), raise exactly the
 * scripted violations, near the scripted times, and nothing else.
 */
class DemoDayExpectationsTest {
    static final Duration SAMPLING = Duration.ofSeconds(15);
    static final Duration SLACK = Duration.ofMinutes(5);

    @Test
    void everyScriptedViolationIsFlaggedAndNothingElse(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, AgentConfigTemplate.render(AgentConfigTemplateTest.template(),
                AgentConfigTemplateTest.ports(dir, PortsFile.Kind.pty), AgentConfigTemplateTest.VARS));
        SiteConfig site = ConfigLoader.load(config);
        Scenario scenario = ScenarioLoader.shipped("demo-day");
        Plant plant = new Plant(scenario, SAMPLING);
        List<EquipmentEvent> opened = new ArrayList<>();
        EquipmentMonitor monitor = new EquipmentMonitor(StageSettings.monitor(site), new MonitorSink() {
            @Override
            public void onEvent(EventNotice notice) {
                if (opened.stream().noneMatch(e -> e.core().id().equals(notice.event().core().id()))) {
                    opened.add(notice.event()); // a clock step opens and closes at once
                }
            }

            @Override
            public void onStateChange(StateChange change) {
            }
        }, scenario.start());
        Map<String, Channel> meterChannels = site.channels().stream()
                .filter(c -> site.equipment().stream().anyMatch(e -> measures(e, c.id())))
                .collect(Collectors.toMap(Channel::id, c -> c));
        Optional<String> alert = Optional.empty();
        Duration offset = Duration.ZERO;
        for (Instant t = scenario.start().plus(SAMPLING); !t.isAfter(scenario.end()); t = t.plus(SAMPLING)) {
            plant.advanceTo(t);
            if (!plant.clockOffset().equals(offset)) {
                monitor.onClockStep(t.plus(offset), t.plus(plant.clockOffset()));
                offset = plant.clockOffset();
            }
            if (!plant.alertLevel().equals(alert)) {
                alert = plant.alertLevel();
                monitor.setAlertLevel(alert.map(l -> AlertLevel.valueOf(l.toUpperCase(Locale.ROOT))).orElse(AlertLevel.NONE),
                        AlertSource.BUREAU, t.plus(offset));
            }
            for (Channel c : meterChannels.values()) {
                MeterState m = plant.meter(c.source().device());
                MeterState seen = plant.clampRemoved(c.source().device()) ? m.withoutClamp() : m;
                monitor.onSample(Sample.normal(c.id(), t.plus(offset), seen.fields().get(c.source().field())));
            }
        }

        List<Scenario.Expectation> expected = scenario.expectations();
        assertThat(expected).hasSize(6);
        for (Scenario.Expectation e : expected) {
            assertThat(opened).as("flagged for %s", e).anyMatch(ev -> matches(ev, e));
        }
        assertThat(opened).as("flagged but not scripted").allMatch(ev -> expected.stream().anyMatch(e -> matches(ev, e)));
    }

    /**
     * The channels fed: every unit's power, and the bag filter's phase currents and voltages (its
     * clamp is scripted to come off). Feeding every phase of every meter shows nothing more but costs
     * the agent's monitor several times the CPU (each sample re-ticks every tamper latch).
     */
    private static boolean measures(dev.lantian.agent.config.Equipment e, String channel) {
        var m = e.measuredBy();
        return m.power().filter(channel::equals).isPresent()
                || e.id().equals("bag-filter") && (m.currents().contains(channel) || m.voltages().contains(channel));
    }

    private static boolean matches(EquipmentEvent ev, Scenario.Expectation e) {
        Optional<String> production = ev instanceof LinkageViolation l ? Optional.of(l.production()) : Optional.empty();
        return e.matches(ev.rule(), ev.core().equipment(), production, ev.core().start(), SLACK);
    }
}
