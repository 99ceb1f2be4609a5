package dev.lantian.simulator.demo;

import dev.lantian.agent.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code demo}: a plant day compressed into about two minutes. Starts a broker (embedded unless
 * {@code --broker}), the bureau receiver, the virtual plant and the agent's board in this JVM on the
 * plant's clock, then prints what was sent, what arrived and the violations flagged against the ones
 * scripted. Exit 0 only when every report arrived without gaps and the violations match.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a scripted plant day through the agent and checks what the bureau receives.",
                "Exit 0: all reports arrived, no gaps, flagged violations match the scripted ones; 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--broker", paramLabel = "URL",
            description = "MQTT broker (tcp://host:port); default: an embedded broker on 127.0.0.1")
    String broker;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "demo-day",
            description = "Scenario shipped with the simulator or a scenario file (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--wall", paramLabel = "SECONDS", defaultValue = "90",
            description = "Wall time the scenario should take; 0 runs as fast as it goes (default: ${DEFAULT-VALUE})")
    long wallSeconds;

    @Option(names = "--until", paramLabel = "INSTANT",
            description = "End the scenario early at this plant time (ISO-8601, e.g. 2026-10-20T02:00:00Z)")
    Instant until;

    @Option(names = "--tolerance", paramLabel = "DURATION", defaultValue = "PT3M",
            description = "How far flagged start/end may differ from the scripted ones (default: ${DEFAULT-VALUE})")
    Duration tolerance;

    @Option(names = "--in-process",
            description = "Keep every virtual device in this JVM (answered in memory) even where socat could put the "
                    + "serial devices on pty pairs; by default they sit on ptys and a loopback socket, read by the "
                    + "agent's real serial and Modbus links, and only a machine without socat falls back to in process")
    boolean inProcess;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait after the scenario for the last reports (default: ${DEFAULT-VALUE})")
    long drainSeconds;

    private final DemoSetup.Factory factory;
    private final PrintStream out;

    public DemoCommand() {
        this(DemoSetups.simulator(), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    public DemoCommand(DemoSetup.Factory factory, PrintStream out) {
        this.factory = factory;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (wallSeconds < 0 || drainSeconds < 0 || tolerance.isNegative()) {
            out.println("demo: --wall, --drain and --tolerance must not be negative");
            return ExitCodes.INVALID_INPUT;
        }
        try (EmbeddedBroker embedded = broker == null ? EmbeddedBroker.start() : null) {
            DemoSetup setup;
            try {
                setup = factory.open(new DemoSetup.Options(scenario, Optional.ofNullable(until), tolerance,
                        inProcess ? DemoSetup.Devices.IN_PROCESS : DemoSetup.Devices.PTY));
            } catch (IllegalArgumentException | IllegalStateException e) {
                out.println("demo: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            return run(setup, embedded);
        }
    }

    /** The board and plant close before the broker, so the uplink says goodbye to a broker that is still there. */
    private int run(DemoSetup opened, EmbeddedBroker embedded) {
        try (DemoSetup setup = opened) {
            String url = broker != null ? broker : embedded.url();
            setup.notices().forEach(n -> out.println("note: " + n));
            out.println("demo: scenario '" + setup.plant().name() + "' " + setup.plant().start() + " → "
                    + setup.plant().end() + ", broker " + url + (embedded != null ? " (embedded)" : "") + ", devices "
                    + setup.devices());
            DemoRun.Settings settings = new DemoRun.Settings(Duration.ofSeconds(1), Duration.ofSeconds(wallSeconds),
                    Duration.ofSeconds(drainSeconds), Duration.ofSeconds(10), setup.zone());
            DemoOutcome outcome = new DemoRun(settings, out).run(setup.plant(), setup.agent(), url);
            out.println();
            out.print(outcome.render());
            return outcome.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
