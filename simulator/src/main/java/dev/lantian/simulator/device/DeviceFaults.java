package dev.lantian.simulator.device;

/**
 * What a scripted incident can do to a device: make it silent, make it send garbage instead of its
 * frames, or (meters) take the current clamp off one phase. Thread-safe switches read on every frame.
 */
public final class DeviceFaults {

    /** How the device talks. */
    public enum Mode {
        /** Correct frames. */
        NORMAL,
        /** Says nothing at all (powered off, cable cut). */
        SILENT,
        /** Sends bytes that are not valid frames (a failing sensor, EMI on the line). */
        GARBAGE
    }

    private volatile Mode mode = Mode.NORMAL;
    private volatile boolean clampRemoved;

    public Mode mode() {
        return mode;
    }

    public void set(Mode m) {
        mode = java.util.Objects.requireNonNull(m, "mode");
    }

    public boolean clampRemoved() {
        return clampRemoved;
    }

    /** The phase-1 current transformer is off its cable: current and power near zero, voltage still there. */
    public void removeClamp(boolean removed) {
        clampRemoved = removed;
    }

    public boolean silent() {
        return mode == Mode.SILENT;
    }

    public boolean garbage() {
        return mode == Mode.GARBAGE;
    }
}
