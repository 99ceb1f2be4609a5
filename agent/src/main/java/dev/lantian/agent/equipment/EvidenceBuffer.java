package dev.lantian.agent.equipment;

import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent raw samples per channel, bounded both by age and by count so a fast channel (a 1 s contact)
 * or a flood of samples cannot grow the board's memory. Not in the snapshot: after a restart it is
 * refilled from the store's raw samples ({@link RecentSamples}).
 */
final class EvidenceBuffer {
    static final int MAX_PER_CHANNEL = 4000;
    private final Duration retention;
    private final Map<String, Deque<Sample>> byChannel = new HashMap<>();

    EvidenceBuffer(Duration retention) {
        this.retention = retention;
    }

    void add(Sample s) {
        Deque<Sample> q = byChannel.computeIfAbsent(s.channel(), c -> new ArrayDeque<>());
        q.addLast(s);
        while (q.size() > MAX_PER_CHANNEL) {
            q.removeFirst();
        }
        Instant oldest = s.time().minus(retention);
        while (!q.isEmpty() && q.peekFirst().time().isBefore(oldest)) {
            q.removeFirst();
        }
    }

    List<Sample> window(List<String> channels, Instant from, Instant to) {
        List<Sample> out = new ArrayList<>();
        for (String c : channels) {
            for (Sample s : byChannel.getOrDefault(c, new ArrayDeque<>())) {
                if (!s.time().isBefore(from) && !s.time().isAfter(to)) {
                    out.add(s);
                }
            }
        }
        out.sort(Comparator.comparing(Sample::time).thenComparing(Sample::channel));
        return out;
    }

    Duration retention() {
        return retention;
    }

    /** Refills the buffer after a restart with the samples the store kept (any order). */
    void restore(List<Sample> samples) {
        byChannel.clear();
        samples.stream().sorted(Comparator.comparing(Sample::time)).forEach(this::add);
    }
}
