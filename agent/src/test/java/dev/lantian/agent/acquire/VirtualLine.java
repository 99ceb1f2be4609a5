package dev.lantian.agent.acquire;

import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RS-485 line of in-memory Modbus slaves on virtual time: every request advances the clock by the
 * bytes it puts on the wire at the line's baud rate plus the slave's turnaround, a silent slave by
 * the whole timeout. Records each frame exchange so tests can check spacing and one-at-a-time use.
 */
final class VirtualLine implements ModbusLink {
    /** One request/answer on the wire. */
    record Exchange(int unit, Instant start, Instant end, boolean answered) {
    }

    private final VirtualClock clock;
    private final double charNanos;
    private final Duration turnaround;
    private final Map<Integer, Map<Integer, Integer>> registers = new HashMap<>();
    private final Set<Integer> silent = new HashSet<>();
    private final Set<Integer> refusing = new HashSet<>();
    final List<Exchange> exchanges = new ArrayList<>();
    private boolean busy;

    VirtualLine(VirtualClock clock, SerialSettings settings, Duration turnaround) {
        this.clock = clock;
        this.charNanos = settings.bitsPerCharacter() * 1e9 / settings.baud();
        this.turnaround = turnaround;
    }

    void slave(int unit, Map<Integer, Integer> regs) {
        registers.put(unit, new HashMap<>(regs));
        silent.remove(unit);
    }

    void silence(int unit) {
        silent.add(unit);
    }

    void wake(int unit) {
        silent.remove(unit);
    }

    void refuse(int unit) {
        refusing.add(unit);
    }

    private Duration chars(int n) {
        return Duration.ofNanos(Math.round(n * charNanos));
    }

    @Override
    public int[] read(int unit, RegisterFunction function, int address, int count, Duration timeout)
            throws FieldbusException {
        if (busy) {
            throw new AssertionError("two requests on the wire at once");
        }
        busy = true;
        Instant start = clock.instant();
        try {
            clock.advance(chars(8));
            if (silent.contains(unit) || !registers.containsKey(unit)) {
                clock.advance(timeout.minus(chars(8)));
                exchanges.add(new Exchange(unit, start, clock.instant(), false));
                throw new FieldbusException(FieldbusException.Kind.TIMEOUT, "unit " + unit + " silent");
            }
            clock.advance(turnaround);
            if (refusing.contains(unit)) {
                clock.advance(chars(5));
                exchanges.add(new Exchange(unit, start, clock.instant(), true));
                throw new FieldbusException(FieldbusException.Kind.DEVICE_ERROR, "illegal data address");
            }
            clock.advance(chars(5 + 2 * count));
            int[] words = new int[count];
            Map<Integer, Integer> regs = registers.get(unit);
            for (int i = 0; i < count; i++) {
                words[i] = regs.getOrDefault(address + i, 0);
            }
            exchanges.add(new Exchange(unit, start, clock.instant(), true));
            return words;
        } finally {
            busy = false;
        }
    }

    @Override
    public void close() {
    }
}
