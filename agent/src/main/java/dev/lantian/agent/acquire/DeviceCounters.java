package dev.lantian.agent.acquire;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the line scheduler knows about one device, as an immutable snapshot for the heartbeat and the
 * console.
 *
 * @param device              device id
 * @param requests            requests put on the wire (retries included)
 * @param responses           requests that got a valid answer
 * @param timeouts            requests nothing valid answered in time
 * @param checksumErrors      answers with a bad CRC/checksum
 * @param exceptionResponses  Modbus exception or DL/T 645 error replies
 * @param linkErrors          port or socket failures
 * @param polls               polls that produced readings
 * @param failedPolls         polls that ended silent
 * @param skippedPolls        poll slots of an isolated device answered with a {@code B} set without a request
 * @param consecutiveFailures failed polls in a row
 * @param isolated            whether the device is currently isolated (backing off)
 * @param lastLatency         round trip of the last answered request
 * @param meanLatency         mean round trip of answered requests
 * @param maxLatency          longest answered round trip
 * @param lastSuccess         when the last poll succeeded
 */
public record DeviceCounters(String device, long requests, long responses, long timeouts, long checksumErrors,
                             long exceptionResponses, long linkErrors, long polls, long failedPolls, long skippedPolls,
                             int consecutiveFailures, boolean isolated, Duration lastLatency, Duration meanLatency,
                             Duration maxLatency, Optional<Instant> lastSuccess) {
}
