package dev.lantian.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantian.agent.config.Bus;
import dev.lantian.agent.config.ConfigException;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTemplateTest {
    static final Map<String, String> VARS = Map.of("mqtt_url", "tcp://127.0.0.1:18830", "storage_path", "demo.db");

    static String template() throws IOException {
        try (InputStream in = AgentConfigTemplateTest.class.getResourceAsStream("/scenarios/demo-day.agent.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A ports file for every device of demo-day, as the site would write it with ptys. */
    static PortsFile ports(Path dir, PortsFile.Kind serialKind) throws Exception {
        Scenario s = ScenarioLoader.shipped("demo-day");
        Map<String, PortsFile.Entry> devices = new LinkedHashMap<>();
        for (Scenario.Meter m : s.meters()) {
            devices.put(m.id(), m.protocol() == Scenario.Protocol.MODBUS_TCP
                    ? new PortsFile.Entry(PortsFile.Kind.tcp, null, "127.0.0.1", 40502, "modbus-tcp", m.unit(), null, null)
                    : new PortsFile.Entry(serialKind, dir.resolve(m.line() == null ? m.id() : m.line()).toString(), null, null,
                    m.protocol().name(), m.unit(), m.address(), m.line()));
        }
        for (Scenario.Sensor x : s.sensors()) {
            devices.put(x.id(), new PortsFile.Entry(serialKind, dir.resolve(x.line() == null ? x.id() : x.line()).toString(),
                    null, null, x.kind().name(), x.unit(), null, x.line()));
        }
        return new PortsFile(s.name(), s.start().toString(), 1, devices);
    }

    @Test
    void theDemoDayTemplateFilledFromAPortsFileIsAValidAgentConfiguration(@TempDir Path dir) throws Exception {
        PortsFile ports = ports(dir, PortsFile.Kind.pty);
        ports.write(dir.resolve("ports.json"));
        String rendered = AgentConfigTemplate.render(template(), PortsFile.read(dir.resolve("ports.json")), VARS);
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, rendered);

        SiteConfig c;
        try {
            c = ConfigLoader.load(config);
        } catch (ConfigException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
        assertThat(c.bus("rs485-meters")).get().isEqualTo(new Bus.Serial("rs485-meters",
                dir.resolve("rs485-meters").toString(), 9600, 8, 1, Bus.Parity.NONE));
        assertThat(c.bus("voc-net").orElseThrow().toString()).contains("40502");
        assertThat(c.uplink().orElseThrow().url()).isEqualTo("tcp://127.0.0.1:18830");
        assertThat(c.equipment()).hasSize(4);
        assertThat(rendered).doesNotContain("${port:meter").contains("# Agent site configuration");
        Scenario s = ScenarioLoader.shipped("demo-day");
        for (Scenario.Incident i : s.incidents()) {
            for (Scenario.Expectation e : i.expected()) {
                if (!e.equipment().equals("board")) {
                    assertThat(c.equipment(e.equipment())).as("scripted equipment %s is configured", e.equipment()).isPresent();
                }
            }
        }
    }

    @Test
    void anInProcessDeviceCannotGoIntoAConfigurationForASeparateAgent(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AgentConfigTemplate.render(template(), ports(dir, PortsFile.Kind.memory), VARS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meter-line1").hasMessageContaining("in-process");
    }

    @Test
    void aPlaceholderForAnUnknownDeviceOrVariableIsNamed(@TempDir Path dir) throws Exception {
        PortsFile ports = ports(dir, PortsFile.Kind.pty);
        assertThatThrownBy(() -> AgentConfigTemplate.render("port: ${port:meter-9}\n", ports, VARS))
                .hasMessageContaining("meter-9");
        assertThatThrownBy(() -> AgentConfigTemplate.render("url: ${var:broker}\n", ports, VARS))
                .hasMessageContaining("${var:broker}");
    }
}
