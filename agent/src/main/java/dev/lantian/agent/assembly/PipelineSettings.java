package dev.lantian.agent.assembly;

import java.time.Duration;
import java.util.Objects;

/**
 * @param flushLag  how far behind the tick's time the stages are judged: a sample may reach the pipeline
 *                  this long after it was acquired (a slow poll, retries) and still count in its period
 * @param heartbeat how often the agent reports its own STATUS "heartbeat"
 */
public record PipelineSettings(Duration flushLag, Duration heartbeat) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FLUSH_LAG = Duration.ofSeconds(10);

    public PipelineSettings {
        Objects.requireNonNull(flushLag, "flushLag");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (flushLag.isNegative()) {
            throw new IllegalArgumentException("flush lag must not be negative: " + flushLag);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive: " + heartbeat);
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(DEFAULT_FLUSH_LAG, DEFAULT_HEARTBEAT);
    }

    public PipelineSettings withFlushLag(Duration lag) {
        return new PipelineSettings(lag, heartbeat);
    }

    public PipelineSettings withHeartbeat(Duration every) {
        return new PipelineSettings(flushLag, every);
    }
}
