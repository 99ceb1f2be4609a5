package dev.lantian.agent.measure;

import dev.lantian.hardware.reading.QualityFlag;

/**
 * A period built from the closed periods below it: the minute interval and the hour from one-minute
 * values, the day from hours. The average is the mean of the valid children's averages (of all
 * children with a value when none is valid); the flag comes from the children's flags, an empty child
 * counting as B.
 */
final class LevelAccumulator {
    long start;
    long end;
    private final Tally tally = new Tally();
    private final Stats valid = new Stats();
    private final Stats any = new Stats();
    private int count;
    private double increase;
    private int notes;

    void open(long periodStart, long periodEnd) {
        start = periodStart;
        end = periodEnd;
        tally.clear();
        valid.clear();
        any.clear();
        count = 0;
        increase = 0.0;
        notes = 0;
    }

    void add(Unit child) {
        tally.add(child.flag());
        count += child.count();
        notes |= child.notes();
        if (!Double.isNaN(child.increase())) {
            increase += child.increase();
        }
        if (child.hasValue()) {
            any.add(child.avg(), child.min(), child.max());
            if (child.valid()) {
                valid.add(child.avg(), child.min(), child.max());
            }
        }
    }

    Unit close(int requiredValidChildren, boolean cumulative, ClockSteps steps) {
        int allNotes = notes | (steps.touches(start, end) ? Note.CLOCK_STEP.bit() : 0);
        Stats source = valid.n > 0 ? valid : any;
        QualityFlag flag = (allNotes & Note.CLOCK_STEP.bit()) != 0 ? QualityFlag.D : tally.flag();
        return new Unit(start, end, source.avg(), source.n > 0 ? source.min : Double.NaN,
                source.n > 0 ? source.max : Double.NaN, count, valid.n, valid.n >= requiredValidChildren, flag,
                cumulative ? increase : Double.NaN, allNotes);
    }
}
