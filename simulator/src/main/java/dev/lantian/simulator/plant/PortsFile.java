package dev.lantian.simulator.plant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each virtual device can be reached, written by {@code lantian-sim plant --ports-file} for an
 * agent started separately: per device id its kind ({@code pty}: a serial device path;
 * {@code tcp}: host and port; {@code memory}: in-process only), protocol, and Modbus unit,
 * DL/T 645 address, or I2C bus (as its {@code line}, {@code i2c-1}) and address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortsFile(String scenario, String plantStart, double speed, Map<String, Entry> devices) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** How the agent reaches one device. */
    public enum Kind { pty, tcp, memory }

    /**
     * @param line the RS-485 line (several Modbus slaves share one pty), if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Kind kind, String path, String host, Integer port, String protocol, Integer unit,
                        String address, String line) {
        /** An in-process I2C chip: its bus as the line ({@code i2c-1}, as /dev/i2c-1), its address in hex. */
        public static Entry i2c(String protocol, int bus, int address) {
            return new Entry(Kind.memory, null, null, null, protocol, null, String.format("0x%02X", address), "i2c-" + bus);
        }
    }

    public PortsFile {
        devices = new TreeMap<>(devices);
    }

    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static PortsFile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), PortsFile.class);
    }

    public Entry entry(String device) {
        Entry e = devices.get(device);
        if (e == null) {
            throw new IllegalArgumentException("the ports file has no device '" + device + "'; it has " + devices.keySet());
        }
        return e;
    }
}
