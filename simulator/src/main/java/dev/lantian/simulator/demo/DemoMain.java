package dev.lantian.simulator.demo;

import dev.lantian.agent.cli.Logging;
import org.tinylog.configuration.Configuration;
import picocli.CommandLine;

/** Runs {@link DemoCommand} on its own (the simulator's main registers it as {@code demo}). */
public final class DemoMain {
    private DemoMain() {
    }

    /** The embedded broker logs every connection at info; the demo's own lines matter more. Call before the first log. */
    public static void quietBroker() {
        if (!Configuration.isFrozen()) {
            Configuration.set("level@io.moquette", "warn");
            Configuration.set("level@io.netty", "warn");
        }
    }

    public static void main(String[] args) {
        quietBroker();
        Logging.configureFromEnvironment();
        System.exit(new CommandLine(new DemoCommand()).execute(args));
    }
}
