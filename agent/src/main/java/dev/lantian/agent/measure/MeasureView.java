package dev.lantian.agent.measure;

import java.time.Instant;
import java.util.List;

/** Console snapshot of the whole stage at {@code at}. */
public record MeasureView(Instant at, List<ChannelView> channels, long unknownChannelSamples) {
    public MeasureView {
        channels = List.copyOf(channels);
    }
}
