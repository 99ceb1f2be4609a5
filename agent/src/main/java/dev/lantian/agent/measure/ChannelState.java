package dev.lantian.agent.measure;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The per-sample pipeline of one channel: periods, warm-up, calibration, range and fog flags, spike
 * rejection, counter increases, sliding windows, limits and real-time ticks. Single-threaded; the
 * stage serialises access.
 */
final class ChannelState {
    private static final long DAY = Duration.ofDays(1).toNanos();

    final ChannelSettings settings;
    private final PeriodRoller periods;
    private final CalibrationCursor calibration;
    private final HampelFilter hampel;
    private final long hampelGap;
    private final CounterTracker counter;
    private final SlidingWindow[] windows;
    private final LimitTracker[] limits;
    private final ZoneId zone;
    private final long realtime;
    private final IaqiTable iaqi;
    private final long[] rejected = new long[Rejected.Reason.values().length];
    private ChannelState humidity;
    private long humidityFreshFor;

    private long warmupUntil = Long.MIN_VALUE;
    private long nextTick = Long.MIN_VALUE;
    long lastSampleTime = Long.MIN_VALUE;
    /** After a backward clock step: samples before this time repeat a stretch already measured. */
    private long replayedUntil = Long.MIN_VALUE;
    private long latestTime = Long.MIN_VALUE;
    private double latestValue = Double.NaN;
    private QualityFlag latestFlag = QualityFlag.B;

    ChannelState(ChannelSettings settings, MeasureSettings site, ClockSteps steps, IaqiTable iaqi) {
        this.settings = settings;
        this.periods = new PeriodRoller(settings, site, steps);
        this.calibration = new CalibrationCursor(settings.calibration());
        this.hampel = settings.spike() == null ? null : new HampelFilter(settings.spike());
        // a window's worth of sampling periods (at least a minute) without data makes the window stale
        this.hampelGap = settings.spike() == null ? 0
                : Math.max(settings.spike().window() * settings.samplingPeriod().toNanos(), Times.NANOS_PER_MINUTE);
        this.counter = settings.cumulative() ? new CounterTracker(settings.rollover()) : null;
        this.windows = settings.windows().stream().map(w -> new SlidingWindow(w.toNanos())).toArray(SlidingWindow[]::new);
        long period = settings.samplingPeriod().toNanos();
        this.limits = settings.limits().stream().map(l -> new LimitTracker(settings.id(), l, period)).toArray(LimitTracker[]::new);
        this.zone = site.zone();
        this.realtime = site.realtimeInterval().toNanos();
        this.iaqi = iaqi.covers(settings.quantity()) ? iaqi : null;
    }

    /** Wires the humidity channel a fog check reads (after every channel exists). */
    void useHumidity(ChannelState channel) {
        this.humidity = channel;
        // A humidity older than three of its periods (at least a minute) no longer describes the air.
        this.humidityFreshFor = Math.max(3 * channel.settings.samplingPeriod().toNanos(), Times.NANOS_PER_MINUTE);
    }

    /** The clock stepped back: until time passes the newest sample again, samples would measure a stretch twice. */
    void steppedBack() {
        replayedUntil = Math.max(replayedUntil, lastSampleTime);
    }

    void sensorStarted(long at) {
        warmupUntil = at + settings.warmup().toNanos();
    }

    void accept(Sample s, long t, List<MeasureOutput> out) {
        if (!periods.started()) {
            periods.start(t);
            nextTick = tickAtOrBefore(t) + realtime;
        } else if (periods.isLate(t)) {
            reject(s, Rejected.Reason.LATE, "its minute " + Times.toInstant(t).truncatedTo(ChronoUnit.MINUTES) + " was already reported", out);
            return;
        } else if (t <= replayedUntil) {
            reject(s, Rejected.Reason.LATE, "the clock stepped back; time up to " + Times.toInstant(replayedUntil) + " was already measured", out);
            return;
        } else {
            periods.rollTo(t, out);
        }
        if (t >= nextTick) {
            emitTick(t, out);
        }
        if (hampel != null && lastSampleTime != Long.MIN_VALUE && t - lastSampleTime > hampelGap) {
            hampel.reset();
        }
        lastSampleTime = Math.max(lastSampleTime, t);
        if (t < warmupUntil) {
            periods.minute.tally.add(Rejected.Reason.WARM_UP.tallyFlag());
            reject(s, Rejected.Reason.WARM_UP, "warm-up until " + Times.toInstant(warmupUntil), out);
            return;
        }
        QualityFlag flag = s.flag();
        double v = s.value();
        if (!Double.isNaN(v)) {
            v = calibration.apply(t, v);
            if (flag.isNormal()) {
                flag = checkRangeAndFog(s, t, v, out);
            }
            if (flag.isNormal() && hampel != null && hampel.isSpike(v)) {
                periods.minute.tally.add(Rejected.Reason.SPIKE.tallyFlag());
                reject(s, Rejected.Reason.SPIKE, "value " + v, out);
                return;
            }
            if (counter != null && flag.isNormal()) {
                creditCounter(s, v, out);
            }
        }
        periods.minute.add(v, flag);
        if (!Double.isNaN(v)) {
            latestTime = t;
            latestValue = v;
            latestFlag = flag;
            if (flag.isNormal()) {
                for (SlidingWindow w : windows) {
                    w.add(t, v);
                }
                for (LimitTracker l : limits) {
                    Alarm a = l.onValue(t, v);
                    if (a != null) {
                        out.add(a);
                    }
                }
            }
        }
    }

    void flush(long t, List<MeasureOutput> out) {
        if (!periods.started()) {
            return;
        }
        if (!periods.isLate(t)) {
            periods.rollTo(t, out);
        }
        if (t >= nextTick) {
            emitTick(t, out);
        }
    }

    private QualityFlag checkRangeAndFog(Sample s, long t, double v, List<MeasureOutput> out) {
        ChannelSettings.ValidRange range = settings.validRange();
        if (range != null && v < range.min()) {
            out.add(new Flagged(s, QualityFlag.D, v, Flagged.Cause.BELOW_RANGE));
            return QualityFlag.D;
        }
        if (range != null && v > range.max()) {
            out.add(new Flagged(s, QualityFlag.T, v, Flagged.Cause.ABOVE_RANGE));
            return QualityFlag.T;
        }
        if (humidity != null && humidity.latestFlag.isNormal() && humidity.latestTime != Long.MIN_VALUE
                && Math.abs(t - humidity.latestTime) <= humidityFreshFor && humidity.latestValue > settings.fog().above()) {
            out.add(new Flagged(s, QualityFlag.D, v, Flagged.Cause.FOG));
            return QualityFlag.D;
        }
        return QualityFlag.N;
    }

    private void creditCounter(Sample s, double v, List<MeasureOutput> out) {
        double credited = counter.credit(v);
        periods.minute.increase += credited;
        CounterEvent.Kind kind = counter.lastKind();
        if (kind != null) {
            periods.minute.notes |= kind.note().bit();
            out.add(new CounterEvent(s.channel(), s.time(), kind, counter.eventPrevious(), v, credited));
        }
    }

    private void reject(Sample s, Rejected.Reason reason, String detail, List<MeasureOutput> out) {
        rejected[reason.ordinal()]++;
        out.add(new Rejected(s, reason, detail));
    }

    /** Emits the latest tick at or before {@code t}: the real-time value and the window views. */
    private void emitTick(long t, List<MeasureOutput> out) {
        long tick = tickAtOrBefore(t);
        boolean fresh = latestTime != Long.MIN_VALUE && tick - latestTime <= realtime;
        out.add(new RealtimeValue(settings.id(), Times.toInstant(tick), fresh ? Times.toInstant(latestTime) : null,
                fresh ? latestValue : Double.NaN, fresh ? latestFlag : QualityFlag.B));
        for (int i = 0; i < windows.length; i++) {
            out.add(windowView(i, tick));
        }
        nextTick = tick + realtime;
    }

    private WindowView windowView(int i, long at) {
        SlidingWindow w = windows[i];
        w.expire(at);
        double avg = w.average();
        OptionalInt index = iaqi != null && w.spanNanos() == DAY ? iaqi.iaqi(settings.quantity(), avg) : OptionalInt.empty();
        return new WindowView(settings.id(), settings.windows().get(i), Times.toInstant(at), avg, w.min(), w.max(), w.count(), index);
    }

    /** Ticks sit at whole multiples of the real-time interval past each local hour. */
    private long tickAtOrBefore(long t) {
        long hourStart = Times.toNanos(Times.toInstant(t).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant());
        return hourStart + Math.floorDiv(t - hourStart, realtime) * realtime;
    }

    ChannelView view(long now) {
        List<WindowView> views = new ArrayList<>();
        for (int i = 0; i < windows.length; i++) {
            views.add(windowView(i, Math.max(now, lastSampleTime)));
        }
        Map<Rejected.Reason, Long> counts = new EnumMap<>(Rejected.Reason.class);
        for (Rejected.Reason r : Rejected.Reason.values()) {
            if (rejected[r.ordinal()] > 0) {
                counts.put(r, rejected[r.ordinal()]);
            }
        }
        List<Alarm> active = new ArrayList<>();
        for (LimitTracker l : limits) {
            Alarm a = l.activeAlarm();
            if (a != null) {
                active.add(a);
            }
        }
        return new ChannelView(settings.id(), latestTime == Long.MIN_VALUE ? null : Times.toInstant(latestTime),
                latestValue, latestFlag, views, counts, active);
    }
}
