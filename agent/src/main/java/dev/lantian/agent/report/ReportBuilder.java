package dev.lantian.agent.report;

import dev.lantian.agent.equipment.EquipmentEvent;
import dev.lantian.agent.equipment.EventNotice;
import dev.lantian.agent.equipment.StateChange;
import dev.lantian.agent.measure.Aggregate;
import dev.lantian.agent.measure.Alarm;
import dev.lantian.agent.measure.MeasureOutput;
import dev.lantian.agent.measure.Note;
import dev.lantian.agent.measure.Period;
import dev.lantian.agent.measure.RealtimeValue;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportEvent;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns what the measurement and equipment stages hand on into report drafts. Pure: no IO, no clock;
 * time comes only from the values it is given. Not thread-safe (the pipeline serialises).
 *
 * <p>When a period is complete. The measurement stage closes a channel's period when a later sample of
 * that channel arrives, and closes every channel's periods ending at or before {@code until} when it is
 * flushed. So after the pipeline flushed the stage to {@code until}, every channel's aggregate of a
 * period ending at or before {@code until} has been handed here: {@link #complete(Instant)} with the
 * same instant emits ONE report per (kind, period) with all channels' values, and one REALTIME report
 * per real-time tick at or before it. Aggregates are held until then. A value that arrives for a
 * period already reported (only after a backward clock step) goes out in a further report of that
 * period at the next {@link #complete}, never dropped.
 *
 * <p>{@code acquiredAt} is the acquisition time of the newest sample that contributed (the builder
 * sees every sample through {@link #sampleSeen}); for a period in which no channel read anything it
 * is the period's end; for a real-time report without values the tick; for a raised limit alarm the
 * sample that raised it, for a cleared one the sample that cleared it; for equipment events the event's
 * start (opened) or end (closed), both sample times; for a state change the moment the new state began.
 * Never the send time.
 */
public final class ReportBuilder {
    private final String device;
    private final ChannelCodes codes;
    private final ClockQualitySource clock;
    private final NewestSamples newest;
    private final TreeMap<Key, List<Aggregate>> periods = new TreeMap<>();
    private final TreeMap<Instant, List<RealtimeValue>> ticks = new TreeMap<>();
    private final Map<String, Instant> latest = new HashMap<>();

    private record Key(Instant end, Period period, Instant start) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::end).thenComparing(Key::period)
                .thenComparing(Key::start);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    public ReportBuilder(String device, ChannelCodes codes, ZoneId zone, Duration minuteInterval, ClockQualitySource clock) {
        this.device = Objects.requireNonNull(device, "device");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.newest = new NewestSamples(zone, minuteInterval);
    }

    /** A builder for the board of {@code config}: its device id (HJ 212 MN), zone, minute interval and channel codes. */
    public static ReportBuilder forSite(dev.lantian.agent.config.SiteConfig config, ClockQualitySource clock) {
        return new ReportBuilder(config.site().deviceId(), ChannelCodes.of(config), config.site().timeZone(),
                config.reporting().minuteInterval(), clock);
    }

    /** Every sample, before the stage's outputs for it: remembers acquisition times. */
    public void sampleSeen(Sample sample) {
        newest.seen(sample);
        if (sample.hasValue()) {
            latest.merge(sample.channel(), sample.time(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The measurement stage's outputs: alarms become reports at once, statistics wait for {@link #complete}. */
    public List<ReportDraft> measured(List<MeasureOutput> outputs) {
        List<ReportDraft> drafts = new ArrayList<>();
        for (MeasureOutput o : outputs) {
            if (o instanceof Aggregate a) {
                periods.computeIfAbsent(new Key(a.end(), a.period(), a.start()), k -> new ArrayList<>()).add(a);
            } else if (o instanceof RealtimeValue r) {
                ticks.computeIfAbsent(r.tick(), k -> new ArrayList<>()).add(r);
            } else if (o instanceof Alarm a) {
                drafts.add(alarm(a));
            }
        }
        return drafts;
    }

    /** Reports of every period ending, and every real-time tick, at or before {@code until}, oldest first. */
    public List<ReportDraft> complete(Instant until) {
        List<ReportDraft> drafts = new ArrayList<>();
        while (!ticks.isEmpty() && !ticks.firstKey().isAfter(until)) {
            var e = ticks.pollFirstEntry();
            drafts.add(realtime(e.getKey(), e.getValue()));
        }
        while (!periods.isEmpty() && !periods.firstKey().end().isAfter(until)) {
            var e = periods.pollFirstEntry();
            drafts.add(period(e.getKey(), e.getValue()));
        }
        return drafts;
    }

    /** An equipment event opened or closed; evidence completion is not reported (the contract has no place for it). */
    public List<ReportDraft> equipment(EventNotice notice) {
        EquipmentEvent e = notice.event();
        Instant at = switch (notice.kind()) {
            case OPENED -> e.start();
            case CLOSED -> e.end().orElse(e.start());
            case EVIDENCE_COMPLETE -> null;
        };
        if (at == null) {
            return List.of();
        }
        ReportEvent event = new ReportEvent(e.id(), e.rule(), e.equipment(), severity(e), e.start(),
                notice.kind() == EventNotice.Kind.CLOSED ? e.end().orElse(null) : null, e.detail());
        return List.of(new ReportDraft(device, ReportKind.EVENT, null, null, at, clock.over(at, at), List.of(), event));
    }

    /** A unit's settled state change: a STATUS report with rule "state". */
    public ReportDraft stateChange(StateChange c) {
        ReportEvent event = new ReportEvent(c.equipment() + "@" + c.time(), "state", c.equipment(), "info", c.time(),
                c.time(), c.from() + " -> " + c.to());
        return new ReportDraft(device, ReportKind.STATUS, null, null, c.time(), clock.over(c.time(), c.time()),
                List.of(), event);
    }

    /** The agent's heartbeat: a STATUS report with rule "heartbeat" carrying counters as values. */
    public ReportDraft heartbeat(Instant at, List<ReportValue> counters, String detail) {
        ReportEvent event = new ReportEvent("heartbeat@" + at, "heartbeat", "agent", "info", at, at, detail);
        return new ReportDraft(device, ReportKind.STATUS, null, null, at, clock.over(at, at), counters, event);
    }

    private ReportDraft alarm(Alarm a) {
        // raised: the sample that kept the value above the limit for its minimum duration; cleared: the one below
        Instant at = a.state() == Alarm.State.RAISED ? latest.getOrDefault(a.channel(), a.start()) : a.end();
        ChannelCodes.Code code = codes.of(a.channel());
        String detail = String.format(Locale.ROOT, "%s %s %s: above %.3f, peak %.3f", a.limitId(), a.channel(),
                a.state() == Alarm.State.RAISED ? "raised" : "cleared", a.threshold(), a.peak());
        ReportEvent event = new ReportEvent(a.limitId() + "@" + a.start(), "limit", a.channel(),
                "alarm".equals(a.severity()) ? "critical" : a.severity(), a.start(), a.end(), detail);
        ReportValue peak = ReportValue.realtime(a.channel(), code.hj212(), code.unit(), a.peak(), QualityFlag.N);
        return new ReportDraft(device, ReportKind.ALARM, null, null, at, clock.over(at, at), List.of(peak), event);
    }

    private ReportDraft realtime(Instant tick, List<RealtimeValue> values) {
        Instant acquired = null;
        List<ReportValue> out = new ArrayList<>();
        for (RealtimeValue r : values) {
            ChannelCodes.Code code = codes.of(r.channel());
            out.add(ReportValue.realtime(r.channel(), code.hj212(), code.unit(), r.value(), r.flag()));
            if (r.sampleTime() != null && (acquired == null || r.sampleTime().isAfter(acquired))) {
                acquired = r.sampleTime();
            }
        }
        Instant at = acquired == null ? tick : acquired;
        return new ReportDraft(device, ReportKind.REALTIME, null, null, at, clock.over(at, at), out, null);
    }

    private ReportDraft period(Key key, List<Aggregate> aggregates) {
        Instant acquired = null;
        boolean stepped = false;
        List<ReportValue> out = new ArrayList<>();
        for (Aggregate a : aggregates) {
            ChannelCodes.Code code = codes.of(a.channel());
            out.add(new ReportValue(a.channel(), code.hj212(), code.unit(), Double.NaN, a.avg(), a.min(), a.max(),
                    a.increase(), a.count(), a.flag(), a.valid()));
            stepped |= a.notes().contains(Note.CLOCK_STEP);
            if (a.count() > 0) {
                Instant t = newest.newest(a.channel(), a.period(), a.start()).orElse(null);
                if (t != null && t.isBefore(a.end()) && (acquired == null || t.isAfter(acquired))) {
                    acquired = t;
                }
            }
        }
        ClockQuality quality = stepped ? ClockQuality.STEPPED : clock.over(key.start(), key.end());
        ReportKind kind = switch (key.period()) {
            case MINUTE -> ReportKind.MINUTE;
            case HOUR -> ReportKind.HOUR;
            case DAY -> ReportKind.DAY;
        };
        return new ReportDraft(device, kind, key.start(), key.end(), acquired == null ? key.end() : acquired, quality,
                out, null);
    }

    private static String severity(EquipmentEvent e) {
        return switch (e.severity()) {
            case INFO -> "info";
            case WARNING -> "warning";
            case ALARM -> "violation";
        };
    }
}
