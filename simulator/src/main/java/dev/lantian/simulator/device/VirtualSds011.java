package dev.lantian.simulator.device;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Nova SDS011 on a UART: 10-byte data frames {@code AA C0 p25lo p25hi p10lo p10hi id1 id2 cs AB}
 * (tenths of ug/m3, cs = low byte of the sum of bytes 2-7); once a second of plant time in active
 * mode, one per query command ({@code AA B4 04 ...}) in query mode. Reporting-mode, sleep/work and
 * working-period commands are obeyed and answered with a {@code AA C5} reply.
 */
public final class VirtualSds011 implements WireDevice {
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<DustState> dust;
    private final int id;
    private final DeviceFaults faults = new DeviceFaults();
    private final Garbage garbage;
    private boolean query;
    private boolean asleep;
    private Instant nextFrame;
    private byte[] pending = new byte[0];

    /** @param id the two-byte sensor id printed on its sticker */
    public VirtualSds011(String name, Supplier<DustState> dust, int id, long seed) {
        this.name = Objects.requireNonNull(name, "name");
        this.dust = Objects.requireNonNull(dust, "dust");
        this.id = id & 0xFFFF;
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
        while (i + 19 <= all.length) {
            boolean command = (all[i] & 0xFF) == 0xAA && (all[i + 1] & 0xFF) == 0xB4 && (all[i + 18] & 0xFF) == 0xAB
                    && (sum(all, i + 2, 15) & 0xFF) == (all[i + 17] & 0xFF);
            if (!command) {
                i++;
                continue;
            }
            int d1 = all[i + 2] & 0xFF;
            int set = all[i + 3] & 0xFF;
            int value = all[i + 4] & 0xFF;
            i += 19;
            if (faults.silent()) {
                continue;
            }
            byte[] answer = switch (d1) {
                case 2 -> {
                    if (set == 1) {
                        query = value == 1;
                    }
                    yield reply(2, set, query ? 1 : 0);
                }
                case 4 -> asleep ? new byte[0] : frame();
                case 6 -> {
                    if (set == 1) {
                        asleep = value == 0;
                    }
                    yield reply(6, set, asleep ? 0 : 1);
                }
                case 8 -> reply(8, set, 0);
                default -> new byte[0];
            };
            out.write(answer, 0, answer.length);
        }
        pending = Arrays.copyOfRange(all, Math.max(i, all.length - 18), all.length);
        return out.toByteArray();
    }

    @Override
    public synchronized byte[] emit(Instant now) {
        if (nextFrame == null || now.isBefore(nextFrame.minus(PERIOD))) {
            nextFrame = now;
        }
        if (now.isBefore(nextFrame)) {
            return new byte[0];
        }
        while (!nextFrame.isAfter(now)) {
            nextFrame = nextFrame.plus(PERIOD);
        }
        if (query || asleep || faults.silent()) {
            return new byte[0];
        }
        return frame();
    }

    private byte[] frame() {
        DustState d = dust.get();
        int p25 = tenths(d.pm2_5());
        int p10 = tenths(d.pm10());
        byte[] f = {(byte) 0xAA, (byte) 0xC0, (byte) p25, (byte) (p25 >>> 8), (byte) p10, (byte) (p10 >>> 8),
            (byte) (id >>> 8), (byte) id, 0, (byte) 0xAB};
        f[8] = (byte) sum(f, 2, 6);
        return faults.garbage() ? garbage.corrupt(f) : f;
    }

    private byte[] reply(int d1, int d2, int d3) {
        byte[] r = {(byte) 0xAA, (byte) 0xC5, (byte) d1, (byte) d2, (byte) d3, 0, (byte) (id >>> 8), (byte) id, 0,
            (byte) 0xAB};
        r[8] = (byte) sum(r, 2, 6);
        return r;
    }

    private static int tenths(double v) {
        return (int) Math.max(0, Math.min(0xFFFF, Math.round(v * 10)));
    }

    private static int sum(byte[] b, int from, int n) {
        int s = 0;
        for (int k = from; k < from + n; k++) {
            s += b[k] & 0xFF;
        }
        return s;
    }
}
