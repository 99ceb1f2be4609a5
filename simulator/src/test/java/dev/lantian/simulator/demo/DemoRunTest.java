package dev.lantian.simulator.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's orchestration against a stand-in board through the embedded broker. */
class DemoRunTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(1));
    private static final String LINKAGE = "linkage.treatment-not-running";
    private static final Duration TOL = Duration.ofMinutes(2);
    private static final DemoRun.Settings SETTINGS = new DemoRun.Settings(Duration.ofMinutes(1), Duration.ZERO,
            Duration.ofSeconds(10), Duration.ofSeconds(5), ZoneId.of("Asia/Shanghai"));
    private static final DemoRun.Settings IMPATIENT = new DemoRun.Settings(SETTINGS.step(), SETTINGS.wallTarget(),
            Duration.ofSeconds(2), Duration.ofSeconds(2), SETTINGS.zone());

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private DemoOutcome run(List<ExpectedViolation> staged, List<ScriptedBoard.Flag> flags, Set<Long> skipped) {
        // a lost report never arrives: wait for it only briefly
        return run(new ScriptedPlant(START, END, staged), new ScriptedBoard("b1", flags, skipped),
                skipped.isEmpty() ? SETTINGS : IMPATIENT);
    }

    private DemoOutcome run(ScriptedPlant plant, ScriptedBoard scripted, DemoRun.Settings settings) {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); ScriptedBoard board = scripted) {
            DemoOutcome outcome = new DemoRun(settings, new PrintStream(console, true, StandardCharsets.UTF_8))
                    .run(plant, board, broker.url());
            assertThat(plant.now).isEqualTo(plant.end());
            return outcome;
        }
    }

    @Test
    void aBoardThatFlagsWhatWasStagedAndLosesNothingPasses() {
        Instant from = START.plus(Duration.ofMinutes(30));
        Instant to = START.plus(Duration.ofMinutes(50));
        DemoOutcome o = run(List.of(new ExpectedViolation(LINKAGE, "fan1", from, to, TOL)),
                List.of(new ScriptedBoard.Flag(LINKAGE, "fan1", from.plusSeconds(60), to)), Set.of());

        assertThat(o.failures()).isEmpty();
        assertThat(o.created()).isEqualTo(60 + 2);
        assertThat(o.tally().accepted()).isEqualTo(62);
        assertThat(o.violations().matched()).hasSize(1);
        assertThat(o.render()).contains("RESULT: PASS").contains("sent 62 · received 62");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("\rplant 2026-12-01 09:00:00 · sent 62");
    }

    @Test
    void aLostReportAndAnUnstagedFlagFailTheDemoAndSayWhy() {
        Instant from = START.plus(Duration.ofMinutes(30));
        DemoOutcome o = run(List.of(new ExpectedViolation(LINKAGE, "fan1", from, null, TOL)),
                List.of(new ScriptedBoard.Flag("tamper.clamp-removed", "fan1", from, null)), Set.of(7L));

        assertThat(o.passed()).isFalse();
        assertThat(o.tally().gaps()).isEqualTo(1);
        assertThat(o.failures()).contains("1 sequence gap(s) at the bureau", "1 staged violation(s) not flagged",
                "1 flagged event(s) not staged", "the board created 61 reports, the bureau accepted 60");
        assertThat(o.render()).contains("RESULT: FAIL");
    }

    @Test
    void theBureauOrdersTheScriptedAlertLevelsAtTheirPlantTimeAndWaitsForTheReply() {
        ScriptedPlant plant = new ScriptedPlant(START, END, List.of());
        plant.alerts.put(START.plus(Duration.ofMinutes(15)), "orange");
        plant.alerts.put(START.plus(Duration.ofMinutes(45)), "none");
        ScriptedBoard board = new ScriptedBoard("b1", List.of(), Set.of());

        DemoOutcome o = run(plant, board, SETTINGS);

        assertThat(o.failures()).isEmpty();
        assertThat(board.commands).hasSize(2);
        assertThat(board.commands.get(0)).contains("\"command\":\"alert\"", "\"device\":\"b1\"", "\"level\":\"orange\"",
                "\"at\":\"2026-12-01T00:15:00Z\"");
        assertThat(board.commands.get(1)).contains("\"level\":\"none\"", "\"at\":\"2026-12-01T00:45:00Z\"");
        assertThat(o.tally().replies()).isEqualTo(2);
    }

    @Test
    void aBoardThatNeverAnswersAnOrderFailsTheDemo() {
        ScriptedPlant plant = new ScriptedPlant(START, START.plus(Duration.ofMinutes(5)), List.of());
        plant.alerts.put(START.plus(Duration.ofMinutes(2)), "red");
        ScriptedBoard board = new ScriptedBoard("b1", List.of(), Set.of());
        board.answers = false;

        DemoOutcome o = run(plant, board, IMPATIENT);

        assertThat(o.failures()).containsExactly("alert red at 2026-12-01T00:02:00Z: no reply from the board within 2 s");
    }

    @Test
    void aBoardThatDoesNotComeBackAfterTheScriptedOutageFailsTheDemo() {
        ScriptedPlant plant = new ScriptedPlant(START, END, List.of());
        plant.downFrom = START.plus(Duration.ofMinutes(20));
        plant.downTo = START.plus(Duration.ofMinutes(30));
        ScriptedBoard board = new ScriptedBoard("b1", List.of(), Set.of());

        DemoOutcome o = run(plant, board, IMPATIENT);

        assertThat(o.outages()).singleElement().satisfies(w -> {
            assertThat(w.from()).isEqualTo(plant.downFrom);
            assertThat(w.to()).isEqualTo(plant.downTo);
            assertThat(w.offlineSeen()).as("the broker published the board's last will").isTrue();
            assertThat(w.backOnline()).isFalse();
        });
        assertThat(o.failures()).contains("broker outage end at 2026-12-01T00:30:00Z: the board did not come back online within 4 s");
        assertThat(o.tally().accepted()).as("what the board made after the cut never arrived").isLessThan(o.created());
        assertThat(o.render()).contains("broker outage 2026-12-01T00:20:00Z → 2026-12-01T00:30:00Z: bureau saw the board offline")
                .contains("NOT back online").contains("RESULT: FAIL");
    }
}
