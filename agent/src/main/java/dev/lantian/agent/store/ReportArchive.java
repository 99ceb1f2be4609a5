package dev.lantian.agent.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Every stored report, acknowledged or not, for history requests from the bureau and the console. */
public interface ReportArchive {

    /**
     * Reports of {@code device} whose acquisition time (period start for period statistics) falls in
     * {@code [from, to)}, by sequence ascending, at most {@code max}. An empty {@code kinds} means every
     * kind. Times are compared at millisecond resolution.
     */
    List<Report> history(String device, Instant from, Instant to, Set<ReportKind> kinds, int max);
}
