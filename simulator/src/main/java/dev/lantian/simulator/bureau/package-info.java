/**
 * The bureau's side of the uplink: a subscriber that checks what arrives as a bureau platform
 * would, against the published report schema rather than the board's own parser.
 *
 * <p>{@link dev.lantian.simulator.bureau.BureauReceiver} (Paho v3, {@code {prefix}/#}, QoS 1) hands
 * every message to the {@link dev.lantian.simulator.bureau.BureauLedger}, which validates it
 * ({@link dev.lantian.simulator.bureau.ReportSchema}), checks the topic against the payload, books
 * sequence numbers per device as runs (a late or resent report fills its gap; a repeated sequence
 * without {@code resent} is a duplicate) and merges EVENT reports by id into events with start and
 * end. {@link dev.lantian.simulator.bureau.BureauTally} is the frozen view: the live one-liner and,
 * through {@link dev.lantian.simulator.bureau.TallySummary}, the final table.
 *
 * <p>Gaps are counted between each device's lowest and highest sequence received: a bureau that
 * starts listening late does not count what it never could have seen; the demo compares the count
 * received with the count the board created to catch a lost first report.
 */
package dev.lantian.simulator.bureau;
