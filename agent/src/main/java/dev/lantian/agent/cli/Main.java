package dev.lantian.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The agent's command line: one entry point, one subcommand per task a technician or service runs. */
@Command(
        name = "lantian-agent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lantian edge agent: proves that pollution-control equipment really runs.",
        subcommands = {
            ProbeCommand.class,
            ReplayCommand.class,
            RunCommand.class,
            ValidateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with the exit codes every subcommand shares. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException
                        ? ExitCodes.INVALID_INPUT : ExitCodes.SOFTWARE)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        Logging.configureFromEnvironment();
        int status = commandLine().execute(args);
        Logging.shutdown();
        System.exit(status);
    }
}
