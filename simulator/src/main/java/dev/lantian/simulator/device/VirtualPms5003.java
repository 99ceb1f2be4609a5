package dev.lantian.simulator.device;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Plantower PMS5003 on a UART: in active mode one 32-byte frame per second of plant time
 * ({@code 42 4D 00 1C}, 13 big-endian words, 16-bit sum); in passive mode one frame per read command
 * ({@code E2}); answers mode ({@code E1}) and sleep ({@code E4}) commands with the 8-byte reply
 * frame. A device that falls behind (a slow pump) sends only its latest frame, as the real sensor
 * overwrites its buffer.
 */
public final class VirtualPms5003 implements WireDevice {
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<DustState> dust;
    private final DeviceFaults faults = new DeviceFaults();
    private final Garbage garbage;
    private boolean active = true;
    private boolean asleep;
    private Instant nextFrame;
    private byte[] pending = new byte[0];

    public VirtualPms5003(String name, Supplier<DustState> dust, long seed) {
        this.name = Objects.requireNonNull(name, "name");
        this.dust = Objects.requireNonNull(dust, "dust");
        this.garbage = new Garbage(seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceFaults faults() {
        return faults;
    }

    @Override
    public synchronized byte[] receive(byte[] bytes, Instant now) {
        byte[] all = new byte[pending.length + bytes.length];
        System.arraycopy(pending, 0, all, 0, pending.length);
        System.arraycopy(bytes, 0, all, pending.length, bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i + 7 <= all.length) {
            if (all[i] != 0x42 || all[i + 1] != 0x4D || sum(all, i, 5) != word(all, i + 5)) {
                i++;
                continue;
            }
            int cmd = all[i + 2] & 0xFF;
            int data = word(all, i + 3);
            i += 7;
            if (faults.silent()) {
                continue;
            }
            switch (cmd) {
                case 0xE1 -> {
                    active = data == 1;
                    write(out, reply(cmd, data));
                }
                case 0xE4 -> {
                    asleep = data == 0;
                    write(out, reply(cmd, data));
                }
                case 0xE2 -> {
                    if (!active && !asleep) {
                        write(out, frame());
                    }
                }
                default -> { }
            }
        }
        pending = java.util.Arrays.copyOfRange(all, Math.max(i, all.length - 6), all.length);
        return out.toByteArray();
    }

    @Override
    public synchronized byte[] emit(Instant now) {
        if (nextFrame == null || now.isBefore(nextFrame.minus(PERIOD))) {
            nextFrame = now; // first call, or the plant clock stepped back
        }
        if (now.isBefore(nextFrame)) {
            return new byte[0];
        }
        while (!nextFrame.isAfter(now)) {
            nextFrame = nextFrame.plus(PERIOD);
        }
        if (!active || asleep || faults.silent()) {
            return new byte[0];
        }
        return frame();
    }

    private byte[] frame() {
        DustState d = dust.get();
        int pm1 = ug(d.pm1());
        int pm25 = ug(d.pm2_5());
        int pm10 = ug(d.pm10());
        int[] words = {pm1, pm25, pm10, pm1, pm25, pm10,
            clip(d.pm2_5() * 65 + d.pm10() * 10), clip(d.pm2_5() * 20 + d.pm10() * 3), clip(d.pm2_5() * 4),
            clip(d.pm10() * 0.4), clip(d.pm10() * 0.08), clip(d.pm10() * 0.02), 0};
        byte[] f = new byte[32];
        f[0] = 0x42;
        f[1] = 0x4D;
        f[3] = 28;
        for (int k = 0; k < 13; k++) {
            f[4 + 2 * k] = (byte) (words[k] >>> 8);
            f[5 + 2 * k] = (byte) words[k];
        }
        int cs = sum(f, 0, 30);
        f[30] = (byte) (cs >>> 8);
        f[31] = (byte) cs;
        return faults.garbage() ? garbage.corrupt(f) : f;
    }

    /** The 8-byte answer to a mode or sleep command: {@code 42 4D 00 04 CMD DATA CS}. */
    private static byte[] reply(int cmd, int data) {
        byte[] r = {0x42, 0x4D, 0, 4, (byte) cmd, (byte) data, 0, 0};
        int cs = sum(r, 0, 6);
        r[6] = (byte) (cs >>> 8);
        r[7] = (byte) cs;
        return r;
    }

    private static int ug(double v) {
        return clip(Math.round(v));
    }

    private static int clip(double v) {
        return (int) Math.max(0, Math.min(0xFFFF, Math.round(v)));
    }

    private static int sum(byte[] b, int from, int n) {
        int s = 0;
        for (int k = from; k < from + n; k++) {
            s += b[k] & 0xFF;
        }
        return s & 0xFFFF;
    }

    private static int word(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void write(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }
}
