package dev.lantian.hardware.sensor.sds;

/**
 * Host-to-sensor commands (Nova Fitness "Laser Dust Sensor Control Protocol V1.3", section 1
 * "Protocol Configuration" and section 3 "Command"): 19 bytes {@code AA B4 d1..d13 id1 id2 cs AB}
 * where d1 selects the command (2 reporting mode, 4 query data, 6 sleep/work, 8 working period), d2
 * is 0 to query or 1 to set, d3 the value, and cs the low byte of the sum of d1..d13, id1, id2. The id
 * {@code FF FF} addresses whichever sensor is on the line.
 */
public final class SdsCommands {
    public static final int LENGTH = 19;
    static final int COMMAND = 0xB4;
    static final int REPORTING_MODE = 2;
    static final int QUERY_DATA = 4;
    static final int SLEEP_WORK = 6;
    static final int WORKING_PERIOD = 8;
    private static final int SET = 1;

    private SdsCommands() {
    }

    /** Section 3.1: {@code query} true makes the sensor answer only to {@link #query()}. */
    public static byte[] reportingMode(boolean query) {
        return command(REPORTING_MODE, SET, query ? 1 : 0);
    }

    /** Section 3.2: {@code AA B4 04 00 ... 00 FF FF 02 AB}, answered by one {@code AA C0} frame. */
    public static byte[] query() {
        return command(QUERY_DATA, 0, 0);
    }

    /** Section 3.4: fan and laser off. */
    public static byte[] sleep() {
        return command(SLEEP_WORK, SET, 0);
    }

    /** Section 3.4: fan and laser on; "the data is stable when the sensor works after 30 seconds". */
    public static byte[] work() {
        return command(SLEEP_WORK, SET, 1);
    }

    /** Section 3.5: 0 = continuous, 1-30 = work 30 s every n minutes (kept by the sensor across power-off). */
    public static byte[] workingPeriod(int minutes) {
        if (minutes < 0 || minutes > 30) {
            throw new IllegalArgumentException("SDS011 working period is 0-30 minutes, not " + minutes);
        }
        return command(WORKING_PERIOD, SET, minutes);
    }

    static byte[] command(int d1, int d2, int d3) {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) SdsFrameDecoder.HEAD;
        b[1] = (byte) COMMAND;
        b[2] = (byte) d1;
        b[3] = (byte) d2;
        b[4] = (byte) d3;
        b[15] = (byte) 0xFF;
        b[16] = (byte) 0xFF;
        b[17] = (byte) SdsFrame.sum(b, 2, 15);
        b[18] = (byte) SdsFrameDecoder.TAIL;
        return b;
    }
}
