package dev.lantian.hardware.i2c;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/** Passes every transaction through and reports its bytes, for {@code probe --raw} and debugging. */
public final class TracingI2cDevice implements I2cDevice {
    private final I2cDevice inner;
    private final Consumer<String> sink;

    public TracingI2cDevice(I2cDevice inner, Consumer<String> sink) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public int address() {
        return inner.address();
    }

    @Override
    public void write(byte[] data) throws IOException {
        sink.accept("raw write " + Hex.of(data));
        inner.write(data);
    }

    @Override
    public byte[] read(int count) throws IOException {
        byte[] got = inner.read(count);
        sink.accept("raw read  " + Hex.of(got));
        return got;
    }

    @Override
    public byte[] writeRead(byte[] data, int count) throws IOException {
        byte[] got = inner.writeRead(data, count);
        sink.accept("raw write " + Hex.of(data) + " read " + Hex.of(got));
        return got;
    }
}
