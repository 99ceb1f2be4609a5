package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;

/**
 * One wall-clock minute of one channel's samples. Kept per minute whatever the reported minute
 * interval, because hourly validity counts valid one-minute values (HJ 212: 45 of 60).
 */
final class MinuteBin {
    long start;
    long end;
    final Tally tally = new Tally();
    private final Stats normal = new Stats();
    private final Stats any = new Stats();
    private int count;
    double increase;
    int notes;

    void open(long minuteStart) {
        start = minuteStart;
        end = minuteStart + Times.NANOS_PER_MINUTE;
        tally.clear();
        normal.clear();
        any.clear();
        count = 0;
        increase = 0.0;
        notes = 0;
    }

    /** A sample that enters the statistics ({@code value} NaN when the source was silent). */
    void add(double value, QualityFlag flag) {
        tally.add(flag);
        if (!Double.isNaN(value)) {
            count++;
            any.add(value);
            if (flag.isNormal()) {
                normal.add(value);
            }
        }
    }

    Unit close(int requiredSamples, boolean cumulative, ClockSteps steps) {
        int allNotes = notes | (steps.touches(start, end) ? Note.CLOCK_STEP.bit() : 0);
        Stats source = normal.n > 0 ? normal : any;
        QualityFlag flag = (allNotes & Note.CLOCK_STEP.bit()) != 0 ? QualityFlag.D : tally.flag();
        return new Unit(start, end, source.avg(), source.n > 0 ? source.min : Double.NaN,
                source.n > 0 ? source.max : Double.NaN, count, normal.n, normal.n >= requiredSamples, flag,
                cumulative ? increase : Double.NaN, allNotes);
    }
}
