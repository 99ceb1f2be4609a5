package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.agent.model.Sample;

/**
 * A sample the stage re-flagged (value untouched: never silently corrected). It enters the statistics
 * with the new flag, so it counts as not normal.
 *
 * @param sample       the raw sample as received
 * @param flag         the flag it now carries
 * @param value        its calibrated value
 */
public record Flagged(Sample sample, QualityFlag flag, double value, Cause cause) implements MeasureOutput {

    @Override
    public String channel() {
        return sample.channel();
    }

    public enum Cause {
        /**
         * Optical PM reading taken above the fog humidity threshold: flagged D. Not T: T means above the
         * instrument's range, and a fog reading is typically well inside it; the instrument is working
         * outside its valid conditions, so the number is not a valid measurement, which is what D
         * ("fault") tells the bureau.
         */
        FOG,
        /** Below the channel's valid range: flagged D. */
        BELOW_RANGE,
        /** Above the channel's valid range: flagged T. */
        ABOVE_RANGE
    }
}
