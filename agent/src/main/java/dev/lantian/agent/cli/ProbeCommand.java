package dev.lantian.agent.cli;

import dev.lantian.agent.cli.probe.ProbeRequest;
import dev.lantian.agent.cli.probe.Prober;
import dev.lantian.agent.cli.probe.Probers;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code probe}: talk to one device directly, without a configuration, to check the wiring on site. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Read a device directly and print one line per reading as name=value pairs, flag included.",
            "Exit status: 0 when valid readings arrived, 1 when the port cannot be opened or nothing valid arrived"
                + " within the timeout, 2 for a bad command line."})
public final class ProbeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--device", required = true, paramLabel = "KIND",
            description = "Device kind: ${COMPLETION-CANDIDATES}", completionCandidates = DeviceKinds.class)
    String device;

    @Option(names = "--port", paramLabel = "PATH", description = "Serial port path (symlinks and pty devices work).")
    String port;

    @Option(names = "--tcp", paramLabel = "HOST:PORT", description = "Reach the device over TCP (Modbus TCP, RTU over TCP).")
    String tcp;

    @Option(names = "--baud", description = "Serial baud rate (default: the device's own).")
    Integer baud;

    @Option(names = "--parity", description = "Serial parity: none, even, odd (default: the device's own).")
    String parity;

    @Option(names = "--stop-bits", description = "Serial stop bits: 1 or 2 (default: the device's own).")
    Integer stopBits;

    @Option(names = "--i2c-bus", paramLabel = "N", description = "I2C bus number, e.g. 1 for /dev/i2c-1.")
    Integer i2cBus;

    @Option(names = "--address", paramLabel = "ADDR", description = "I2C address (0x69) or DL/T 645 meter address (12 digits).")
    String address;

    @Option(names = "--unit", paramLabel = "N", description = "Modbus unit id (1-247).")
    Integer unit;

    @Option(names = "--read", paramLabel = "SPEC", description = "Raw Modbus read: input|holding:ADDR:COUNT:TYPE.")
    String read;

    @Option(names = "--count", defaultValue = "1", description = "Readings to print (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--raw", description = "Also print each frame in hex.")
    boolean raw;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Give up when no valid reading arrives within this many seconds (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Map<String, Prober> probers = Probers.all();
        Prober prober = probers.get(device.toLowerCase(Locale.ROOT));
        if (prober == null) {
            err.println("probe: unknown device kind '" + device + "' (known: " + String.join(", ", probers.keySet()) + ")");
            return ExitCodes.INVALID_INPUT;
        }
        if (count < 1 || timeoutSeconds <= 0) {
            err.println("probe: --count must be at least 1 and --timeout positive");
            return ExitCodes.INVALID_INPUT;
        }
        ProbeRequest request = new ProbeRequest(device.toLowerCase(Locale.ROOT), Optional.ofNullable(port),
                Optional.ofNullable(tcp), Optional.ofNullable(baud), Optional.ofNullable(parity),
                Optional.ofNullable(stopBits), Optional.ofNullable(i2cBus), Optional.ofNullable(address),
                Optional.ofNullable(unit), Optional.ofNullable(read), count, raw,
                Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        int status = prober.probe(request, out, err);
        out.flush();
        err.flush();
        return status;
    }

    /** Lists the known device kinds in {@code --help}. */
    static final class DeviceKinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Probers.all().keySet().iterator();
        }
    }
}
