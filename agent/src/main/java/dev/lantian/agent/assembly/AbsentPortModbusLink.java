package dev.lantian.agent.assembly;

import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.RegisterFunction;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Modbus line whose serial port did not exist when the board started (a USB–RS-485 adapter not
 * plugged in yet): every read first tries to open the port again, and until that works fails as a
 * link error, so its devices report {@code B} and the board keeps running instead of refusing to start.
 */
final class AbsentPortModbusLink implements ModbusLink {
    private final String port;
    private final Supplier<ModbusLink> open;
    private ModbusLink link;
    private String lastProblem;

    AbsentPortModbusLink(String port, Supplier<ModbusLink> open, String problem) {
        this.port = port;
        this.open = open;
        this.lastProblem = problem;
    }

    /** Opens now if the port is there, else a link that keeps trying. */
    static ModbusLink open(String port, Supplier<ModbusLink> open) {
        try {
            return open.get();
        } catch (RuntimeException e) {
            org.tinylog.Logger.warn("serial port {} absent ({}); its devices report B until it appears", port,
                    e.getMessage());
            return new AbsentPortModbusLink(port, open, e.getMessage());
        }
    }

    @Override
    public synchronized int[] read(int unit, RegisterFunction function, int address, int count, Duration timeout)
            throws FieldbusException, InterruptedException {
        if (link == null) {
            try {
                link = open.get();
                org.tinylog.Logger.info("serial port {} appeared", port);
            } catch (RuntimeException e) {
                lastProblem = e.getMessage();
                throw new FieldbusException(FieldbusException.Kind.LINK, "port " + port + " absent: " + lastProblem, e);
            }
        }
        return link.read(unit, function, address, count, timeout);
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
        }
    }
}
