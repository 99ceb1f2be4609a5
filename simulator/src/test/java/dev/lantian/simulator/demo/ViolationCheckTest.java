package dev.lantian.simulator.demo;

import dev.lantian.simulator.bureau.BureauTally.TalliedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationCheckTest {
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    private static final String LINKAGE = "linkage.treatment-not-running";
    private static final Duration TOL = Duration.ofMinutes(2);

    private static Instant at(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    private static TalliedEvent flagged(String rule, String subject, Instant start, Instant end) {
        return new TalliedEvent("b1", rule + start, rule, subject, "violation", start, end, end == null ? 1 : 2);
    }

    @Test
    void eachStagedViolationFlaggedWithinToleranceIsMatched() {
        var expected = List.of(new ExpectedViolation(LINKAGE, "fan1", at(10), at(40), TOL),
                new ExpectedViolation("staggered.running", "kiln", at(60), null, TOL));
        var flagged = List.of(flagged(LINKAGE, "fan1", at(11), at(41)), flagged("staggered.running", "kiln", at(59), null));

        ViolationCheck.Result r = ViolationCheck.compare(expected, flagged);

        assertThat(r.agrees()).isTrue();
        assertThat(r.matched()).hasSize(2);
        assertThat(r.matched().get(0).startOffset()).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.headline()).isEqualTo("violations: matched 2 · missed 0 · unexpected 0");
    }

    @Test
    void aFlaggedStartOutsideTheToleranceIsBothMissedAndUnexpected() {
        var expected = List.of(new ExpectedViolation(LINKAGE, "fan1", at(10), at(40), TOL));
        var late = flagged(LINKAGE, "fan1", at(13), at(40));

        ViolationCheck.Result r = ViolationCheck.compare(expected, List.of(late));

        assertThat(r.agrees()).isFalse();
        assertThat(r.missed()).containsExactly(expected.get(0));
        assertThat(r.unexpected()).containsExactly(late);
        assertThat(r.render()).contains("MISSED").contains("UNEXPECTED");
    }

    @Test
    void aNamedEndMustAgreeTooAndAnOpenEventDoesNotMeetIt() {
        var closed = new ExpectedViolation(LINKAGE, "fan1", at(10), at(40), TOL);
        assertThat(ViolationCheck.compare(List.of(closed), List.of(flagged(LINKAGE, "fan1", at(10), null))).agrees())
                .isFalse();
        assertThat(ViolationCheck.compare(List.of(closed), List.of(flagged(LINKAGE, "fan1", at(10), at(50)))).agrees())
                .isFalse();
    }

    @Test
    void anExpectationWithoutEndAcceptsAPointEventOrAnOpenOne() {
        var step = new ExpectedViolation("board.clock-step", "board", at(10), null, TOL);
        assertThat(ViolationCheck.compare(List.of(step), List.of(flagged("board.clock-step", "board", at(11), at(11))))
                .agrees()).isTrue();
        assertThat(ViolationCheck.compare(List.of(step), List.of(flagged("board.clock-step", "board", at(11), null)))
                .agrees()).isTrue();
    }

    @Test
    void ruleAndEquipmentMustBeTheSame() {
        var expected = List.of(new ExpectedViolation(LINKAGE, "fan1", at(10), at(40), TOL));
        assertThat(ViolationCheck.compare(expected, List.of(flagged(LINKAGE, "fan2", at(10), at(40)))).agrees()).isFalse();
        assertThat(ViolationCheck.compare(expected, List.of(flagged("linkage.low-load", "fan1", at(10), at(40))))
                .agrees()).isFalse();
    }

    @Test
    void oneFlaggedEventCannotMatchTwoExpectationsAndExtraFlagsAreUnexpected() {
        var twice = List.of(new ExpectedViolation(LINKAGE, "fan1", at(10), at(20), TOL),
                new ExpectedViolation(LINKAGE, "fan1", at(11), at(20), TOL));
        ViolationCheck.Result r = ViolationCheck.compare(twice, List.of(flagged(LINKAGE, "fan1", at(11), at(20))));
        assertThat(r.matched()).hasSize(1);
        assertThat(r.missed()).hasSize(1);

        var once = List.of(new ExpectedViolation(LINKAGE, "fan1", at(10), at(20), TOL));
        ViolationCheck.Result extra = ViolationCheck.compare(once,
                List.of(flagged(LINKAGE, "fan1", at(10), at(20)), flagged("tamper.meter-lost", "press", at(30), null)));
        assertThat(extra.matched()).hasSize(1);
        assertThat(extra.unexpected()).extracting(TalliedEvent::rule).containsExactly("tamper.meter-lost");
    }

    @Test
    void theClosestCandidateWinsSoNeighboursBothMatch() {
        var expected = List.of(new ExpectedViolation(LINKAGE, "fan1", at(10), at(12), TOL),
                new ExpectedViolation(LINKAGE, "fan1", at(13), at(14), TOL));
        var flagged = List.of(flagged(LINKAGE, "fan1", at(13), at(14)), flagged(LINKAGE, "fan1", at(10), at(12)));
        assertThat(ViolationCheck.compare(expected, flagged).agrees()).isTrue();
    }

    @Test
    void nothingStagedAndNothingFlaggedAgrees() {
        assertThat(ViolationCheck.compare(List.of(), List.of()).agrees()).isTrue();
    }

    @Test
    void anExpectationEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new ExpectedViolation(LINKAGE, "fan1", at(10), at(5), TOL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before it starts");
    }
}
