package dev.lantian.agent.acquire;

import java.util.Objects;

/** Where a configured channel takes its values from: one field of one device. */
public record ChannelSource(String channel, String device, String field) {
    public ChannelSource {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(field, "field");
    }
}
