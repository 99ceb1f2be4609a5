package dev.lantian.hardware.meter;

/** A register map file that cannot be used, with the file and line to fix. */
public final class RegisterMapException extends Exception {
    private final String source;
    private final int line;

    public RegisterMapException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line of the offending node; 0 when unknown. */
    public int line() {
        return line;
    }
}
