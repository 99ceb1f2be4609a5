package dev.lantian.agent.uplink;

import java.time.Instant;
import java.util.Optional;

/** An uplink's current view, for the console and the heartbeat. */
public record UplinkView(String target, boolean connected, long pending, long published, long acknowledged,
                         long reconnects, Optional<Instant> lastAcknowledgedAt, Optional<String> lastError) {
}
