package dev.lantian.agent.store;

import dev.lantian.agent.equipment.RecentSamples;
import dev.lantian.agent.model.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tinylog.Logger;

/**
 * The equipment stage's recent raw samples, read from the store's sample table (one range query per
 * channel, buffered samples flushed first). Used once per start, to rebuild what the monitor's
 * snapshot no longer carries. Samples evicted for space or age, and those of a batch not yet committed
 * at a power cut (at most {@code sampleBatchInterval}), are simply not there.
 */
public final class StoredRecentSamples implements RecentSamples {
    private final ReportStore store;

    public StoredRecentSamples(ReportStore store) {
        this.store = store;
    }

    @Override
    public List<Sample> between(Collection<String> channels, Instant from, Instant to) {
        List<Sample> out = new ArrayList<>();
        try {
            for (String c : channels) {
                out.addAll(store.samples(c, from, to.plusMillis(1))); // the table's range is [from, to)
            }
        } catch (StoreException e) {
            // a board that cannot read its recent samples still runs: only the evidence restarts empty
            Logger.error(e, "recent raw samples cannot be read; event evidence before the restart is lost");
            return List.of();
        }
        return out;
    }
}
