package dev.lantian.hardware.serial;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Tests that need socat skip without it, except on CI (CI=true), where a missing socat is a failure. */
public final class Socat {
    private Socat() {
    }

    public static void assumeAvailable() {
        if (PtyPair.findSocat().isPresent()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(PtyPair.SOCAT_MISSING + " (CI=true: pty tests must run)");
        }
        Assumptions.abort(PtyPair.SOCAT_MISSING + "; skipping the pty test");
    }
}
