package dev.lantian.hardware.dlt645;

import java.util.ArrayList;
import java.util.List;

/**
 * The error information byte (错误信息字) of an abnormal reply (control 0xD1): one bit per cause,
 * bit 0 other error, 1 no such data requested, 2 password error/unauthorised, 3 baud rate cannot be
 * changed, 4 too many annual time zones, 5 too many daily periods, 6 too many tariffs, 7 reserved.
 */
public final class Dlt645Error {
    private static final String[] BITS = {"other error", "requested data not available", "password error or unauthorised",
        "baud rate cannot be changed", "too many annual time zones", "too many daily time periods", "too many tariffs",
        "reserved"};

    private Dlt645Error() {
    }

    /** Human text for an error byte, e.g. {@code "requested data not available"}. */
    public static String describe(int errorByte) {
        List<String> causes = new ArrayList<>();
        for (int bit = 0; bit < 8; bit++) {
            if ((errorByte & (1 << bit)) != 0) {
                causes.add(BITS[bit]);
            }
        }
        return causes.isEmpty() ? "unspecified error" : String.join(", ", causes);
    }
}
