package dev.lantian.agent.assembly;

import dev.lantian.agent.config.Bus;
import dev.lantian.hardware.dlt645.Dlt645Transport;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.time.BoardClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In-memory transports for a whole board: Eastron-style meters (float32 input registers) on every
 * Modbus line, and a PMS5003 in active mode on every UART, whose values follow a script of the
 * board's clock.
 */
final class MemoryBus implements BusLinks {
    /** Per Modbus unit: register address -> value as a function of time. */
    private final Map<Integer, Map<Integer, Function<Instant, Double>>> meters = new HashMap<>();
    private final BoardClock clock;
    private Function<Instant, Integer> pm25 = t -> 24;
    final AtomicInteger modbusReads = new AtomicInteger();
    /** Every Modbus read as "unit/address+count" (address in hex), in order. */
    final java.util.List<String> modbusRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger uartFrames = new AtomicInteger();

    MemoryBus(BoardClock clock) {
        this.clock = clock;
    }

    MemoryBus register(int unit, int address, Function<Instant, Double> value) {
        meters.computeIfAbsent(unit, u -> new HashMap<>()).put(address, value);
        return this;
    }

    private Instant uartSilentFrom = Instant.MAX;

    /** From {@code t} on the UART sensor sends nothing (a pulled cable). */
    MemoryBus uartSilentFrom(Instant t) {
        this.uartSilentFrom = t;
        return this;
    }

    MemoryBus pm25(Function<Instant, Integer> value) {
        this.pm25 = value;
        return this;
    }

    @Override
    public ModbusLink modbusRtu(Bus.Serial bus, SerialSettings framing, Duration longestTimeout) {
        return new ModbusLink() {
            @Override
            public int[] read(int unit, RegisterFunction function, int address, int count, Duration timeout)
                    throws FieldbusException {
                modbusReads.incrementAndGet();
                modbusRequests.add(unit + "/0x" + Integer.toHexString(address) + "+" + count);
                Map<Integer, Function<Instant, Double>> regs = meters.get(unit);
                if (regs == null) {
                    throw new FieldbusException(FieldbusException.Kind.TIMEOUT, "unit " + unit + " silent");
                }
                int[] words = new int[count];
                Instant now = clock.instant();
                for (int a = address; a < address + count; a += 2) {
                    Function<Instant, Double> f = regs.get(a);
                    int bits = Float.floatToIntBits(f == null ? 0f : f.apply(now).floatValue());
                    words[a - address] = (bits >>> 16) & 0xFFFF;
                    if (a + 1 < address + count) {
                        words[a + 1 - address] = bits & 0xFFFF;
                    }
                }
                return words;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public ModbusLink modbusTcp(Bus.ModbusTcp bus, Duration longestTimeout) {
        throw new UnsupportedOperationException("no Modbus TCP in this test board");
    }

    @Override
    public ModbusLink modbusRtuOverTcp(Bus.RtuOverTcp bus, Duration longestTimeout) {
        throw new UnsupportedOperationException("no RTU over TCP in this test board");
    }

    @Override
    public Dlt645Transport dlt645Serial(Bus.Serial bus, SerialSettings framing) {
        throw new UnsupportedOperationException("no DL/T 645 in this test board");
    }

    @Override
    public Dlt645Transport dlt645Tcp(Bus.RtuOverTcp bus, Duration longestTimeout) {
        throw new UnsupportedOperationException("no DL/T 645 in this test board");
    }

    /** A PMS5003 in active mode: a frame is always waiting (it sends one about every second). */
    @Override
    public ByteLink uart(Bus.Serial bus, dev.lantian.hardware.serial.SerialSettings settings, BoardClock c) {
        return new ByteLink() {
            private boolean open = true;

            @Override
            public int read(byte[] into, Duration timeout) {
                if (!clock.instant().isBefore(uartSilentFrom)) {
                    try {
                        c.sleep(timeout);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                }
                byte[] frame = pmsFrame(pm25.apply(clock.instant()));
                System.arraycopy(frame, 0, into, 0, Math.min(into.length, frame.length));
                uartFrames.incrementAndGet();
                return Math.min(into.length, frame.length);
            }

            @Override
            public boolean write(byte[] bytes) {
                return open;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public String name() {
                return bus.port();
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }

    /** A PMS5003 data frame: 13 data words (pm2_5 is word 5, atmospheric), check code = sum of the bytes before it. */
    static byte[] pmsFrame(int pm25) {
        int[] words = {pm25, pm25, pm25, pm25 / 2, pm25, pm25 + 5, 3000, 900, 160, 12, 3, 1, 0x9700};
        byte[] f = new byte[32];
        f[0] = 0x42;
        f[1] = 0x4d;
        f[3] = 28;
        for (int i = 0; i < words.length; i++) {
            f[4 + 2 * i] = (byte) (words[i] >>> 8);
            f[5 + 2 * i] = (byte) words[i];
        }
        int sum = 0;
        for (int i = 0; i < 30; i++) {
            sum += f[i] & 0xFF;
        }
        f[30] = (byte) (sum >>> 8);
        f[31] = (byte) sum;
        return f;
    }
}
