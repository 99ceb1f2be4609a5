package dev.lantian.simulator.demo;

import dev.lantian.simulator.bureau.BureauTally.TalliedEvent;
import dev.lantian.simulator.bureau.TextTable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares the violations the agent flagged (EVENT reports the bureau received) with the ones the
 * scenario staged. An expected violation is matched by an unused flagged event of the same rule and
 * equipment whose start lies within the tolerance and, when the expectation names an end, whose end
 * does too (an expectation without end accepts an open event or any end: a point event such as a
 * clock step, or one still open when the run stops); among several candidates the one closest in
 * start wins. What is left over is missed or unexpected.
 */
public final class ViolationCheck {
    private ViolationCheck() {
    }

    public record Match(ExpectedViolation expected, TalliedEvent flagged) {
        public Duration startOffset() {
            return Duration.between(expected.start(), flagged.start());
        }
    }

    public record Result(List<Match> matched, List<ExpectedViolation> missed, List<TalliedEvent> unexpected) {
        public Result {
            matched = List.copyOf(matched);
            missed = List.copyOf(missed);
            unexpected = List.copyOf(unexpected);
        }

        /** Every staged violation flagged, nothing flagged that was not staged. */
        public boolean agrees() {
            return missed.isEmpty() && unexpected.isEmpty();
        }

        public String headline() {
            return "violations: matched " + matched.size() + " · missed " + missed.size() + " · unexpected "
                    + unexpected.size();
        }

        public String render() {
            TextTable t = new TextTable("verdict", "rule", "equipment", "expected start", "flagged start",
                    "expected end", "flagged end");
            for (Match m : matched) {
                t.row("matched", m.expected().rule(), m.expected().equipment(), m.expected().start(),
                        m.flagged().start(), end(m.expected().end()), open(m.flagged().end()));
            }
            for (ExpectedViolation e : missed) {
                t.row("MISSED", e.rule(), e.equipment(), e.start(), "-", end(e.end()), "-");
            }
            for (TalliedEvent f : unexpected) {
                t.row("UNEXPECTED", f.rule(), f.subject(), "-", f.start(), "-", open(f.end()));
            }
            return headline() + "\n" + (t.isEmpty() ? "(none staged, none flagged)\n" : t.render());
        }

        private static String open(Instant t) {
            return t == null ? "open" : t.toString();
        }

        private static String end(Instant t) {
            return t == null ? "-" : t.toString();
        }
    }

    public static Result compare(List<ExpectedViolation> expected, List<TalliedEvent> flagged) {
        List<TalliedEvent> unused = new ArrayList<>(flagged);
        List<Match> matched = new ArrayList<>();
        List<ExpectedViolation> missed = new ArrayList<>();
        List<ExpectedViolation> ordered = new ArrayList<>(expected);
        ordered.sort(Comparator.comparing(ExpectedViolation::start));
        for (ExpectedViolation e : ordered) {
            TalliedEvent best = null;
            for (TalliedEvent f : unused) {
                if (fits(e, f) && (best == null || offset(e, f).compareTo(offset(e, best)) < 0)) {
                    best = f;
                }
            }
            if (best == null) {
                missed.add(e);
            } else {
                unused.remove(best);
                matched.add(new Match(e, best));
            }
        }
        return new Result(matched, missed, unused);
    }

    private static boolean fits(ExpectedViolation e, TalliedEvent f) {
        if (!e.rule().equals(f.rule()) || !e.equipment().equals(f.subject())) {
            return false;
        }
        if (!within(e.start(), f.start(), e.tolerance())) {
            return false;
        }
        if (e.end() == null) {
            return true;
        }
        return f.end() != null && within(e.end(), f.end(), e.tolerance());
    }

    private static boolean within(Instant a, Instant b, Duration tolerance) {
        return Duration.between(a, b).abs().compareTo(tolerance) <= 0;
    }

    private static Duration offset(ExpectedViolation e, TalliedEvent f) {
        return Duration.between(e.start(), f.start()).abs();
    }
}
