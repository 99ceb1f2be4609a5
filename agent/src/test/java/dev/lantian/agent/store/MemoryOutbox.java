package dev.lantian.agent.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The test implementation of the outbox and archive: the same numbering rules, kept in memory. */
public final class MemoryOutbox implements Outbox, ReportArchive {
    private final Clock clock;
    private final Map<String, Long> last = new HashMap<>();
    private final TreeMap<Long, Report> all = new TreeMap<>();
    private final Map<Long, Boolean> acked = new HashMap<>();
    private long order;

    public MemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<Report> append(List<ReportDraft> drafts) {
        List<Report> out = new ArrayList<>();
        for (ReportDraft d : drafts) {
            long seq = last.merge(d.device(), 1L, Long::sum);
            Report r = Report.numbered(d, seq, clock.instant());
            all.put(++order, r);
            out.add(r);
        }
        return out;
    }

    @Override
    public synchronized List<Report> oldestPending(int max) {
        return all.entrySet().stream().filter(e -> !acked.containsKey(e.getKey())).limit(max)
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized List<Report> newestPending(int max) {
        return all.descendingMap().entrySet().stream().filter(e -> !acked.containsKey(e.getKey())).limit(max)
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized void acknowledge(String device, long sequence) {
        all.forEach((k, r) -> {
            if (r.device().equals(device) && r.sequence() == sequence) {
                acked.put(k, true);
            }
        });
    }

    @Override
    public synchronized long pendingCount() {
        return all.size() - acked.size();
    }

    @Override
    public synchronized List<Report> history(String device, Instant from, Instant to, Set<ReportKind> kinds, int max) {
        return all.values().stream()
                .filter(r -> r.device().equals(device) && kinds.contains(r.kind()))
                .filter(r -> {
                    Instant t = r.periodStart() != null ? r.periodStart() : r.acquiredAt();
                    return !t.isBefore(from) && t.isBefore(to);
                })
                .sorted(Comparator.comparingLong(Report::sequence)).limit(max).toList();
    }
}
