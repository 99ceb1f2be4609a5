package dev.lantian.hardware.gpio;

import java.io.IOException;

/** One GPIO input line as the electrical level it sees now; debouncing is the caller's business. */
@FunctionalInterface
public interface DigitalInput {
    boolean high() throws IOException;
}
