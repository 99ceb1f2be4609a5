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

    /** Where the virtual devices sit, for the header line: on ptys and sockets, or in process. */
    default String devices() {
        return "in process";
    }

    @Override
    void close();

    /**
     * What the command line chose. {@code until} cuts the scenario short (a slice for tests);
     * {@code devices} says where the virtual devices sit.
     */
    record Options(String scenario, Optional<Instant> until, Duration tolerance, Devices devices) {
        public Options(String scenario, Optional<Instant> until, Duration tolerance) {
            this(scenario, until, tolerance, Devices.IN_PROCESS);
        }
    }

    /**
     * {@code IN_PROCESS}: serial devices answer in memory and Modbus TCP in memory, needing nothing but
     * a JDK; {@code PTY}: serial devices on socat pty pairs and Modbus TCP on loopback sockets, read
     * by the agent's real serial and Modbus links (falls back to in-process, with a notice, without socat).
     */
    enum Devices {
        IN_PROCESS, PTY
    }

    /** Opens the plant and the board of a scenario. */
    interface Factory {
        DemoSetup open(Options options) throws IOException;
    }
}
