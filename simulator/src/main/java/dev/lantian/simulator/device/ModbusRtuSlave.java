package dev.lantian.simulator.device;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slaves of one RS-485 line speaking Modbus RTU ({@code unit fn data CRC}). Requests are found
 * by their CRC anywhere in the received bytes, so junk before a request is skipped; a request for
 * a unit not on this line, or a broadcast (unit 0), gets no answer, as on a real bus.
 */
public final class ModbusRtuSlave implements WireDevice {
    private static final int MAX_BUFFER = 512;

    private final String name;
    private final Map<Integer, ModbusUnit> units = new LinkedHashMap<>();
    private final DeviceFaults lineFaults = new DeviceFaults();
    private final Garbage garbage;
    private byte[] buf = new byte[0];

    public ModbusRtuSlave(String name, List<ModbusUnit> slaves, long seed) {
        this.name = name;
        slaves.forEach(u -> {
            if (units.put(u.unit(), u) != null) {
                throw new IllegalArgumentException(name + ": unit " + u.unit() + " twice on one line");
            }
        });
        this.garbage = new Garbage(seed);
    }

    @Override
    public String name() {
        return name;
    }

    /** Faults of the whole line (each unit also has its own). */
    @Override
    public DeviceFaults faults() {
        return lineFaults;
    }

    @Override
    public synchronized byte[] receive(byte[] bytes, Instant now) {
        buf = Arrays.copyOf(buf, buf.length + bytes.length);
        System.arraycopy(bytes, 0, buf, buf.length - bytes.length, bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] frame = find(); frame != null; frame = find()) {
            byte[] request = Arrays.copyOfRange(buf, frame[0], frame[0] + frame[1]);
            buf = Arrays.copyOfRange(buf, frame[0] + frame[1], buf.length);
            byte[] reply = answer(request);
            out.write(reply, 0, reply.length);
        }
        if (buf.length > MAX_BUFFER) {
            buf = Arrays.copyOfRange(buf, buf.length - MAX_BUFFER / 2, buf.length);
        }
        return out.toByteArray();
    }

    /** Start and length of the first CRC-valid frame in the buffer, or null. */
    private int[] find() {
        for (int start = 0; start + 4 <= buf.length; start++) {
            int fn = buf[start + 1] & 0x7F;
            // Read requests have a fixed length; try it first so register bytes cannot fake a shorter frame.
            if ((fn == 3 || fn == 4) && start + 8 <= buf.length && Crc16.valid(buf, start, 8)) {
                return new int[] {start, 8};
            }
            if (fn != 3 && fn != 4) {
                for (int len = 4; start + len <= buf.length && len <= 256; len++) {
                    if (Crc16.valid(buf, start, len)) {
                        return new int[] {start, len};
                    }
                }
            }
        }
        return null;
    }

    private byte[] answer(byte[] request) {
        int unitId = request[0] & 0xFF;
        ModbusUnit unit = units.get(unitId);
        if (unit == null || unit.faults().silent() || lineFaults.silent()) {
            return new byte[0];
        }
        byte[] pdu = unit.answer(Arrays.copyOfRange(request, 1, request.length - 2));
        byte[] adu = new byte[pdu.length + 1];
        adu[0] = (byte) unitId;
        System.arraycopy(pdu, 0, adu, 1, pdu.length);
        byte[] frame = Crc16.append(adu);
        return unit.faults().garbage() || lineFaults.garbage() ? garbage.corrupt(frame) : frame;
    }

    /** The unit ids on this line. */
    public List<Integer> units() {
        return List.copyOf(units.keySet());
    }
}
