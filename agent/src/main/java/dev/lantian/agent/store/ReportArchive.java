package dev.lantian.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Stored reports by time, acknowledged or not: what a bureau history request re-publishes. */
public interface ReportArchive {

    /** Reports of {@code device} whose period start (or acquisition time) lies in [from, to), by sequence, at most {@code max}. */
    List<Report> history(String device, Instant from, Instant to, Set<ReportKind> kinds, int max);
}
