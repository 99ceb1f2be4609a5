package dev.lantian.simulator.device;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lantian.hardware.serial.PtyPair;
import org.junit.jupiter.api.Assumptions;

/** Tests that need socat skip without it, except on CI, where a missing socat is a failure. */
public final class Socat {
    private Socat() {
    }

    public static void required() {
        boolean found = PtyPair.findSocat().isPresent();
        if (!found && "true".equals(System.getenv("CI"))) {
            fail("socat is missing; CI must have socat (apt-get install socat)");
        }
        Assumptions.assumeTrue(found, "socat is not installed; skipping the pty test");
    }
}
