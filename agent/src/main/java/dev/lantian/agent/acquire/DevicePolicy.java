package dev.lantian.agent.acquire;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the scheduler is with one device.
 *
 * @param timeout      longest wait for one answer
 * @param retries      extra attempts of a failed request within one poll (0 = one attempt)
 * @param isolateAfter consecutive failed polls after which the device is isolated: it is then tried
 *                     once (no retries) at exponentially growing intervals, so a dead device costs
 *                     the line almost nothing while it keeps being flagged {@code B} at its own rate
 * @param backoffMax   the longest interval between two tries of an isolated device
 */
public record DevicePolicy(Duration timeout, int retries, int isolateAfter, Duration backoffMax) {
    public DevicePolicy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (timeout.isNegative() || timeout.isZero() || retries < 0 || isolateAfter < 1) {
            throw new IllegalArgumentException("bad device policy " + timeout + "/" + retries + "/" + isolateAfter);
        }
    }

    /** 1 s timeout, 2 retries, isolation after 2 failed polls, at most 5 min between tries. */
    public static DevicePolicy defaults() {
        return new DevicePolicy(Duration.ofSeconds(1), 2, 2, Duration.ofMinutes(5));
    }
}
