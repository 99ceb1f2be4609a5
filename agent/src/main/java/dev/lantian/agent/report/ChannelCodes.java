package dev.lantian.agent.report;

import dev.lantian.agent.config.Channel;
import dev.lantian.agent.config.SiteConfig;
import java.util.HashMap;
import java.util.Map;

/** A channel's HJ 212 pollutant code (null when not configured) and unit, as the reports carry them. */
public record ChannelCodes(Map<String, Code> byChannel) {

    public record Code(String hj212, String unit) {
    }

    public ChannelCodes {
        byChannel = Map.copyOf(byChannel);
    }

    public static ChannelCodes of(SiteConfig config) {
        Map<String, Code> codes = new HashMap<>();
        for (Channel c : config.channels()) {
            codes.put(c.id(), new Code(c.hj212Code().orElse(null), c.unit()));
        }
        return new ChannelCodes(codes);
    }

    Code of(String channel) {
        return byChannel.getOrDefault(channel, new Code(null, null));
    }
}
