package dev.lantian.agent.measure;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;

/**
 * A sample kept out of every statistic, with the reason. It still goes to the store (the raw record),
 * and it is counted in the period's flag tally under {@link Reason#tallyFlag()}.
 *
 * @param sample the sample exactly as received (raw value)
 */
public record Rejected(Sample sample, Reason reason, String detail) implements MeasureOutput {

    @Override
    public String channel() {
        return sample.channel();
    }

    public enum Reason {
        /** No such channel in the settings. */
        UNKNOWN_CHANNEL,
        /** Taken during the sensor's warm-up after power-on. */
        WARM_UP,
        /** Hampel filter: too far from the median of the recent values. */
        SPIKE,
        /** Its time falls in a period already closed (clock stepped back, or delivered out of order). */
        LATE;

        /**
         * How the rejected sample counts in its minute's flag tally: a warming-up instrument is not yet
         * measuring (F); a spike is a fault reading (D). Unknown and late samples enter no period.
         */
        public QualityFlag tallyFlag() {
            return switch (this) {
                case WARM_UP -> QualityFlag.F;
                case SPIKE -> QualityFlag.D;
                case UNKNOWN_CHANNEL, LATE -> null;
            };
        }
    }
}
