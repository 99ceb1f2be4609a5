package dev.lantian.hardware.sensor.pms;

/**
 * Host-to-sensor commands (Plantower PMS5003 data manual V2.3, appendix II "transport protocol
 * passive mode"): {@code 42 4D CMD DATAH DATAL LRCH LRCL}, the check code being the 16-bit sum of the
 * five bytes before it. CMD 0xE2 reads in passive mode; 0xE1 changes mode (data 0 passive, 1 active);
 * 0xE4 sleeps (data 0) or wakes (data 1).
 */
public final class PmsCommands {
    static final int READ_PASSIVE = 0xE2;
    static final int CHANGE_MODE = 0xE1;
    static final int SLEEP_SET = 0xE4;

    private PmsCommands() {
    }

    /** {@code 42 4D E2 00 00 01 71}: answer with one data frame (passive mode). */
    public static byte[] readPassive() {
        return command(READ_PASSIVE, 0);
    }

    /** {@code 42 4D E1 00 00 01 70}. */
    public static byte[] passiveMode() {
        return command(CHANGE_MODE, 0);
    }

    /** {@code 42 4D E1 00 01 01 71}. */
    public static byte[] activeMode() {
        return command(CHANGE_MODE, 1);
    }

    /** {@code 42 4D E4 00 00 01 73}. */
    public static byte[] sleep() {
        return command(SLEEP_SET, 0);
    }

    /** {@code 42 4D E4 00 01 01 74}. */
    public static byte[] wake() {
        return command(SLEEP_SET, 1);
    }

    static byte[] command(int cmd, int data) {
        byte[] b = {0x42, 0x4D, (byte) cmd, (byte) (data >> 8), (byte) data, 0, 0};
        int sum = PmsFrame.sum(b, 0, 5);
        b[5] = (byte) (sum >> 8);
        b[6] = (byte) sum;
        return b;
    }
}
