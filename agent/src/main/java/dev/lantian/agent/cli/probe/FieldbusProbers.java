package dev.lantian.agent.cli.probe;

import dev.lantian.agent.cli.ExitCodes;
import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Client;
import dev.lantian.hardware.dlt645.Dlt645Transport;
import dev.lantian.hardware.dlt645.SerialDlt645Transport;
import dev.lantian.hardware.dlt645.SocketDlt645Transport;
import dev.lantian.hardware.meter.Endianness;
import dev.lantian.hardware.meter.ReadBlock;
import dev.lantian.hardware.meter.RegisterEntry;
import dev.lantian.hardware.meter.RegisterImage;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.meter.RegisterType;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.ModbusLinks;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.reading.Reading;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Probers for Modbus and DL/T 645 devices (issue: fieldbus).
 *
 * <ul>
 *   <li>{@code --device modbus --unit N --read input|holding:ADDR:COUNT:TYPE}: COUNT values of TYPE
 *       (int16, uint16, int32, uint32, float32) from ADDR (decimal or 0x hex), high word first</li>
 *   <li>{@code --device sdm630|sdm120 --unit N}: the shipped Eastron map's named quantities</li>
 *   <li>{@code --device dlt645 [--address 12-digits]}: the FIELDS.md quantities; without an address
 *       the single meter on the line is asked for its address first</li>
 * </ul>
 * Over {@code --port PATH} (Modbus RTU, default 9600 8N1; DL/T 645 default 2400 8E1) or
 * {@code --tcp HOST:PORT} (Modbus TCP; {@code --tcp rtu:HOST:PORT} for RTU carried over TCP by a
 * converter; DL/T 645 in transparent mode).
 */
final class FieldbusProbers {
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private FieldbusProbers() {
    }

    static Map<String, Prober> all() {
        return Map.of(
                "modbus", FieldbusProbers::raw,
                "sdm630", (r, out, err) -> mapped("eastron-sdm630", r, out, err),
                "sdm120", (r, out, err) -> mapped("eastron-sdm120", r, out, err),
                "dlt645", FieldbusProbers::dlt645);
    }

    /** Something about the command line that makes the probe impossible. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    private static int raw(ProbeRequest r, PrintWriter out, PrintWriter err) {
        try {
            String spec = r.read().orElseThrow(() -> new BadInput("--device modbus needs --read input|holding:ADDR:COUNT:TYPE"));
            return modbus(readSpecMap(spec), r, out, err);
        } catch (BadInput e) {
            err.println("probe: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }

    private static int mapped(String mapName, ProbeRequest r, PrintWriter out, PrintWriter err) {
        try {
            return modbus(RegisterMaps.shipped(mapName).orElseThrow(), r, out, err);
        } catch (BadInput e) {
            err.println("probe: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** Turns {@code input:0x0000:3:float32} into a map with fields {@code input_0x0000}, ... */
    static RegisterMap readSpecMap(String spec) throws BadInput {
        String[] p = spec.split(":");
        if (p.length != 4) {
            throw new BadInput("--read takes input|holding:ADDR:COUNT:TYPE, not '" + spec + "'");
        }
        RegisterFunction function = RegisterFunction.parse(p[0])
                .orElseThrow(() -> new BadInput("--read: '" + p[0] + "' is neither input nor holding"));
        RegisterType type = RegisterType.parse(p[3])
                .orElseThrow(() -> new BadInput("--read: type '" + p[3] + "' is not int16, uint16, int32, uint32 or float32"));
        int address;
        int count;
        try {
            address = Integer.decode(p[1]);
            count = Integer.parseInt(p[2]);
        } catch (NumberFormatException e) {
            throw new BadInput("--read: address and count must be numbers in '" + spec + "'");
        }
        if (address < 0 || count < 1 || count * type.words() > ReadBlock.MAX_REGISTERS
                || address + count * type.words() > 0x10000) {
            throw new BadInput("--read: " + count + " x " + type + " from " + address + " is outside one Modbus read (125 registers)");
        }
        List<RegisterEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = address + i * type.words();
            entries.add(new RegisterEntry(String.format("%s_0x%04x", function.name().toLowerCase(Locale.ROOT), a), function, a,
                    type, Endianness.BIG, Endianness.BIG, 1, 0, "", false, List.of()));
        }
        return new RegisterMap("probe", "", entries, List.of());
    }

    private static int modbus(RegisterMap map, ProbeRequest r, PrintWriter out, PrintWriter err) throws BadInput {
        int unit = r.unit().orElseThrow(() -> new BadInput("--device " + r.device() + " needs --unit N (1-247)"));
        if (unit < 0 || unit > 255) {
            throw new BadInput("--unit must be 1-247 (0/255 for some TCP gateways), not " + unit);
        }
        Duration requestTimeout = r.timeout().compareTo(MAX_REQUEST_TIMEOUT) < 0 ? r.timeout() : MAX_REQUEST_TIMEOUT;
        String where;
        ModbusLink link;
        if (r.tcp().isPresent()) {
            String spec = r.tcp().get();
            boolean rtu = spec.startsWith("rtu:");
            HostPort hp = HostPort.parse(rtu ? spec.substring(4) : spec);
            link = rtu ? ModbusLinks.rtuOverTcp(hp.host(), hp.port(), requestTimeout)
                    : ModbusLinks.tcp(hp.host(), hp.port(), requestTimeout);
            where = spec;
        } else if (r.port().isPresent()) {
            SerialSettings s = serial(r, new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1));
            link = ModbusLinks.rtuSerial(r.port().get(), s, requestTimeout);
            where = r.port().get() + " " + s;
        } else {
            throw new BadInput("give --port PATH or --tcp HOST:PORT");
        }
        try (link) {
            int printed = 0;
            String lastProblem = "no answer";
            long deadline = System.nanoTime() + r.timeout().toNanos();
            while (printed < r.count() && System.nanoTime() < deadline) {
                try {
                    RegisterImage image = new RegisterImage();
                    for (ReadBlock b : map.plan(java.util.Set.of())) {
                        int[] words = link.read(unit, b.function(), b.address(), b.count(), requestTimeout);
                        if (r.raw()) {
                            out.println("# " + b.function().name().toLowerCase(Locale.ROOT) + " " + b.address() + "+" + b.count()
                                    + ": " + hexWords(words));
                        }
                        image.put(b, words);
                    }
                    out.println(line(map.decode(image, Map.of())));
                    printed++;
                    deadline = System.nanoTime() + r.timeout().toNanos();
                } catch (FieldbusException e) {
                    lastProblem = e.getMessage();
                    if (e.kind() == FieldbusException.Kind.DEVICE_ERROR) {
                        break;
                    }
                }
            }
            if (printed == 0) {
                err.println("probe: nothing valid from Modbus unit " + unit + " on " + where + " within "
                        + r.timeout().toSeconds() + " s (" + lastProblem + ")");
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }

    private static int dlt645(ProbeRequest r, PrintWriter out, PrintWriter err) {
        Optional<Dlt645Address> address;
        try {
            address = r.address().map(Dlt645Address::parse);
        } catch (IllegalArgumentException e) {
            err.println("probe: --address: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Dlt645Transport transport;
        String where;
        try {
            if (r.tcp().isPresent()) {
                HostPort hp = HostPort.parse(r.tcp().get());
                where = r.tcp().get();
                transport = new SocketDlt645Transport(hp.host(), hp.port(), MAX_REQUEST_TIMEOUT);
            } else if (r.port().isPresent()) {
                SerialSettings s = serial(r, SerialDlt645Transport.DEFAULT);
                where = r.port().get() + " " + s;
                transport = new SerialDlt645Transport(r.port().get(), s);
            } else {
                err.println("probe: give --port PATH or --tcp HOST:PORT");
                return ExitCodes.INVALID_INPUT;
            }
        } catch (BadInput e) {
            err.println("probe: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("probe: cannot open the DL/T 645 line: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        Duration requestTimeout = r.timeout().compareTo(MAX_REQUEST_TIMEOUT) < 0 ? r.timeout() : MAX_REQUEST_TIMEOUT;
        try (transport) {
            Dlt645Client client = new Dlt645Client(transport, r.raw() ? s -> out.println("# " + s) : s -> { });
            Dlt645Address meter;
            if (address.isPresent()) {
                meter = address.get();
            } else {
                meter = client.discover(r.timeout());
                out.println("# address=" + meter);
            }
            int printed = 0;
            String lastProblem = "no answer";
            long deadline = System.nanoTime() + r.timeout().toNanos();
            while (printed < r.count() && System.nanoTime() < deadline) {
                List<Reading> readings = new ArrayList<>();
                boolean any = false;
                for (DataIdentifier di : DataIdentifier.values()) {
                    try {
                        readings.add(new Reading(di.field(), client.read(meter, di, requestTimeout),
                                dev.lantian.hardware.reading.QualityFlag.N, di.cumulative()));
                        any = true;
                    } catch (FieldbusException e) {
                        lastProblem = e.getMessage();
                        readings.add(Reading.missing(di.field(), e.kind() == FieldbusException.Kind.DEVICE_ERROR
                                ? dev.lantian.hardware.reading.QualityFlag.D : dev.lantian.hardware.reading.QualityFlag.B));
                    }
                }
                if (any) {
                    out.println("address=" + meter + " " + line(readings));
                    printed++;
                    deadline = System.nanoTime() + r.timeout().toNanos();
                }
            }
            if (printed == 0) {
                err.println("probe: nothing valid from DL/T 645 meter " + meter + " on " + where + " (" + lastProblem + ")");
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        } catch (FieldbusException e) {
            err.println("probe: no DL/T 645 meter answered the address query on " + where + " (" + e.getMessage()
                    + "); with several meters on the line give --address");
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }

    /** {@code name=value ... flag=X}: the set's flag is the worst of its readings. */
    static String line(List<Reading> readings) {
        StringBuilder sb = new StringBuilder();
        dev.lantian.hardware.reading.QualityFlag worst = dev.lantian.hardware.reading.QualityFlag.N;
        for (Reading rd : readings) {
            sb.append(rd.field()).append('=').append(Double.isNaN(rd.value()) ? "NaN" : format(rd.value())).append(' ');
            if (rd.flag().dominance() > worst.dominance()) {
                worst = rd.flag();
            }
        }
        return sb.append("flag=").append(worst.code()).toString();
    }

    private static String format(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String hexWords(int[] words) {
        StringBuilder sb = new StringBuilder();
        for (int w : words) {
            sb.append(String.format("%04X ", w));
        }
        return sb.toString().trim();
    }

    private static SerialSettings serial(ProbeRequest r, SerialSettings defaults) throws BadInput {
        try {
            return new SerialSettings(r.baud().orElse(defaults.baud()), defaults.dataBits(),
                    r.parity().map(SerialSettings.Parity::parse).orElse(defaults.parity()),
                    r.stopBits().orElse(defaults.stopBits()));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private record HostPort(String host, int port) {
        static HostPort parse(String text) throws BadInput {
            int colon = text.lastIndexOf(':');
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (colon <= 0 || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(text.substring(0, colon), port);
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new BadInput("--tcp takes HOST:PORT, not '" + text + "'");
            }
        }
    }
}
