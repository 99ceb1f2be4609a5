package dev.lantian.agent.acquire;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns what a device said into one sample per configured channel. A channel whose device was
 * silent, or whose field was missing from the answer, still gets a sample — without a value and
 * flagged — so the measurement stage counts the gap instead of never hearing of it.
 */
public final class ChannelRouter {
    private final Map<String, List<ChannelSource>> byDevice = new HashMap<>();
    private final AtomicLong missingFields = new AtomicLong();

    public ChannelRouter(List<ChannelSource> sources) {
        for (ChannelSource s : sources) {
            byDevice.computeIfAbsent(s.device(), d -> new ArrayList<>()).add(s);
        }
    }

    /** The samples for every channel fed by {@code set.device()}, in configuration order. */
    public List<Sample> route(ReadingSet set) {
        List<ChannelSource> sources = byDevice.getOrDefault(set.device(), List.of());
        List<Sample> samples = new ArrayList<>(sources.size());
        for (ChannelSource source : sources) {
            samples.add(sampleOf(source, set));
        }
        return samples;
    }

    private Sample sampleOf(ChannelSource source, ReadingSet set) {
        Reading reading = set.field(source.field()).orElse(null);
        if (reading == null) {
            if (!set.readings().isEmpty()) {
                missingFields.incrementAndGet();
            }
            QualityFlag flag = set.flag().isNormal() ? QualityFlag.B : set.flag();
            return new Sample(source.channel(), set.time(), Double.NaN, flag);
        }
        QualityFlag flag = reading.flag().isNormal() ? set.flag() : reading.flag();
        if (Double.isNaN(reading.value()) && flag.isNormal()) {
            flag = QualityFlag.B;
        }
        return new Sample(source.channel(), set.time(), reading.value(), flag);
    }

    /** Answers that lacked a configured field: a register map and a configuration that disagree. */
    public long missingFields() {
        return missingFields.get();
    }
}
