package dev.lantian.agent.assembly;

import java.time.Duration;
import java.util.Objects;

/**
 * @param flushLag  how far behind the tick's time the stages are judged: a sample may reach the pipeline
 *                  this long after it was acquired (a slow poll, retries) and still count in its period
 * @param heartbeat how often the agent reports its own STATUS "heartbeat"
 * @param stateSave how often the equipment monitor's snapshot is saved; its time is the "last seen alive"
 *                  a restart measures a power loss from, so keep it well below the 2 min power-loss threshold
 */
public record PipelineSettings(Duration flushLag, Duration heartbeat, Duration stateSave) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FLUSH_LAG = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATE_SAVE = Duration.ofMinutes(1);

    public PipelineSettings {
        Objects.requireNonNull(flushLag, "flushLag");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(stateSave, "stateSave");
        if (flushLag.isNegative()) {
            throw new IllegalArgumentException("flush lag must not be negative: " + flushLag);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive: " + heartbeat);
        }
        if (stateSave.isNegative() || stateSave.isZero()) {
            throw new IllegalArgumentException("state save interval must be positive: " + stateSave);
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(DEFAULT_FLUSH_LAG, DEFAULT_HEARTBEAT, DEFAULT_STATE_SAVE);
    }

    public PipelineSettings withFlushLag(Duration lag) {
        return new PipelineSettings(lag, heartbeat, stateSave);
    }

    public PipelineSettings withHeartbeat(Duration every) {
        return new PipelineSettings(flushLag, every, stateSave);
    }
}
