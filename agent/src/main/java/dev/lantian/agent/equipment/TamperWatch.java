package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Meter loss, clamp removal and phase loss, judged on raw samples.
 *
 * <ul>
 * <li>Meter lost: no sample that is both valued and not flagged B on any of the unit's channels for
 * {@code meter_lost_after}; starts at last heard + meter_lost_after, ends at the next good sample.</li>
 * <li>Clamp removed: a phase current below {@code clamp_current_below} while that phase's voltage is
 * present and something else says the unit works: the contact says running, the power says running, or
 * another phase carries current. Voltage alone is not enough: an energised idle unit draws no current.</li>
 * <li>Phase loss: one phase voltage below {@code voltage_present_above} while another is above it.</li>
 * </ul>
 * Clamp and phase conditions are debounced with the unit's min_dwell and dated at their first sample.
 * Every latch, and the keys it is known by, is made once from the configuration: this runs for every
 * sample and every tick, and building key strings there was the top of the board's CPU profile.
 */
final class TamperWatch {
    /** One debounced condition of one unit's channel, with its snapshot key and its event key. */
    private record Slot(EquipmentSettings eq, TamperEvent.Kind kind, String channel, String snapshotKey,
                        String eventKey, Latch latch) {
    }

    private final MonitorSettings settings;
    private final EventBook book;
    private final Map<String, Sample> latest = new HashMap<>();
    private final Map<String, Instant> lastGood = new HashMap<>();
    private final Map<String, String> meterKeys = new HashMap<>();
    /** Per unit: the clamp latches in the order of its currents, the phase latches in the order of its voltages. */
    private final Map<String, Slot[]> clamps = new HashMap<>();
    private final Map<String, Slot[]> phases = new HashMap<>();
    private final Map<String, List<Slot>> byUnit = new HashMap<>();
    private final Map<String, Slot> byKey = new LinkedHashMap<>();

    TamperWatch(MonitorSettings settings, EventBook book, Instant start) {
        this.settings = settings;
        this.book = book;
        for (EquipmentSettings e : settings.equipment()) {
            lastGood.put(e.id(), start);
            meterKeys.put(e.id(), TamperEvent.Kind.METER_LOST.rule() + ":" + e.id() + ":meter");
            MeasuredBy m = e.measuredBy();
            clamps.put(e.id(), m.currents().stream().map(c -> slot(e, TamperEvent.Kind.CLAMP_REMOVED, c)).toArray(Slot[]::new));
            phases.put(e.id(), m.voltages().size() < 2 ? new Slot[0]
                    : m.voltages().stream().map(v -> slot(e, TamperEvent.Kind.PHASE_LOSS, v)).toArray(Slot[]::new));
        }
    }

    /** The slot of this unit, kind and channel; a channel named twice shares one latch, as its key is the same. */
    private Slot slot(EquipmentSettings eq, TamperEvent.Kind kind, String channel) {
        String key = eq.id() + "|" + kind.name() + "|" + channel;
        return byKey.computeIfAbsent(key, k -> {
            Slot s = new Slot(eq, kind, channel, k, kind.rule() + ":" + eq.id() + ":" + channel, new Latch());
            byUnit.computeIfAbsent(eq.id(), u -> new ArrayList<>()).add(s);
            return s;
        });
    }

    void onSample(EquipmentSettings eq, Sample s, Instant now) {
        latest.put(s.channel(), s);
        meterLost(eq, s.time(), now);
        if (s.hasValue() && s.flag() != QualityFlag.B) {
            Instant previous = lastGood.get(eq.id());
            if (previous == null || s.time().isAfter(previous)) {
                lastGood.put(eq.id(), s.time());
            }
            book.close(meterKeys.get(eq.id()), s.time(), now);
        }
        judge(eq, s, now);
    }

    void tick(Instant now) {
        for (EquipmentSettings eq : settings.equipment()) {
            meterLost(eq, now, now);
            for (Slot slot : byUnit.getOrDefault(eq.id(), List.of())) {
                slot.latch().recheck(now, eq.state().minDwell())
                        .ifPresent(at -> flip(slot, slot.latch().active(), at, now));
            }
        }
    }

    private void meterLost(EquipmentSettings eq, Instant t, Instant now) {
        Instant lost = lastGood.get(eq.id()).plus(settings.tamper().meterLostAfter());
        if (!t.isBefore(lost)) {
            EventCore core = EventCore.open(meterKeys.get(eq.id()), TamperEvent.Kind.METER_LOST.rule(), eq.id(), lost, Severity.ALARM,
                    eq.id() + " meter silent or failing since " + settings.local(lastGood.get(eq.id())), eq.measuredBy().all());
            book.open(new TamperEvent(core, TamperEvent.Kind.METER_LOST, "meter"), now);
        }
    }

    /**
     * Re-judges every clamp and phase condition of the unit with the latest value of each channel, on
     * any of its samples: samples of one instant arrive one channel at a time, and the last of them
     * must be able to settle the verdict for that instant.
     */
    private void judge(EquipmentSettings eq, Sample s, Instant now) {
        MeasuredBy m = eq.measuredBy();
        Instant t = s.time();
        Slot[] clamp = clamps.get(eq.id());
        for (int i = 0; i < m.currents().size(); i++) {
            String c = m.currents().get(i);
            Optional<Double> current = value(c);
            if (current.isEmpty()) {
                continue;
            }
            boolean voltage = m.voltages().isEmpty() || value(m.voltages().get(Math.min(i, m.voltages().size() - 1)))
                    .map(v -> v >= settings.tamper().voltagePresentAbove()).orElse(false);
            boolean works = m.contact().flatMap(this::value).map(v -> v >= 0.5).orElse(false)
                    || m.power().flatMap(this::value).map(p -> p >= eq.state().runningAbove()).orElse(false)
                    || m.currents().stream().filter(o -> !o.equals(c)).flatMap(o -> value(o).stream())
                    .anyMatch(o -> o >= settings.tamper().clampCurrentBelow());
            boolean removed = current.get() < settings.tamper().clampCurrentBelow() && voltage && works;
            latch(clamp[i], removed, t, now);
        }
        Slot[] phase = phases.get(eq.id());
        double present = settings.tamper().voltagePresentAbove();
        for (int i = 0; i < phase.length; i++) {
            String v = m.voltages().get(i);
            Optional<Double> u = value(v);
            if (u.isEmpty()) {
                continue;
            }
            boolean othersLive = m.voltages().stream().filter(o -> !o.equals(v)).flatMap(o -> value(o).stream())
                    .anyMatch(o -> o >= present);
            latch(phase[i], u.get() < present && othersLive, t, now);
        }
    }

    private void latch(Slot slot, boolean condition, Instant t, Instant now) {
        slot.latch().update(condition, t, slot.eq().state().minDwell())
                .ifPresent(at -> flip(slot, slot.latch().active(), at, now));
    }

    private void flip(Slot slot, boolean active, Instant at, Instant now) {
        if (active) {
            String detail = slot.kind() == TamperEvent.Kind.CLAMP_REMOVED
                    ? slot.channel() + " reads no current while the unit is powered and working"
                    : slot.channel() + " lost while the other phases are live";
            EventCore core = EventCore.open(slot.eventKey(), slot.kind().rule(), slot.eq().id(), at, Severity.ALARM, detail,
                    slot.eq().measuredBy().all());
            book.open(new TamperEvent(core, slot.kind(), slot.channel()), now);
        } else {
            book.close(slot.eventKey(), at, now);
        }
    }

    private Optional<Double> value(String channel) {
        Sample s = latest.get(channel);
        return s != null && StateTracker.usable(s) ? Optional.of(s.value()) : Optional.empty();
    }

    void boardWasDown(Instant startedAt) {
        lastGood.replaceAll((k, v) -> v.isBefore(startedAt) ? startedAt : v);
    }

    void shift(Duration delta) {
        lastGood.replaceAll((k, v) -> v.plus(delta));
    }

    Map<String, Instant> lastGood() {
        return Map.copyOf(lastGood);
    }

    /** The latches worth saving: active or pending (an idle one restores as a new one would start). */
    Map<String, MonitorSnapshot.LatchState> latches() {
        Map<String, MonitorSnapshot.LatchState> m = new HashMap<>();
        byKey.forEach((k, slot) -> {
            if (!slot.latch().idle()) {
                m.put(k, slot.latch().snapshot());
            }
        });
        return m;
    }

    List<Sample> latestSamples() {
        return List.copyOf(latest.values());
    }

    /** Saved state of units, phases and channels no longer configured is ignored. */
    void restore(Map<String, Instant> good, Map<String, MonitorSnapshot.LatchState> l, List<Sample> samples) {
        good.forEach((unit, t) -> lastGood.computeIfPresent(unit, (k, v) -> t));
        l.forEach((k, v) -> {
            Slot slot = byKey.get(k);
            if (slot == null) {
                Logger.info("tamper latch {} in the saved state is no longer configured; ignored", k);
            } else {
                slot.latch().restore(v);
            }
        });
        samples.forEach(s -> latest.put(s.channel(), s));
    }
}
