package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The raw samples of these channels between {@code from} and {@code to}, read back from where the
 * board already keeps them durably (the store's sample table). After a restart the equipment stage
 * rebuilds its evidence buffer and its emergency windows from here, so its snapshot need not carry
 * a copy of every recent sample.
 */
public interface RecentSamples {
    /** Raw samples of {@code channels} with {@code from <= time <= to}, in any order. */
    List<Sample> between(Collection<String> channels, Instant from, Instant to);

    /** No sample is kept (a board without a sample store): evidence and windows restart empty. */
    RecentSamples NONE = (channels, from, to) -> List.of();
}
