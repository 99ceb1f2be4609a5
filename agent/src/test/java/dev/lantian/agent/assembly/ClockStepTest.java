package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.equipment.ClockStep;
import dev.lantian.agent.equipment.InMemoryMonitorStateStore;
import dev.lantian.agent.report.StepAwareClockQuality;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A clock step is noticed by the board's ticker and marks exactly the reports whose span it touches. */
class ClockStepTest {

    @Test
    void theWatchSeesAStepOnlyWhenTheWallClockDisagreesWithTheMonotonicOne() {
        AtomicLong mono = new AtomicLong(5_000_000_000L);
        ClockStepWatch watch = new ClockStepWatch(mono::get, Duration.ofSeconds(10));
        Instant t = PlantDay.START;
        assertThat(watch.check(t)).isEmpty();
        mono.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(watch.check(t.plusSeconds(1))).isEmpty();
        mono.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(watch.check(t.plusSeconds(9))).as("8 s off: within the tolerance").isEmpty();
        mono.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(watch.check(t.plusSeconds(10 + 3600))).hasValueSatisfying(s -> {
            assertThat(s.before()).isEqualTo(t.plusSeconds(10));
            assertThat(s.after()).isEqualTo(t.plusSeconds(3610));
        });
        mono.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(watch.check(t.plusSeconds(3611))).as("the new time is the reference now").isEmpty();
    }

    @Test
    void aSteppedClockIsAnEventAndMarksThePeriodItFallsInButNotItsNeighbours() throws Exception {
        PlantDay day = new PlantDay(new InMemoryMonitorStateStore(), new StepAwareClockQuality(ClockQuality.SYNCED));
        day.runUntil(PlantDay.at("09:24"));
        // NTP corrects a clock that ran 20 s slow
        day.pipeline.clockStepped(PlantDay.at("09:24"), PlantDay.at("09:24:20"));
        day.runUntil(PlantDay.at("09:45"));

        assertThat(day.reports(ReportKind.EVENT)).filteredOn(r -> r.event().rule().equals(ClockStep.RULE))
                .singleElement().satisfies(r -> assertThat(r.clock()).isEqualTo(ClockQuality.STEPPED));
        assertThat(day.reports(ReportKind.MINUTE)).extracting(r -> r.periodStart() + " " + r.clock()).containsExactly(
                PlantDay.at("09:00") + " SYNCED", PlantDay.at("09:10") + " SYNCED",
                PlantDay.at("09:20") + " STEPPED", PlantDay.at("09:30") + " SYNCED");
        assertThat(day.reports(ReportKind.REALTIME)).filteredOn(r -> r.acquiredAt().isAfter(PlantDay.at("09:30")))
                .extracting(Report::clock).containsOnly(ClockQuality.SYNCED);
    }
}
