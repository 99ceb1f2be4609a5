package dev.lantian.agent.measure;

import java.util.Arrays;

/**
 * Causal Hampel filter over the last {@code window} values (the new one included): a value further
 * than threshold × max(1.4826 × MAD, minScale) from the window median is a spike. Rejected values stay
 * in the window, so a real level shift is accepted once it holds for half a window instead of being
 * rejected forever. Allocation-free after construction.
 */
final class HampelFilter {
    /** Makes the MAD a consistent estimator of the standard deviation for normal data. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final double[] ring;
    private final double[] scratch;
    private final double threshold;
    private final double minScale;
    private int size;
    private int next;

    HampelFilter(ChannelSettings.Spike settings) {
        ring = new double[settings.window()];
        scratch = new double[settings.window()];
        threshold = settings.threshold();
        minScale = settings.minScale();
    }

    /** Forgets the window: after a gap, old values say nothing about the new ones. */
    void reset() {
        size = 0;
        next = 0;
    }

    /** Adds the value and says whether it is a spike against the window it now belongs to. */
    boolean isSpike(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        if (size < ring.length) {
            size++;
            return false;
        }
        System.arraycopy(ring, 0, scratch, 0, ring.length);
        double median = median(scratch);
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = Math.abs(ring[i] - median);
        }
        double scale = Math.max(MAD_TO_SIGMA * median(scratch), minScale);
        return Math.abs(value - median) > threshold * scale;
    }

    private static double median(double[] a) {
        Arrays.sort(a);
        int n = a.length;
        return (n & 1) == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }
}
