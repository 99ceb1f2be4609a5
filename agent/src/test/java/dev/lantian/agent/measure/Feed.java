package dev.lantian.agent.measure;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a stage fed on virtual time, collecting everything it emits. */
final class Feed {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final MeasurementStage stage;
    final List<MeasureOutput> out = new ArrayList<>();

    Feed(MeasureSettings settings) {
        this(new MeasurementStage(settings));
    }

    Feed(MeasurementStage stage) {
        this.stage = stage;
    }

    static MeasureSettings site(int minuteInterval, ChannelSettings... channels) {
        return MeasureSettings.of(SHANGHAI, Duration.ofMinutes(minuteInterval), Duration.ofSeconds(60), List.of(channels));
    }

    static ChannelSettings pm(String id, Duration period) {
        return ChannelSettings.of(id, "pm10", "ug/m3", period);
    }

    static Instant at(String localShanghai) {
        return java.time.LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    Feed sample(String channel, Instant t, double v) {
        out.addAll(stage.accept(Sample.normal(channel, t, v)));
        return this;
    }

    Feed sample(String channel, Instant t, double v, QualityFlag flag) {
        out.addAll(stage.accept(new Sample(channel, t, v, flag)));
        return this;
    }

    /** Samples every {@code step} from {@code from} (inclusive) to {@code to} (exclusive), value from the index. */
    Feed run(String channel, Instant from, Instant to, Duration step, java.util.function.LongToDoubleFunction value) {
        long i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step), i++) {
            sample(channel, t, value.applyAsDouble(i));
        }
        return this;
    }

    Feed flush(Instant t) {
        out.addAll(stage.flush(t));
        return this;
    }

    List<Aggregate> aggregates(Period period) {
        return out.stream().filter(o -> o instanceof Aggregate a && a.period() == period).map(o -> (Aggregate) o).toList();
    }

    Aggregate aggregate(Period period, Instant start) {
        return aggregates(period).stream().filter(a -> a.start().equals(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + period + " aggregate starting " + start + " in " + aggregates(period)));
    }

    Aggregate aggregate(String channel, Period period, Instant start) {
        return aggregates(period).stream().filter(a -> a.channel().equals(channel) && a.start().equals(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " " + period + " aggregate starting " + start));
    }

    <T extends MeasureOutput> List<T> of(Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
