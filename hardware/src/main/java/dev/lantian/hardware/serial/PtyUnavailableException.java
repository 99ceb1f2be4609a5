package dev.lantian.hardware.serial;

import java.io.IOException;

/** A virtual serial pair could not be made: socat is missing, or it did not come up. */
public final class PtyUnavailableException extends IOException {
    public PtyUnavailableException(String message) {
        super(message);
    }
}
