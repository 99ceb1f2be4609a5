package dev.lantian.simulator.cli;

import dev.lantian.simulator.bench.BenchCommand;
import dev.lantian.simulator.demo.DemoCommand;
import dev.lantian.simulator.demo.DemoMain;
import dev.lantian.agent.cli.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar lantian-sim.jar COMMAND}: the Lantian simulator. {@code plant} runs a virtual plant
 * whose devices speak the real wire protocols on real ports, for an agent started separately;
 * {@code demo} runs a scripted plant day through the agent and checks what the bureau received;
 * {@code bench} loads boards of channels and prints throughput, latency and footprint.
 */
@Command(name = "lantian-sim", mixinStandardHelpOptions = true, version = "lantian-sim 0.1.0",
        description = "Virtual plants and devices for testing the Lantian agent from outside.",
        subcommands = {DemoCommand.class, PlantCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SimMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        DemoMain.quietBroker();
        Logging.configureFromEnvironment();
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new SimMain()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
