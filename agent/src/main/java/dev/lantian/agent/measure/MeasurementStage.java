package dev.lantian.agent.measure;

import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * The one entry point the live agent and the replay share: samples in, {@link MeasureOutput}s out.
 *
 * <p>Periods close when a later sample of the same channel arrives or when {@link #flush} is called;
 * the live agent flushes every second or so with a time that lags "now" by the acquisition latency,
 * so a silent channel's periods still close (empty: flag B, invalid).
 *
 * <p>Clock steps. With a monotonic source (e.g. {@code System::nanoTime}) every sample's wall time is
 * compared with the wall time the monotonic clock predicts; a disagreement beyond
 * {@link MeasureSettings#clockStepTolerance()} is a step. Without one, a sample older than its
 * channel's newest by more than the tolerance is a backward step (a forward step then looks like a gap).
 * {@link #clockStepped} records a step the board learnt of directly (NTP, bureau CN=1012). Every period
 * the step touches is flagged D with {@link Note#CLOCK_STEP}. After a backward step the samples whose
 * periods were already reported are {@link Rejected.Reason#LATE} (kept, never counted twice); after a
 * forward step the skipped periods close empty. So no period is counted twice or lost.
 *
 * <p>Thread-safe by serialisation: the acquisition thread calls {@link #accept}, the console
 * {@link #currentView}. {@link #accept} allocates nothing for a sample that produces no output.
 */
public final class MeasurementStage {
    private static final long FORGET_STEPS_AFTER = Duration.ofDays(3).toNanos();

    private final MeasureSettings settings;
    private final LongSupplier monotonicNanos;
    private final long tolerance;
    private final ClockSteps steps = new ClockSteps();
    private final Map<String, ChannelState> channels = new LinkedHashMap<>();
    private final ArrayList<MeasureOutput> buffer = new ArrayList<>();
    private long lastWall = Long.MIN_VALUE;
    private long lastMono;
    private long latestSeen = Long.MIN_VALUE;
    private long unknownChannelSamples;

    /** A stage that detects only backward clock steps (replay). */
    public MeasurementStage(MeasureSettings settings) {
        this(settings, null);
    }

    /**
     * @param monotonicNanos a clock that never steps (e.g. {@code System::nanoTime}); null to detect only
     *                       backward steps from the sample times
     */
    public MeasurementStage(MeasureSettings settings, LongSupplier monotonicNanos) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.monotonicNanos = monotonicNanos;
        this.tolerance = settings.clockStepTolerance().toNanos();
        IaqiTable iaqi = IaqiTable.hj633();
        for (ChannelSettings c : settings.channels()) {
            channels.put(c.id(), new ChannelState(c, settings, steps, iaqi));
        }
        for (ChannelState c : channels.values()) {
            if (c.settings.fog() != null) {
                c.useHumidity(channels.get(c.settings.fog().humidityChannel()));
            }
        }
    }

    public MeasureSettings settings() {
        return settings;
    }

    /** Processes one sample; returns what it produced (often nothing). */
    public synchronized List<MeasureOutput> accept(Sample sample) {
        ChannelState channel = channels.get(sample.channel());
        if (channel == null) {
            unknownChannelSamples++;
            return List.of(new Rejected(sample, Rejected.Reason.UNKNOWN_CHANNEL, "no channel " + sample.channel() + " in the settings"));
        }
        long t = Times.toNanos(sample.time());
        detectStep(channel, t);
        channel.accept(sample, t, buffer);
        latestSeen = Math.max(latestSeen, t);
        return drain();
    }

    /** Closes every period of every channel that ends at or before {@code until}, and emits due real-time ticks. */
    public synchronized List<MeasureOutput> flush(Instant until) {
        long t = Times.toNanos(until);
        for (ChannelState c : channels.values()) {
            c.flush(t, buffer);
        }
        steps.forgetBefore(t - FORGET_STEPS_AFTER);
        return drain();
    }

    /** The board's clock was stepped from {@code before} to {@code after} (both wall-clock readings of the same moment). */
    public synchronized void clockStepped(Instant before, Instant after) {
        long from = Times.toNanos(before);
        long to = Times.toNanos(after);
        Logger.warn("clock stepped by {} at {}", Duration.ofNanos(to - from), after);
        steps.record(from, to);
        if (to < from) {
            channels.values().forEach(ChannelState::steppedBack);
        }
        if (lastWall != Long.MIN_VALUE) {
            lastWall += to - from;
        }
    }

    /** The sensor of {@code channel} was powered on at {@code at}: its samples within the channel's warm-up are rejected. */
    public synchronized void sensorStarted(String channel, Instant at) {
        ChannelState c = channels.get(channel);
        if (c == null) {
            throw new IllegalArgumentException("no channel " + channel);
        }
        c.sensorStarted(Times.toNanos(at));
    }

    /** A snapshot for the console; windows are shown as of {@code now} (or the newest sample if later). */
    public synchronized MeasureView currentView(Instant now) {
        long t = Times.toNanos(now);
        List<ChannelView> views = new ArrayList<>();
        for (ChannelState c : channels.values()) {
            views.add(c.view(t));
        }
        return new MeasureView(now, views, unknownChannelSamples);
    }

    private void detectStep(ChannelState channel, long t) {
        if (monotonicNanos != null) {
            long mono = monotonicNanos.getAsLong();
            if (lastWall != Long.MIN_VALUE) {
                long expected = lastWall + (mono - lastMono);
                if (Math.abs(t - expected) > tolerance) {
                    Logger.warn("clock step of {} detected at {}", Duration.ofNanos(t - expected), Times.toInstant(t));
                    steps.record(expected, t);
                    if (t < expected) {
                        channels.values().forEach(ChannelState::steppedBack);
                    }
                }
            }
            lastWall = t;
            lastMono = mono;
        } else if (channel.lastSampleTime != Long.MIN_VALUE && t < channel.lastSampleTime - tolerance) {
            Logger.warn("clock stepped back by {} on {}", Duration.ofNanos(channel.lastSampleTime - t), channel.settings.id());
            steps.record(t, channel.lastSampleTime);
            channels.values().forEach(ChannelState::steppedBack);
        }
    }

    private List<MeasureOutput> drain() {
        if (buffer.isEmpty()) {
            return List.of();
        }
        List<MeasureOutput> result = List.copyOf(buffer);
        buffer.clear();
        return result;
    }
}
