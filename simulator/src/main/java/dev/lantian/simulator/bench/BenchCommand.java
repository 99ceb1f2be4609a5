package dev.lantian.simulator.bench;

import dev.lantian.agent.cli.ExitCodes;
import dev.lantian.simulator.demo.EmbeddedBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code bench --boards N --channels M}: how many samples per second the agent's pipeline takes,
 * how long a sample takes to reach the bureau, and what that costs in memory and CPU.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Loads N boards of M channels through the agent pipeline, uplink and a broker.",
                "Prints samples/s, sample-to-bureau latency p50/p99 (wall clock), RSS and CPU time."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--boards", paramLabel = "N", defaultValue = "1", description = "Boards (default: ${DEFAULT-VALUE})")
    int boards;

    @Option(names = "--channels", paramLabel = "M", defaultValue = "32",
            description = "Channels per board, one sample each per board second (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--board-seconds", paramLabel = "S", defaultValue = "3600",
            description = "Board time each board runs (default: ${DEFAULT-VALUE})")
    long boardSeconds;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "0",
            description = "Board seconds per wall second; 0 feeds as fast as the board takes samples (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker; default: an embedded one on 127.0.0.1")
    String broker;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for the last reports after feeding (default: ${DEFAULT-VALUE})")
    long drainSeconds;

    private final BenchBoard.Factory factory;
    private final PrintStream out;

    public BenchCommand() {
        this(BenchBoards.pipeline(), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    public BenchCommand(BenchBoard.Factory factory, PrintStream out) {
        this.factory = factory;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        BenchRun.Settings settings;
        try {
            settings = new BenchRun.Settings(boards, channels, Duration.ofSeconds(boardSeconds), speed,
                    Duration.ofSeconds(drainSeconds));
        } catch (IllegalArgumentException e) {
            out.println("bench: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        try (EmbeddedBroker embedded = broker == null ? EmbeddedBroker.start() : null) {
            String url = broker != null ? broker : embedded.url();
            out.println("bench: broker " + url + (embedded != null ? " (embedded, same JVM)" : ""));
            BenchResult result = new BenchRun(settings, factory).run(url);
            out.print(result.render());
            return result.tally().accepted() >= result.created() ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (IllegalStateException e) {
            out.println("bench: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
