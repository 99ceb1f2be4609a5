package dev.lantian.agent.cli;

import dev.lantian.agent.assembly.EquipmentReplay;
import dev.lantian.agent.assembly.StageSettings;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.measure.Replay;
import dev.lantian.agent.measure.ReplayInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay}: recompute a site's statistics, alarms, states and events from raw samples, for audits. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run raw samples through the same measurement and equipment code the live agent uses.",
            "Input: CSV with header channel,time,value,flag (ISO-8601 times with offset; flag optional, default N).",
            "Writes DIR/aggregates.csv, alarms.csv, rejected.csv, events.csv and states.csv.",
            "Exit status: 0 done, 2 invalid configuration or input (every bad line is listed), 1 on an IO error."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Site configuration (YAML).")
    Path config;

    @Option(names = "--samples", required = true, paramLabel = "IN.csv", description = "Raw samples to replay.")
    Path samples;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the output files.")
    Path out;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Optional<SiteConfig> loaded = SiteFile.load(config, err, "nothing replayed");
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        SiteConfig site = loaded.get();
        EquipmentReplay equipment = new EquipmentReplay(StageSettings.monitor(site));
        try {
            Replay.Summary summary = new Replay(StageSettings.measure(site)).run(samples, out, equipment);
            stdout.printf("%s: %d samples -> %d aggregates, %d alarms, %d rejected, %d events; written to %s%n",
                    samples, summary.samples(), summary.aggregates(), summary.alarms(), summary.rejected(),
                    equipment.events(), out);
            return ExitCodes.OK;
        } catch (ReplayInputException e) {
            e.errors().forEach(line -> err.println(samples + ":" + line.line() + ": " + line.message()));
            err.println(samples + ": " + e.errors().size() + " malformed line(s); nothing replayed");
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("replay: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
