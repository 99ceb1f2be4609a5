package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;

/** A closed period's result, handed up to the next level (minute → interval/hour → day). */
record Unit(long start, long end, double avg, double min, double max, int count, int validUnits, boolean valid,
            QualityFlag flag, double increase, int notes) {

    boolean hasValue() {
        return !Double.isNaN(avg);
    }
}
