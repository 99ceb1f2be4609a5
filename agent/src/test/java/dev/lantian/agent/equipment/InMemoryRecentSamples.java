package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Raw samples kept in memory, as the board's store would keep them, for tests. */
public final class InMemoryRecentSamples implements RecentSamples {
    private final List<Sample> samples = new ArrayList<>();

    public synchronized void addAll(List<Sample> more) {
        samples.addAll(more);
    }

    @Override
    public synchronized List<Sample> between(Collection<String> channels, Instant from, Instant to) {
        Set<String> wanted = Set.copyOf(channels);
        return samples.stream()
                .filter(s -> wanted.contains(s.channel()) && !s.time().isBefore(from) && !s.time().isAfter(to))
                .toList();
    }
}
