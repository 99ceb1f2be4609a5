package dev.lantian.agent.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaselineLearnerTest {

    @Test
    void theBaselineIsTheMedianOfRunningPowerOverTheLearnDaysAndMemoryStaysBounded() {
        BaselineLearner l = new BaselineLearner(14);
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        assertThat(l.baseline()).isEmpty();
        // 30 days at one sample a minute: 60 kW for the first 16 days, then 90 kW
        for (int m = 0; m < 30 * 24 * 60; m++) {
            Instant t = t0.plus(Duration.ofMinutes(m));
            l.add(t, m < 16 * 24 * 60 ? 60 : 90);
        }
        assertThat(l.baseline()).hasValue(90); // the 60 kW days fell out of the 14-day window
        assertThat(l.hoursKept()).isLessThanOrEqualTo(14 * 24 + 1);
    }

    @Test
    void hoursAreWeightedByHowMuchTheUnitRanInThem() {
        BaselineLearner l = new BaselineLearner(14);
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        for (int s = 0; s < 50; s++) {
            l.add(t0.plusSeconds(s), 40); // a short hour at 40
        }
        for (int s = 0; s < 3600; s += 5) {
            l.add(t0.plus(Duration.ofHours(1)).plusSeconds(s), 80); // a full hour at 80
        }
        l.add(t0.plus(Duration.ofHours(3)), 80);
        assertThat(l.baseline()).hasValue(80);
    }
}
