package dev.lantian.agent.acquire;

import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.ReadingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sensor driver (UART, I2C, GPIO) polled by a {@link LineScheduler} like a meter, so every bus of
 * the board has one scheduler, one thread and one set of counters. The driver does its own IO and
 * never throws: its silence arrives as a {@code B} reading set, which the scheduler passes on.
 */
public record DriverPollingDevice(PolledDevice driver, Duration period, DevicePolicy policy) implements PollingDevice {
    public DriverPollingDevice {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String id() {
        return driver.deviceId();
    }

    @Override
    public ReadingSet poll(Wire wire, Instant time) {
        ReadingSet set = driver.read();
        return new ReadingSet(set.device(), time, set.readings(), set.flag(), set.detail());
    }
}
