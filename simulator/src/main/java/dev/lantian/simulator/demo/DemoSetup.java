package dev.lantian.simulator.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A scenario's plant and the board that watches it, ready to be driven by a {@link DemoRun}. */
public interface DemoSetup extends AutoCloseable {

    DemoPlant plant();

    DemoAgent agent();

    /** The plant's time zone, for the progress line. */
    ZoneId zone();

    /** Things the user must know about how the demo runs (socat missing, incidents not staged). */
    default List<String> notices() {
        return List.of();
    }

    @Override
    void close();

    /** What the command line chose. {@code until} cuts the scenario short (a slice for tests). */
    record Options(String scenario, Optional<Instant> until, Duration tolerance) {
    }

    /** Opens the plant and the board of a scenario. */
    interface Factory {
        DemoSetup open(Options options) throws IOException;
    }
}
