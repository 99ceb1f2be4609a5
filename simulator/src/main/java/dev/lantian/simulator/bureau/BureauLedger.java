package dev.lantian.simulator.bureau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportEvent;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.simulator.bureau.BureauTally.DeviceTally;
import dev.lantian.simulator.bureau.BureauTally.TalliedEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The bureau's books: every message under the prefix goes through {@link #accept}, which checks it
 * against the published schema and the topic, then books sequence numbers, duplicates and events per
 * device. Thread-safe (the MQTT callback writes, the display reads snapshots).
 */
public final class BureauLedger {
    /** What happened to one message. */
    public enum Verdict { ACCEPTED, RESENT, DUPLICATE, INVALID, STATE, REPLY, IGNORED }

    /** A valid report and the wall-clock time it reached the bureau. */
    public record Arrival(Report report, Instant receivedAt) {
    }

    static final int MAX_REASONS = 64;
    static final int MAX_EVENTS = 100_000;
    static final String OTHER_REASONS = "other reasons";

    private final String prefix;
    private final ReportSchema schema;
    private final Consumer<Arrival> listener;
    private final Map<String, Books> devices = new TreeMap<>();
    private final Map<String, TalliedEvent> events = new LinkedHashMap<>();
    private final Map<String, Long> reasons = new TreeMap<>();
    private long received;
    private long replies;
    private long ignored;

    public BureauLedger(String prefix, ReportSchema schema, Consumer<Arrival> listener) {
        this.prefix = prefix;
        this.schema = schema;
        this.listener = listener;
    }

    public BureauLedger(String prefix) {
        this(prefix, ReportSchema.published(), a -> { });
    }

    public Verdict accept(String topic, byte[] payload, Instant receivedAt) {
        Verdict verdict;
        Arrival arrival = null;
        synchronized (this) {
            ReportTopic t = ReportTopic.parse(prefix, topic).orElse(null);
            if (t == null) {
                ignored++;
                return Verdict.IGNORED;
            }
            if (t.isState()) {
                books(t).state = stateOf(payload);
                return Verdict.STATE;
            }
            if (t.isReply()) {
                replies++;
                return Verdict.REPLY;
            }
            if (!isReportKind(t.leaf())) {
                ignored++;
                return Verdict.IGNORED;
            }
            received++;
            Books books = books(t);
            ReportSchema.Checked checked = schema.check(payload);
            if (!checked.valid()) {
                return invalid(books, checked.problems());
            }
            String problem = topicMismatch(t, checked.tree());
            if (problem != null) {
                return invalid(books, List.of(problem));
            }
            Report report;
            try {
                report = ReportJson.read(checked.tree().toString());
            } catch (RuntimeException e) {
                return invalid(books, List.of("unreadable: " + e.getMessage()));
            }
            boolean fresh = books.sequences.add(report.sequence());
            verdict = books.book(report, fresh);
            if (fresh) {
                books.byKind.merge(report.kind().topic(), 1L, Long::sum);
                if (report.kind() == ReportKind.EVENT && report.event() != null) {
                    bookEvent(report.device(), report.event());
                }
                arrival = new Arrival(report, receivedAt);
            }
        }
        if (arrival != null) {
            listener.accept(arrival);
        }
        return verdict;
    }

    public synchronized BureauTally snapshot() {
        long accepted = 0;
        long gaps = 0;
        long dups = 0;
        long resent = 0;
        long invalid = 0;
        List<DeviceTally> rows = new ArrayList<>();
        for (Books b : devices.values()) {
            rows.add(b.tally());
            accepted += b.sequences.count();
            gaps += b.sequences.missing();
            dups += b.duplicates;
            resent += b.resent;
            invalid += b.invalid;
        }
        List<TalliedEvent> evs = new ArrayList<>(events.values());
        evs.sort(Comparator.comparing(TalliedEvent::start).thenComparing(TalliedEvent::rule)
                .thenComparing(TalliedEvent::subject));
        return new BureauTally(received, accepted, gaps, dups, resent, invalid, replies, ignored, rows, evs, reasons);
    }

    private Books books(ReportTopic t) {
        return devices.computeIfAbsent(t.device(), d -> new Books(t.enterprise(), d));
    }

    private Verdict invalid(Books books, List<String> problems) {
        books.invalid++;
        for (String p : problems) {
            String key = reasons.containsKey(p) || reasons.size() < MAX_REASONS ? p : OTHER_REASONS;
            reasons.merge(key, 1L, Long::sum);
        }
        return Verdict.INVALID;
    }

    private static String topicMismatch(ReportTopic t, JsonNode tree) {
        String kind = tree.path("kind").asText();
        if (!kind.equals(t.leaf())) {
            return "payload kind '" + kind + "' on topic kind '" + t.leaf() + "'";
        }
        if (!tree.path("device").asText().equals(t.device())) {
            return "payload device differs from topic device";
        }
        return null;
    }

    private void bookEvent(String device, ReportEvent e) {
        String key = device + "\u0000" + e.id();
        TalliedEvent known = events.get(key);
        if (known == null && events.size() >= MAX_EVENTS) {
            reasons.merge("events beyond " + MAX_EVENTS + " not tallied", 1L, Long::sum);
            return;
        }
        Instant end = e.end() != null ? e.end() : known == null ? null : known.end();
        int reports = known == null ? 1 : known.reports() + 1;
        events.put(key, new TalliedEvent(device, e.id(), e.rule(), e.subject(), e.severity(), e.start(), end, reports));
    }

    /** A state message is "online"/"offline", or a JSON object whose "state" field says it. */
    private String stateOf(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                return schema.tree(payload).path("state").asText("?");
            } catch (RuntimeException e) {
                return "?";
            }
        }
        return text.length() <= 16 ? text : text.substring(0, 15) + "…";
    }

    private static boolean isReportKind(String leaf) {
        for (ReportKind k : ReportKind.values()) {
            if (k.topic().equals(leaf)) {
                return true;
            }
        }
        return false;
    }

    /** One device's books. */
    private static final class Books {
        final String enterprise;
        final String device;
        final SequenceRanges sequences = new SequenceRanges();
        final Map<String, Long> byKind = new TreeMap<>();
        String state = "?";
        long duplicates;
        long resent;
        long invalid;

        Books(String enterprise, String device) {
            this.enterprise = enterprise;
            this.device = device;
        }

        Verdict book(Report r, boolean fresh) {
            if (r.resent()) {
                resent++;
                return Verdict.RESENT;
            }
            if (!fresh) {
                duplicates++;
                return Verdict.DUPLICATE;
            }
            return Verdict.ACCEPTED;
        }

        DeviceTally tally() {
            return new DeviceTally(enterprise, device, state, sequences.count(), sequences.first(), sequences.last(),
                    sequences.missing(), sequences.holes(5), duplicates, resent, invalid, byKind);
        }
    }
}
