package dev.lantian.agent.assembly;

import java.time.Duration;
import java.util.Objects;

/**
 * @param flushLag  how far behind the tick's time the stages are judged: a sample may reach the pipeline
 *                  this long after it was acquired (a slow poll, retries) and still count in its period
 * @param heartbeat how often the agent reports its own STATUS "heartbeat"
 * @param stateSave how often the equipment monitor's snapshot (a few kB: no raw samples) is saved
 * @param aliveMark how often the board marks itself alive (a few bytes): a restart measures a power loss
 *                  from the last mark, so keep it well below the 2 min power-loss threshold
 */
public record PipelineSettings(Duration flushLag, Duration heartbeat, Duration stateSave, Duration aliveMark) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FLUSH_LAG = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATE_SAVE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_ALIVE_MARK = Duration.ofSeconds(30);

    public PipelineSettings {
        Objects.requireNonNull(flushLag, "flushLag");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(stateSave, "stateSave");
        Objects.requireNonNull(aliveMark, "aliveMark");
        if (flushLag.isNegative()) {
            throw new IllegalArgumentException("flush lag must not be negative: " + flushLag);
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive: " + heartbeat);
        }
        if (stateSave.isNegative() || stateSave.isZero() || aliveMark.isNegative() || aliveMark.isZero()) {
            throw new IllegalArgumentException("state save and alive mark intervals must be positive: " + stateSave
                    + ", " + aliveMark);
        }
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(DEFAULT_FLUSH_LAG, DEFAULT_HEARTBEAT, DEFAULT_STATE_SAVE, DEFAULT_ALIVE_MARK);
    }

    public PipelineSettings withFlushLag(Duration lag) {
        return new PipelineSettings(lag, heartbeat, stateSave, aliveMark);
    }

    public PipelineSettings withHeartbeat(Duration every) {
        return new PipelineSettings(flushLag, every, stateSave, aliveMark);
    }
}
