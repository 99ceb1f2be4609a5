package dev.lantian.hardware.gpio;

import dev.lantian.hardware.reading.PolledDevice;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * An equipment run relay wired (through an opto-coupler) to a GPIO input, giving field {@code state}:
 * 1 when the contact says the equipment runs, 0 when not.
 *
 * <p>Debounce by time, not by sleeping: a new level is accepted only when every sample taken over at
 * least {@code debounce} (measured on the injected clock) showed it. A bounce shorter than that, or a
 * level seen in only one sample, never changes the state. Poll faster than the debounce time for the
 * debounce to mean what it says; with slower polling a level must still be seen on consecutive polls
 * at least {@code debounce} apart. The first sample after start-up is taken as the state, since there
 * is no earlier state to protect.
 */
public final class DryContact implements PolledDevice {
    public static final String FIELD = "state";

    private final String deviceId;
    private final DigitalInput input;
    private final Clock clock;
    private final boolean activeLow;
    private final Duration debounce;

    private Boolean stable;
    private boolean candidate;
    private Instant candidateSince;

    /**
     * @param activeLow true when the input reads low while the contact says "running" (the usual
     *                  opto-coupler wiring pulling the line to ground)
     */
    public DryContact(String deviceId, DigitalInput input, Clock clock, boolean activeLow, Duration debounce) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.input = Objects.requireNonNull(input, "input");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.activeLow = activeLow;
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative: " + debounce);
        }
        this.debounce = debounce;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public synchronized ReadingSet read() {
        Instant now = clock.instant();
        boolean running;
        try {
            running = input.high() != activeLow;
        } catch (IOException | RuntimeException e) {
            Logger.warn("{}: GPIO read failed: {}", deviceId, e.getMessage());
            // A failed read breaks the run of agreeing samples: the candidate must start over.
            candidateSince = null;
            return new ReadingSet(deviceId, now, List.of(Reading.missing(FIELD, QualityFlag.B)),
                    QualityFlag.B, "GPIO read failed: " + e.getMessage());
        }
        update(running, now);
        return ReadingSet.of(deviceId, now, List.of(Reading.normal(FIELD, stable ? 1 : 0)));
    }

    private void update(boolean running, Instant now) {
        if (stable == null) {
            stable = running;
            candidate = running;
            candidateSince = now;
            return;
        }
        // A clock stepped backwards would make the candidate look older than it is: restart it.
        if (running != candidate || candidateSince == null || now.isBefore(candidateSince)) {
            candidate = running;
            candidateSince = now;
        }
        if (candidate != stable && !Duration.between(candidateSince, now).minus(debounce).isNegative()) {
            stable = candidate;
        }
    }
}
