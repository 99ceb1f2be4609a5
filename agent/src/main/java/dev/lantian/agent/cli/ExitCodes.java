package dev.lantian.agent.cli;

/** Exit statuses shared by every command, so scripts and the service manager can tell them apart. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something went wrong at run time (device silent, port missing, IO error). */
    public static final int FAILURE = 1;
    /** The input (configuration, command line, samples file) is invalid. */
    public static final int INVALID_INPUT = 2;
    /** A bug: an exception escaped a command. */
    public static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
