package dev.lantian.agent.uplink;

import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.store.ReportKind;

import java.time.Instant;
import java.util.Set;

/** A bureau command received on the command topic, checked (docs/schema/command.schema.json). */
public sealed interface Command {

    /** The bureau's id of the command, echoed in the reply. */
    String id();

    /** Set the heavy-pollution alert level, effective at {@code at}. */
    record Alert(String id, AlertLevel level, Instant at) implements Command {
    }

    /** Re-publish stored reports of these kinds whose time lies in [from, to), marked resent. */
    record History(String id, Instant from, Instant to, Set<ReportKind> kinds) implements Command {
    }

    /** Are you there? Answered with the uplink's view. */
    record Ping(String id) implements Command {
    }
}
