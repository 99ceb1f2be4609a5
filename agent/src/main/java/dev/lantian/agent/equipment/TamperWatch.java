package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 */
final class TamperWatch {
    private final MonitorSettings settings;
    private final EventBook book;
    private final Map<String, Sample> latest = new HashMap<>();
    private final Map<String, Instant> lastGood = new HashMap<>();
    private final Map<String, Latch> latches = new HashMap<>();

    TamperWatch(MonitorSettings settings, EventBook book, Instant start) {
        this.settings = settings;
        this.book = book;
        settings.equipment().forEach(e -> lastGood.put(e.id(), start));
    }

    void onSample(EquipmentSettings eq, Sample s, Instant now) {
        latest.put(s.channel(), s);
        meterLost(eq, s.time(), now);
        if (s.hasValue() && s.flag() != QualityFlag.B) {
            Instant previous = lastGood.get(eq.id());
            if (previous == null || s.time().isAfter(previous)) {
                lastGood.put(eq.id(), s.time());
            }
            book.close(meterKey(eq), s.time(), now);
        }
        judge(eq, s, now);
    }

    void tick(Instant now) {
        for (EquipmentSettings eq : settings.equipment()) {
            meterLost(eq, now, now);
            for (Map.Entry<String, Latch> en : latches.entrySet()) {
                if (en.getKey().startsWith(eq.id() + "|")) {
                    String[] parts = en.getKey().split("\\|");
                    en.getValue().recheck(now, eq.state().minDwell())
                            .ifPresent(at -> flip(eq, TamperEvent.Kind.valueOf(parts[1]), parts[2], en.getValue().active(), at, now));
                }
            }
        }
    }

    private void meterLost(EquipmentSettings eq, Instant t, Instant now) {
        Instant lost = lastGood.get(eq.id()).plus(settings.tamper().meterLostAfter());
        if (!t.isBefore(lost)) {
            EventCore core = EventCore.open(meterKey(eq), TamperEvent.Kind.METER_LOST.rule(), eq.id(), lost, Severity.ALARM,
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
            latch(eq, TamperEvent.Kind.CLAMP_REMOVED, c, removed, t, now);
        }
        if (m.voltages().size() >= 2) {
            double present = settings.tamper().voltagePresentAbove();
            for (String v : m.voltages()) {
                Optional<Double> u = value(v);
                if (u.isEmpty()) {
                    continue;
                }
                boolean othersLive = m.voltages().stream().filter(o -> !o.equals(v)).flatMap(o -> value(o).stream())
                        .anyMatch(o -> o >= present);
                latch(eq, TamperEvent.Kind.PHASE_LOSS, v, u.get() < present && othersLive, t, now);
            }
        }
    }

    private void latch(EquipmentSettings eq, TamperEvent.Kind kind, String channel, boolean condition, Instant t, Instant now) {
        Latch l = latches.computeIfAbsent(eq.id() + "|" + kind.name() + "|" + channel, k -> new Latch());
        l.update(condition, t, eq.state().minDwell()).ifPresent(at -> flip(eq, kind, channel, l.active(), at, now));
    }

    private void flip(EquipmentSettings eq, TamperEvent.Kind kind, String channel, boolean active, Instant at, Instant now) {
        String key = kind.rule() + ":" + eq.id() + ":" + channel;
        if (active) {
            String detail = kind == TamperEvent.Kind.CLAMP_REMOVED
                    ? channel + " reads no current while the unit is powered and working"
                    : channel + " lost while the other phases are live";
            EventCore core = EventCore.open(key, kind.rule(), eq.id(), at, Severity.ALARM, detail, eq.measuredBy().all());
            book.open(new TamperEvent(core, kind, channel), now);
        } else {
            book.close(key, at, now);
        }
    }

    private Optional<Double> value(String channel) {
        Sample s = latest.get(channel);
        return s != null && StateTracker.usable(s) ? Optional.of(s.value()) : Optional.empty();
    }

    private static String meterKey(EquipmentSettings eq) {
        return TamperEvent.Kind.METER_LOST.rule() + ":" + eq.id() + ":meter";
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

    Map<String, MonitorSnapshot.LatchState> latches() {
        Map<String, MonitorSnapshot.LatchState> m = new HashMap<>();
        latches.forEach((k, v) -> m.put(k, v.snapshot()));
        return m;
    }

    List<Sample> latestSamples() {
        return List.copyOf(latest.values());
    }

    void restore(Map<String, Instant> good, Map<String, MonitorSnapshot.LatchState> l, List<Sample> samples) {
        lastGood.putAll(good);
        l.forEach((k, v) -> latches.put(k, Latch.restore(v)));
        samples.forEach(s -> latest.put(s.channel(), s));
    }
}
