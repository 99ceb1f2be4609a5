package dev.lantian.agent.cli;

import dev.lantian.agent.config.ConfigException;
import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.ConfigProblem;
import dev.lantian.agent.config.SiteConfig;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the site file for a command that needs a whole configuration, or lists every problem. */
final class SiteFile {
    private SiteFile() {
    }

    /**
     * The checked configuration, or empty after printing every problem and
     * "FILE: invalid, N problem(s); {@code consequence}" to {@code err}.
     */
    static Optional<SiteConfig> load(Path file, PrintWriter err, String consequence) {
        try {
            return Optional.of(ConfigLoader.load(file));
        } catch (ConfigException e) {
            e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
            err.println(file + ": invalid, " + e.problems().size() + " problem(s); " + consequence);
            return Optional.empty();
        }
    }
}
