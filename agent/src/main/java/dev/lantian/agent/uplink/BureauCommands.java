package dev.lantian.agent.uplink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportArchive;
import org.tinylog.Logger;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Carries out bureau commands: alert level to the equipment stage, history requests to the resend
 * lane, ping answered with the uplink's view. Every command gets a reply ({@code id}, {@code ok},
 * {@code error}); a bad one gets an error reply and a log line and changes nothing.
 */
final class BureauCommands {
    /** Most reports one history request re-publishes; the reply says when the range held more. */
    static final int MAX_HISTORY = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String device;
    private final CommandParser parser;
    private final CommandTarget target;
    private final ReportArchive archive;
    private final Consumer<List<Report>> resend;
    private final Supplier<UplinkView> view;
    private final Clock clock;

    BureauCommands(String device, CommandParser parser, CommandTarget target, ReportArchive archive,
                   Consumer<List<Report>> resend, Supplier<UplinkView> view, Clock clock) {
        this.device = device;
        this.parser = parser;
        this.target = target;
        this.archive = archive;
        this.resend = resend;
        this.view = view;
        this.clock = clock;
    }

    /** Handles one command payload and returns the reply payload; never throws. */
    String handle(byte[] payload) {
        Command command;
        try {
            command = parser.parse(payload);
        } catch (CommandParser.Rejected r) {
            Logger.warn("bureau command rejected: {}", r.getMessage());
            return reply(r.id(), null, r.getMessage());
        }
        try {
            if (command instanceof Command.Alert a) {
                return alert(a);
            }
            if (command instanceof Command.History h) {
                return history(h);
            }
            return ping((Command.Ping) command);
        } catch (RuntimeException e) {
            Logger.error(e, "bureau command {} failed", command.id());
            return reply(command.id(), commandName(command), "failed on the board: " + e.getMessage());
        }
    }

    /**
     * A retained command would be carried out again on every reconnect, however old: refused with an
     * error reply (the bureau should clear it by publishing an empty retained message).
     */
    String refuseRetained(byte[] payload) {
        String id = null;
        try {
            com.fasterxml.jackson.databind.JsonNode n = MAPPER.readTree(payload).get("id");
            id = n != null && n.isTextual() ? n.asText() : null;
        } catch (java.io.IOException | RuntimeException e) {
            // no readable id: the reply carries null
        }
        Logger.warn("bureau command refused: it was retained by the broker (id {})", id);
        return reply(id, null, "retained command refused: publish commands without the retain flag");
    }

    private String alert(Command.Alert a) {
        target.setAlertLevel(a.level(), a.at());
        Logger.info("bureau set the alert level to {} at {} (command {})", a.level(), a.at(), a.id());
        ObjectNode o = base(a.id(), "alert", null);
        o.put("level", a.level().name().toLowerCase());
        return text(o);
    }

    private String history(Command.History h) {
        List<Report> found = archive.history(device, h.from(), h.to(), h.kinds(), MAX_HISTORY + 1);
        boolean truncated = found.size() > MAX_HISTORY;
        List<Report> sent = truncated ? found.subList(0, MAX_HISTORY) : found;
        resend.accept(sent.stream().map(Report::asResent).toList());
        Logger.info("bureau history request {}: {} reports from {} to {} queued for re-sending", h.id(), sent.size(),
                h.from(), h.to());
        ObjectNode o = base(h.id(), "history", null);
        o.put("count", sent.size());
        o.put("truncated", truncated);
        return text(o);
    }

    private String ping(Command.Ping p) {
        UplinkView v = view.get();
        ObjectNode o = base(p.id(), "ping", null);
        o.put("pong", true);
        ObjectNode n = o.putObject("uplink");
        n.put("target", v.target());
        n.put("connected", v.connected());
        n.put("pending", v.pending());
        n.put("published", v.published());
        n.put("acknowledged", v.acknowledged());
        n.put("reconnects", v.reconnects());
        v.lastAcknowledgedAt().ifPresent(t -> n.put("last_acknowledged_at", t.toString()));
        return text(o);
    }

    private String reply(String id, String command, String error) {
        return text(base(id, command, error));
    }

    private ObjectNode base(String id, String command, String error) {
        ObjectNode o = MAPPER.createObjectNode();
        if (id == null) {
            o.putNull("id");
        } else {
            o.put("id", id);
        }
        if (command != null) {
            o.put("command", command);
        }
        o.put("device", device);
        o.put("ok", error == null);
        if (error == null) {
            o.putNull("error");
        } else {
            o.put("error", error);
        }
        o.put("at", clock.instant().toString());
        return o;
    }

    private static String commandName(Command c) {
        return c instanceof Command.Alert ? "alert" : c instanceof Command.History ? "history" : "ping";
    }

    private static String text(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for a tree of plain values", e);
        }
    }
}
