package dev.lantian.simulator.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** This process's resident memory (VmRSS from /proc/self/status) and CPU time (user + system). */
public final class ProcessFigures {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessFigures() {
    }

    /** Resident set size in kB; empty where /proc is not there. */
    public static Optional<Long> residentKb() {
        try {
            return vmRss(Files.readString(STATUS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> vmRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] f = line.substring("VmRSS:".length()).trim().split("\\s+");
                try {
                    return Optional.of(Long.parseLong(f[0]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** CPU time of the whole JVM, from the platform bean; else the handle's total CPU duration. */
    public static Optional<Duration> cpuTime() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return Optional.of(Duration.ofNanos(nanos));
            }
        }
        return ProcessHandle.current().info().totalCpuDuration();
    }
}
