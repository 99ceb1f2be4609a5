package dev.lantian.agent.store;

import java.util.List;

/**
 * Reports waiting for the broker's acknowledgement. {@link #append} numbers and stores durably
 * before it returns, so a report once appended survives a power cut; a report leaves the outbox only
 * through {@link #acknowledge}. Thread-safe: the pipeline appends while the uplink reads and
 * acknowledges.
 */
public interface Outbox {

    /** Numbers the drafts (per device, continuing after the highest sequence ever given) and commits them in one transaction. */
    List<Report> append(List<ReportDraft> drafts);

    /** Unacknowledged reports, oldest (lowest sequence) first, at most {@code max}. */
    List<Report> oldestPending(int max);

    /** Unacknowledged reports, newest first, at most {@code max}. */
    List<Report> newestPending(int max);

    /** The broker acknowledged this report; idempotent. */
    void acknowledge(String device, long sequence);

    /** How many reports wait for an acknowledgement. */
    long pendingCount();
}
