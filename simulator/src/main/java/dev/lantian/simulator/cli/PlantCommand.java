package dev.lantian.simulator.cli;

import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.plant.AgentConfigTemplate;
import dev.lantian.simulator.plant.Plant;
import dev.lantian.simulator.plant.PlantClock;
import dev.lantian.simulator.plant.PlantDriver;
import dev.lantian.simulator.plant.PortsFile;
import dev.lantian.simulator.plant.Scenario;
import dev.lantian.simulator.plant.ScenarioException;
import dev.lantian.simulator.plant.ScenarioLoader;
import dev.lantian.simulator.plant.VirtualSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plant}: runs only the virtual plant and writes where each device can be reached. */
@Command(name = "plant", mixinStandardHelpOptions = true,
        description = {"Runs a scenario's virtual plant: its meters and sensors speak Modbus RTU/TCP, DL/T 645, "
                + "PMS5003 and SDS011 on pty pairs (socat) and loopback TCP ports.",
            "Writes the ports file (device id -> pty path or host:port) once every device is up, then runs until "
                + "the scenario ends (or forever with --hold)."})
final class PlantCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "Scenario YAML file, or the name of a shipped scenario (demo-day).")
    String scenario;

    @Option(names = "--ports-file", required = true, paramLabel = "OUT.json", description = "Where to write the ports file.")
    Path portsFile;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
            description = "Plant seconds per wall second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--no-pty", description = "Do not use socat ptys: serial devices run in-process only.")
    boolean noPty;

    @Option(names = "--pty-dir", paramLabel = "DIR", description = "Directory for the pty links (default: a new temporary one).")
    Path ptyDir;

    @Option(names = "--agent-config", paramLabel = "OUT.yaml",
            description = "Also write the agent configuration for this plant, from --agent-template (default: the "
                    + "scenario's FILE.agent.yaml next to it, or the shipped one).")
    Path agentConfig;

    @Option(names = "--agent-template", paramLabel = "FILE", description = "Agent configuration template with ${port:ID} placeholders.")
    Path agentTemplate;

    @Option(names = "--mqtt-url", defaultValue = "tcp://127.0.0.1:1883", description = "Broker url put into the agent configuration.")
    String mqttUrl;

    @Option(names = "--storage", defaultValue = "lantian-demo.db", description = "Storage path put into the agent configuration.")
    String storage;

    @Option(names = "--hold", description = "Keep the devices serving after the scenario ends, until interrupted.")
    boolean hold;

    @Override
    public Integer call() throws Exception {
        Scenario s;
        try {
            Path file = Path.of(scenario);
            s = Files.isRegularFile(file) ? ScenarioLoader.load(file) : ScenarioLoader.shipped(scenario);
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Plant plant = new Plant(s);
        Path dir = ptyDir != null ? ptyDir : Files.createTempDirectory("lantian-sim");
        VirtualSite site = VirtualSite.start(plant, new VirtualSite.Options(!noPty, dir, BoardClock.system(s.zone())));
        site.notices().forEach(n -> System.err.println("NOTE: " + n));
        PlantDriver driver = new PlantDriver(plant, PlantClock.wall(s.start(), speed), site);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            driver.close();
            site.close();
        }, "lantian-sim-shutdown"));
        PortsFile ports = site.ports(speed);
        ports.write(portsFile);
        System.out.println("plant " + s.name() + " running at x" + speed + " from " + s.start() + "; "
                + ports.devices().size() + " devices, ports in " + portsFile.toAbsolutePath());
        ports.devices().forEach((id, e) -> System.out.println("  " + id + ": " + e.protocol() + " "
                + (e.path() != null ? e.path() : e.host() != null ? e.host() + ":" + e.port() : "in-process")
                + (e.unit() != null ? " unit " + e.unit() : "") + (e.address() != null ? " address " + e.address() : "")));
        if (agentConfig != null) {
            writeAgentConfig(ports);
        }
        driver.await(Duration.ofMillis((long) (s.duration().toMillis() / speed) + 2000));
        if (hold) {
            System.out.println("scenario ended; devices keep serving (--hold), Ctrl-C to stop");
            Thread.currentThread().join();
        }
        System.out.println("scenario " + s.name() + (plant.now().isBefore(s.end()) ? " stopped at " : " ended at ")
                + plant.now());
        driver.close();
        site.close();
        return 0;
    }

    private void writeAgentConfig(PortsFile ports) throws IOException {
        String template;
        Path sibling = Path.of(scenario.replaceFirst("\\.ya?ml$", "") + ".agent.yaml");
        if (agentTemplate != null) {
            template = Files.readString(agentTemplate, StandardCharsets.UTF_8);
        } else if (Files.isRegularFile(sibling)) {
            template = Files.readString(sibling, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = PlantCommand.class.getResourceAsStream("/scenarios/" + scenario + ".agent.yaml")) {
                if (in == null) {
                    throw new IOException("no agent template for " + scenario + "; give --agent-template");
                }
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String rendered = AgentConfigTemplate.render(template, ports, Map.of("mqtt_url", mqttUrl, "storage_path", storage));
        Files.writeString(agentConfig, rendered, StandardCharsets.UTF_8);
        System.out.println("agent configuration in " + agentConfig.toAbsolutePath());
    }
}
