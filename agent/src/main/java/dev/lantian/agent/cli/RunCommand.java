package dev.lantian.agent.cli;

import dev.lantian.agent.assembly.Board;
import dev.lantian.agent.assembly.RealComponents;
import dev.lantian.agent.config.Durations;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.hardware.i2c.BoardIo;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the agent itself. Acquires, measures, judges, stores and reports until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the board described by the site configuration until SIGTERM/SIGINT (or --for elapses).",
            "A configuration with any problem is refused: every problem is printed, nothing starts.",
            "Exit status: 0 stopped cleanly, 2 invalid configuration or options, 1 the board could not start."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Site configuration (YAML).")
    Path config;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Stop after this long (e.g. 90s, 10m, 1h30m); for scripted runs. Default: until signalled.")
    String runFor;

    @Option(names = "--io", defaultValue = BoardIo.REAL, paramLabel = "PROVIDER",
            description = "I2C/GPIO provider: real (Pi4J on the board) or mock (any PC). Default: ${DEFAULT-VALUE}.")
    String io;

    @Option(names = "--clock", defaultValue = "SYNCED", paramLabel = "QUALITY",
            description = "How far the board's time is trusted, carried in every report: SYNCED (NTP or the platform "
                    + "keeps it), FREE_RUNNING or UNSYNCED. Periods with a detected clock step are STEPPED regardless. "
                    + "Default: ${DEFAULT-VALUE}.")
    ClockQuality clock;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Optional<SiteConfig> loaded = SiteFile.load(config, err, "the agent does not start");
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        SiteConfig site = loaded.get();
        Duration limit = null;
        if (runFor != null) {
            limit = Durations.parse(runFor).filter(d -> !d.isZero() && !d.isNegative()).orElse(null);
            if (limit == null) {
                err.println("--for: '" + runFor + "' is not a positive duration (e.g. 90s, 10m, 1h30m)");
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (clock == ClockQuality.STEPPED) {
            err.println("--clock: STEPPED is judged per period, not configured; use SYNCED, FREE_RUNNING or UNSYNCED");
            return ExitCodes.INVALID_INPUT;
        }
        try (BoardIo boardIo = BoardIo.open(io)) {
            BoardClock boardClock = BoardClock.system(site.site().timeZone());
            Board board = Board.build(site, RealComponents.forBoard(site, boardClock, boardIo, clock, VersionProvider.version()));
            return runUntilStopped(board, limit);
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "the board could not start");
            err.println("run: the board could not start: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private int runUntilStopped(Board board, Duration limit) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            Logger.info("signal received, stopping");
            board.close();
            stopped.countDown();
            Logging.shutdown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        board.start();
        spec.commandLine().getOut().println("running " + config + (limit == null ? "" : " for " + Durations.format(limit)));
        try {
            if (limit == null) {
                stopped.await();
            } else if (!stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                board.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            board.close();
        }
        return ExitCodes.OK;
    }
}
