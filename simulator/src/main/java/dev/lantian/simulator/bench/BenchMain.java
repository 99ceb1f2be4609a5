package dev.lantian.simulator.bench;

import dev.lantian.agent.cli.Logging;
import dev.lantian.simulator.demo.DemoMain;
import picocli.CommandLine;

/** Runs {@link BenchCommand} on its own (the simulator's main registers it as {@code bench}). */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        DemoMain.quietBroker();
        Logging.configureFromEnvironment();
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
