package dev.lantian.simulator.demo;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * One console line rewritten in place ({@code \r}), at most every {@code minNanos} of wall time, so
 * a compressed plant day shows its progress without flooding a terminal or a log.
 */
final class ProgressLine {
    private final PrintStream out;
    private final long minNanos;
    private long lastShown = Long.MIN_VALUE;
    private int lastLength;

    ProgressLine(PrintStream out, long minNanos) {
        this.out = out;
        this.minNanos = minNanos;
    }

    /** Shows the text when the last showing is old enough (or {@code force}); the text is built only then. */
    void show(Supplier<String> line, long nowNanos, boolean force) {
        if (!force && lastShown != Long.MIN_VALUE && nowNanos - lastShown < minNanos) {
            return;
        }
        lastShown = nowNanos;
        String text = line.get();
        String pad = text.length() < lastLength ? " ".repeat(lastLength - text.length()) : "";
        out.print("\r" + text + pad);
        out.flush();
        lastLength = text.length();
    }

    void end() {
        if (lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }
}
