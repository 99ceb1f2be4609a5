package dev.lantian.agent.store;

import dev.lantian.agent.config.SiteConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the store keeps its record.
 *
 * @param file                the SQLite database file
 * @param maxSizeMb           size cap (database pages plus write-ahead log), MiB; eviction keeps below it
 * @param maxAgeDays          acknowledged reports older than this are deleted
 * @param rawSampleDays       raw samples older than this are deleted
 * @param sampleBatch         raw samples are committed once this many wait in memory...
 * @param sampleBatchInterval ...or once the oldest waiting one has waited this long (injected clock)
 * @param maintenanceInterval how often (injected clock) appends also apply the age limits
 * @param agentDevice         the device id of the store's own alarm reports (the board's MN)
 */
public record StoreSettings(Path file, int maxSizeMb, int maxAgeDays, int rawSampleDays, int sampleBatch,
                            Duration sampleBatchInterval, Duration maintenanceInterval, String agentDevice) {
    public static final int DEFAULT_SAMPLE_BATCH = 1000;
    public static final Duration DEFAULT_SAMPLE_BATCH_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofHours(1);

    public StoreSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sampleBatchInterval, "sampleBatchInterval");
        Objects.requireNonNull(maintenanceInterval, "maintenanceInterval");
        Objects.requireNonNull(agentDevice, "agentDevice");
        if (maxSizeMb < 1 || maxAgeDays < 1 || rawSampleDays < 1 || sampleBatch < 1) {
            throw new IllegalArgumentException("store limits must be positive: max_size_mb=" + maxSizeMb
                    + " max_age_days=" + maxAgeDays + " raw_sample_days=" + rawSampleDays + " batch=" + sampleBatch);
        }
    }

    /** The configured storage with default batching; alarms carry device "agent" until {@link #withAgentDevice}. */
    public static StoreSettings from(SiteConfig.Storage storage) {
        return new StoreSettings(storage.path(), storage.maxSizeMb(), storage.maxAgeDays(), storage.rawSampleDays(),
                DEFAULT_SAMPLE_BATCH, DEFAULT_SAMPLE_BATCH_INTERVAL, DEFAULT_MAINTENANCE_INTERVAL, "agent");
    }

    /** The configured storage, alarms reported under the site's device id (MN). */
    public static StoreSettings from(SiteConfig config) {
        return from(config.storage()).withAgentDevice(config.site().deviceId());
    }

    public StoreSettings withAgentDevice(String device) {
        return new StoreSettings(file, maxSizeMb, maxAgeDays, rawSampleDays, sampleBatch, sampleBatchInterval,
                maintenanceInterval, device);
    }

    public StoreSettings withSampleBatch(int samples, Duration interval) {
        return new StoreSettings(file, maxSizeMb, maxAgeDays, rawSampleDays, samples, interval, maintenanceInterval,
                agentDevice);
    }

    public long maxBytes() {
        return maxSizeMb * 1024L * 1024L;
    }
}
