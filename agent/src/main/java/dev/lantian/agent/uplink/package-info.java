/**
 * The uplink: stored reports to the bureau over MQTT, the bureau's commands back (docs/uplink.md).
 *
 * <p>Decisions worth knowing before changing anything here:
 * <ul>
 *   <li>The outbox is the only durable state. Paho runs with clean sessions and memory persistence;
 *       {@code Outbox.acknowledge} is called from the PUBACK callback and nowhere else, and whatever
 *       was in flight when a connection (or the process) died is published again. Receivers see at
 *       worst a repeated sequence number, never a gap.</li>
 *   <li>Reconnecting is ours ({@link dev.lantian.agent.uplink.Backoff}, full jitter on the injected
 *       clock), not Paho's, so it is tested on a virtual clock and identical for MQTT 3.1.1 and 5.</li>
 *   <li>Two lanes: live reports (appended after the connection came up) go at once, newest first;
 *       the backlog goes oldest first at {@code backlog_rate} per second, so a board returning after
 *       a week offline neither floods the broker nor holds back the current values.</li>
 *   <li>A command is checked completely before anything acts on it; every command gets a reply, a
 *       bad one an error reply and a log line, and nothing a command carries can stop the uplink.</li>
 * </ul>
 */
package dev.lantian.agent.uplink;
