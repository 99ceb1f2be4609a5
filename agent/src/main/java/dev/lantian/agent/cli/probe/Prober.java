package dev.lantian.agent.cli.probe;

import java.io.PrintWriter;

/**
 * Talks to one kind of device for {@code probe}: prints one line per reading as {@code name=value}
 * pairs including {@code flag=}, and returns an exit status ({@code ExitCodes}).
 */
@FunctionalInterface
public interface Prober {
    int probe(ProbeRequest request, PrintWriter out, PrintWriter err);
}
