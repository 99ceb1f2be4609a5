package dev.lantian.simulator.demo;

import dev.lantian.hardware.time.VirtualClock;
import dev.lantian.simulator.plant.Plant;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's world from a scenario: its plant and devices in this JVM, and the agent's board built
 * from the scenario's site file ({@code NAME.agent.yaml}) with every device reached through
 * {@link SimBusLinks}. With {@link Devices#IN_PROCESS} serial devices are in-process endpoints and
 * Modbus is answered in memory; with {@link Devices#PTY} they sit on socat pty pairs and loopback
 * sockets and the board reads them through its real links. The scenario runs two minutes past its
 * end so the last periods close.
 */
final class SimDemoSetup implements DemoSetup {
    /** After the scenario's end, so the last minute, hour and day reports are made. */
    static final Duration RUN_OUT = Duration.ofMinutes(2);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(port|host|var):([A-Za-z0-9_.-]+)}");

    private final Scenario scenario;
    private final SimDemoPlant plant;
    private final BoardDemoAgent agent;
    private final Path dir;
    private final VirtualSite site;
    private final List<String> notices = new ArrayList<>();

    private SimDemoSetup(Scenario scenario, SimDemoPlant plant, BoardDemoAgent agent, Path dir, VirtualSite site,
                         List<String> notices) {
        this.scenario = scenario;
        this.site = site;
        this.plant = plant;
        this.agent = agent;
        this.dir = dir;
        this.notices.addAll(notices);
    }

    static DemoSetup open(Options options) throws IOException {
        Scenario s = scenario(options.scenario());
        String template = template(options.scenario());
        Instant end = options.until().filter(u -> u.isBefore(s.end())).orElse(s.end().plus(RUN_OUT));
        Path dir = workDir();
        Plant plant = new Plant(s);
        VirtualClock clock = new VirtualClock(s.start(), s.zone());
        VirtualSite site = VirtualSite.start(plant, new VirtualSite.Options(options.devices() == Devices.PTY, dir.resolve("pty"), clock));
        try {
            PortsFile ports = site.ports(1);
            List<ExpectedViolation> expected = DemoExpectations.of(s, end, options.tolerance());
            SimDemoPlant demoPlant = new SimDemoPlant(plant, site, end, expected);
            BoardDemoAgent agent = new BoardDemoAgent(url -> render(template, ports, url, dir), dir, clock,
                    new SimBusLinks(site, ports, SimModbusUnits.byDevice(s, plant, site), clock), site.boardIo(),
                    demoPlant::clockOffset);
            return new SimDemoSetup(s, demoPlant, agent, dir, site, site.notices());
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
    }

    /**
     * The board's store and site file: in memory-backed /dev/shm where there is one. The demo shows
     * what reaches the bureau, not the store's durability (its own tests kill it mid-write); on a
     * disk every report's fsync would cost a compressed day a good part of its two minutes.
     */
    private static Path workDir() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "lantian-demo");
        }
        return Files.createTempDirectory("lantian-demo");
    }

    private static Scenario scenario(String nameOrFile) {
        try {
            Path file = Path.of(nameOrFile);
            return Files.isRegularFile(file) ? ScenarioLoader.load(file) : ScenarioLoader.shipped(nameOrFile);
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String template(String nameOrFile) throws IOException {
        Path sibling = Path.of(nameOrFile.replaceFirst("\\.ya?ml$", "") + ".agent.yaml");
        if (Files.isRegularFile(sibling)) {
            return Files.readString(sibling, StandardCharsets.UTF_8);
        }
        try (InputStream in = SimDemoSetup.class.getResourceAsStream("/scenarios/" + nameOrFile + ".agent.yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no agent site file for scenario '" + nameOrFile + "' (looked for "
                        + sibling + " and the shipped scenarios)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The site file for an agent in this JVM: a serial device on a pty becomes its pty path, one in
     * process {@code sim:ID}, which {@link SimBusLinks} resolves; a Modbus TCP device keeps its
     * loopback host and port.
     */
    static String render(String template, PortsFile ports, String brokerUrl, Path dir) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            out.append(line.stripLeading().startsWith("#") ? line : renderLine(line, ports, brokerUrl, dir)).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String renderLine(String line, PortsFile ports, String brokerUrl, Path dir) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String id = m.group(2);
            String value;
            if (kind.equals("var")) {
                value = switch (id) {
                    case "mqtt_url" -> brokerUrl;
                    case "storage_path" -> dir.resolve("lantian-demo.db").toString();
                    default -> throw new IllegalArgumentException("the demo has no value for ${var:" + id + "}");
                };
            } else {
                PortsFile.Entry e = ports.entry(id);
                boolean nativeTcp = e.kind() == PortsFile.Kind.tcp && e.line() == null;
                value = kind.equals("host") ? e.host()
                        : nativeTcp ? String.valueOf(e.port())
                        : e.kind() == PortsFile.Kind.pty ? e.path() : SimBusLinks.SCHEME + id;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public DemoPlant plant() {
        return plant;
    }

    @Override
    public DemoAgent agent() {
        return agent;
    }

    @Override
    public ZoneId zone() {
        return scenario.zone();
    }

    @Override
    public String devices() {
        return site.usesPty() ? "on pty pairs (socat) and loopback TCP" : "in process";
    }

    @Override
    public List<String> notices() {
        return List.copyOf(notices);
    }

    @Override
    public void close() {
        agent.close();
        plant.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
