package dev.lantian.simulator.demo;

import dev.lantian.simulator.plant.PortsFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimDemoSetupTest {
    private static final PortsFile PORTS = new PortsFile("t", "2026-10-20T00:00:00Z", 1, Map.of(
            "meter-line1", new PortsFile.Entry(PortsFile.Kind.tcp, null, "127.0.0.1", 40001, "modbus-tcp", 1, null, "rs485-meters"),
            "pms-boundary", new PortsFile.Entry(PortsFile.Kind.memory, null, null, null, "pms5003", null, null, null),
            "meter-voc", new PortsFile.Entry(PortsFile.Kind.tcp, null, "127.0.0.1", 40002, "modbus-tcp", 1, null, null)));

    @Test
    void serialDevicesBecomeSimulatedPortsAndTcpMetersKeepTheirAddressComments() {
        String template = """
                # ${port:ID} in a comment stays as it is
                buses:
                  - { id: rs485-meters, type: serial, port: "${port:meter-line1}" }
                  - { id: uart-pms, type: serial, port: "${port:pms-boundary}" }
                  - { id: voc-net, type: modbus-tcp, host: "${host:meter-voc}", port: ${port:meter-voc} }
                uplink: { mqtt: { url: "${var:mqtt_url}" } }
                storage: { path: "${var:storage_path}" }""";

        String site = SimDemoSetup.render(template, PORTS, "tcp://127.0.0.1:1883", Path.of("/tmp/d"));

        assertThat(site).contains("# ${port:ID} in a comment stays as it is")
                .contains("port: \"sim:meter-line1\"").contains("port: \"sim:pms-boundary\"")
                .contains("host: \"127.0.0.1\", port: 40002").contains("url: \"tcp://127.0.0.1:1883\"")
                .contains("path: \"/tmp/d/lantian-demo.db\"");
        assertThat(site.lines().filter(l -> !l.startsWith("#"))).noneMatch(l -> l.contains("${"));
    }

    @Test
    void anUnknownDeviceOrVariableIsNamed() {
        assertThatThrownBy(() -> SimDemoSetup.render("port: ${port:nowhere}", PORTS, "u", Path.of("/tmp")))
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> SimDemoSetup.render("x: ${var:password}", PORTS, "u", Path.of("/tmp")))
                .hasMessageContaining("${var:password}");
    }
}
