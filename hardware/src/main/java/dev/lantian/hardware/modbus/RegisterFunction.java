package dev.lantian.hardware.modbus;

import java.util.Locale;
import java.util.Optional;

/** The two Modbus register tables a meter or analyser exposes for reading. */
public enum RegisterFunction {
    /** Function 04, read-only measurement registers (3xxxx). */
    INPUT(4),
    /** Function 03, read/write registers (4xxxx); many Chinese instruments keep measurements here too. */
    HOLDING(3);

    private final int code;

    RegisterFunction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Parses {@code input}/{@code holding} (or the function codes 4/3) as written in a map or on the command line. */
    public static Optional<RegisterFunction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "input", "4", "04" -> Optional.of(INPUT);
            case "holding", "3", "03" -> Optional.of(HOLDING);
            default -> Optional.empty();
        };
    }
}
