package dev.lantian.agent.cli;

import dev.lantian.agent.config.ConfigException;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.ConfigProblem;
import dev.lantian.agent.config.SiteConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate}: check a site file on the bench or on site before the agent is started with it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a site configuration file and print every problem as FILE:LINE:COLUMN: key: what is wrong.",
            "Exit status: 0 when the file is valid, 2 when it is not (or cannot be read)."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The site configuration (YAML), e.g. /etc/lantian/site.yaml.")
    Path file;

    @Override
    public Integer call() {
        try {
            SiteConfig config = ConfigLoader.load(file);
            spec.commandLine().getOut().println(file + ": valid (" + config.devices().size() + " devices, "
                    + config.channels().size() + " channels, " + config.equipment().size() + " equipment)");
            return ExitCodes.OK;
        } catch (ConfigException e) {
            var err = spec.commandLine().getErr();
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            int n = e.problems().size();
            err.println(file + ": invalid, " + n + (n == 1 ? " problem" : " problems"));
            return ExitCodes.INVALID_INPUT;
        }
    }
}
