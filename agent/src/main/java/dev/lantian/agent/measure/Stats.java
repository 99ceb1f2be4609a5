package dev.lantian.agent.measure;

/** Count, sum, min and max of a handful of values; mutable, reused per period. */
final class Stats {
    int n;
    double sum;
    double min;
    double max;

    void clear() {
        n = 0;
        sum = 0.0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    void add(double value) {
        n++;
        sum += value;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    void add(double avg, double lo, double hi) {
        n++;
        sum += avg;
        min = Math.min(min, lo);
        max = Math.max(max, hi);
    }

    double avg() {
        return n == 0 ? Double.NaN : sum / n;
    }
}
