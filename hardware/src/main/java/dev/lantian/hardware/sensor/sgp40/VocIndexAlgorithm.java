package dev.lantian.hardware.sensor.sgp40;

/**
 * Sensirion's Gas Index Algorithm in VOC mode (version 3.x, as published in the repository
 * Sensirion/gas-index-algorithm and described in Sensirion's application note "SGP40 VOC Index for
 * Indoor Air Applications"): turns the SGP40's raw signal, sampled every second, into the VOC index
 * 1-500 where 100 is the average of the sensor's recent past.
 *
 * <p>This is an independent implementation in double precision of the same arithmetic. Sensirion's C
 * code uses 16.16 fixed point; its exponential drops the argument's remainder below 1/512, which
 * shifts the index by up to about 0.2 points, and {@link #exp} reproduces that on purpose. With it
 * the output equals Sensirion's published reference vector on every sample (see the test). The
 * pieces: an initial blackout of 45 samples (index 0); an adaptive mean/variance estimator of the raw
 * signal with fast learning for the first hours and gating while the index is high; a MOX model
 * mapping the deviation from the mean to an index (a LOWER raw signal means MORE VOC, so a higher
 * index); a scaled sigmoid onto 0-500; and an adaptive low-pass filter.
 *
 * <p>Stateful and not thread-safe; feed it one sample per second (the driver's poll period).
 */
public final class VocIndexAlgorithm {
    static final int BLACKOUT_SAMPLES = 45;
    private static final double SAMPLING_INTERVAL = 1.0;
    private static final double INDEX_OFFSET = 100.0;
    private static final int SRAW_MINIMUM = 20_000;
    private static final double GATING_MAX_DURATION_MINUTES = 180.0;
    private static final double INIT_DURATION_MEAN = 3600.0 * 0.75;
    private static final double INIT_DURATION_VARIANCE = 3600.0 * 1.45;
    private static final double INIT_TRANSITION = 0.01;
    private static final double GATING_THRESHOLD = 340.0;
    private static final double GATING_THRESHOLD_INITIAL = 510.0;
    private static final double GATING_THRESHOLD_TRANSITION = 0.09;
    private static final double GATING_MAX_RATIO = 0.3;
    private static final double INDEX_GAIN = 230.0;
    private static final double TAU_MEAN_HOURS = 12.0;
    private static final double TAU_VARIANCE_HOURS = 12.0;
    private static final double TAU_INITIAL_MEAN = 20.0;
    private static final double TAU_INITIAL_VARIANCE = 2500.0;
    private static final double SRAW_STD_INITIAL = 50.0;
    private static final double SRAW_STD_BONUS = 220.0;
    private static final double SIGMOID_L = 500.0;
    private static final double SIGMOID_K = -0.0065;
    private static final double SIGMOID_X0 = 213.0;
    private static final double LP_TAU_FAST = 20.0;
    private static final double LP_TAU_SLOW = 500.0;
    private static final double LP_ALPHA = -0.2;
    private static final double GAMMA_SCALING = 64.0;
    private static final double ADDITIONAL_GAMMA_MEAN_SCALING = 8.0;
    /** The fixed-point original caps its uptime counters here; kept so long runs behave alike. */
    private static final double UPTIME_MAX = 32767.0;

    private static final double GAMMA_MEAN = ADDITIONAL_GAMMA_MEAN_SCALING * GAMMA_SCALING
            * (SAMPLING_INTERVAL / 3600.0) / (TAU_MEAN_HOURS + SAMPLING_INTERVAL / 3600.0);
    private static final double GAMMA_VARIANCE = GAMMA_SCALING * (SAMPLING_INTERVAL / 3600.0)
            / (TAU_VARIANCE_HOURS + SAMPLING_INTERVAL / 3600.0);
    private static final double GAMMA_INITIAL_MEAN = ADDITIONAL_GAMMA_MEAN_SCALING * GAMMA_SCALING
            * SAMPLING_INTERVAL / (TAU_INITIAL_MEAN + SAMPLING_INTERVAL);
    private static final double GAMMA_INITIAL_VARIANCE = GAMMA_SCALING * SAMPLING_INTERVAL
            / (TAU_INITIAL_VARIANCE + SAMPLING_INTERVAL);
    private static final double LP_A1 = SAMPLING_INTERVAL / (LP_TAU_FAST + SAMPLING_INTERVAL);
    private static final double LP_A2 = SAMPLING_INTERVAL / (LP_TAU_SLOW + SAMPLING_INTERVAL);

    private double uptime;
    private double sraw;
    private double gasIndex;

    // Mean and variance estimator of the raw signal; the mean is kept as offset + small remainder.
    private boolean estimatorInitialized;
    private double mean;
    private double srawOffset;
    private double std;
    private double gammaMean;
    private double gammaVariance;
    private double uptimeGamma;
    private double uptimeGating;
    private double gatingDurationMinutes;

    // MOX model parameters, taken from the estimator after each sample.
    private double modelStd;
    private double modelMean;

    private boolean lowpassInitialized;
    private double x1;
    private double x2;
    private double x3;

    public VocIndexAlgorithm() {
        reset();
    }

    /** Forgets everything learnt, as after an interruption of the 1 s sampling. */
    public void reset() {
        uptime = 0;
        sraw = 0;
        gasIndex = 0;
        estimatorInitialized = false;
        mean = 0;
        srawOffset = 0;
        std = SRAW_STD_INITIAL;
        gammaMean = 0;
        gammaVariance = 0;
        uptimeGamma = 0;
        uptimeGating = 0;
        gatingDurationMinutes = 0;
        modelStd = std;
        modelMean = 0;
        lowpassInitialized = false;
    }

    /** True while the index is not yet defined (the first 45 samples). */
    public boolean inBlackout() {
        return uptime <= BLACKOUT_SAMPLES;
    }

    /**
     * Feeds one raw sample (ticks) and returns the VOC index: 0 during the blackout, 1-500 after.
     * Samples of 0 or at/above 65000 (sensor not ready or saturated) do not teach the estimator.
     */
    public int process(int srawTicks) {
        if (uptime <= BLACKOUT_SAMPLES) {
            uptime += SAMPLING_INTERVAL;
        } else {
            if (srawTicks > 0 && srawTicks < 65_000) {
                int clamped = Math.max(SRAW_MINIMUM + 1, Math.min(SRAW_MINIMUM + 32_767, srawTicks));
                sraw = clamped - SRAW_MINIMUM;
            }
            gasIndex = lowpass(scaledSigmoid(moxModel(sraw)));
            if (gasIndex < 0.5) {
                gasIndex = 0.5;
            }
            if (sraw > 0) {
                estimate(sraw);
                modelStd = std;
                modelMean = mean + srawOffset;
            }
        }
        return (int) Math.floor(gasIndex + 0.5);
    }

    private double moxModel(double value) {
        return (value - modelMean) / -(modelStd + SRAW_STD_BONUS) * INDEX_GAIN;
    }

    private static double scaledSigmoid(double sample) {
        double x = SIGMOID_K * (sample - SIGMOID_X0);
        if (x < -50) {
            return SIGMOID_L;
        }
        if (x > 50) {
            return 0;
        }
        if (sample >= 0) {
            // The shift keeps index 100 where the sigmoid would otherwise put it for other offsets.
            double shift = (SIGMOID_L - 5 * INDEX_OFFSET) / 4;
            return (SIGMOID_L + shift) / (1 + exp(x)) - shift;
        }
        // Below the mean: the C original scales by offset / default offset, which is 1 in VOC mode.
        return SIGMOID_L / (1 + exp(x));
    }

    private double lowpass(double sample) {
        if (!lowpassInitialized) {
            x1 = sample;
            x2 = sample;
            x3 = sample;
            lowpassInitialized = true;
        }
        x1 = (1 - LP_A1) * x1 + LP_A1 * sample;
        x2 = (1 - LP_A2) * x2 + LP_A2 * sample;
        double absDelta = Math.abs(x1 - x2);
        // Fast following when the two filters disagree (a real change), slow smoothing otherwise.
        double tau = (LP_TAU_SLOW - LP_TAU_FAST) * exp(LP_ALPHA * absDelta) + LP_TAU_FAST;
        double a3 = SAMPLING_INTERVAL / (SAMPLING_INTERVAL + tau);
        x3 = (1 - a3) * x3 + a3 * sample;
        return x3;
    }

    private void estimate(double value) {
        if (!estimatorInitialized) {
            estimatorInitialized = true;
            srawOffset = value;
            mean = 0;
            return;
        }
        if (mean >= 100 || mean <= -100) {
            srawOffset += mean;
            mean = 0;
        }
        double centred = value - srawOffset;
        updateGammas();
        double delta = (centred - mean) / GAMMA_SCALING;
        double c = std + Math.abs(delta);
        double scaling = c > 1440 ? (c / 1440) * (c / 1440) : 1;
        std = Math.sqrt(scaling * (GAMMA_SCALING - gammaVariance))
                * Math.sqrt(std * (std / (GAMMA_SCALING * scaling)) + gammaVariance * delta / scaling * delta);
        mean += gammaMean * delta / ADDITIONAL_GAMMA_MEAN_SCALING;
    }

    private void updateGammas() {
        double uptimeLimit = UPTIME_MAX - SAMPLING_INTERVAL;
        if (uptimeGamma < uptimeLimit) {
            uptimeGamma += SAMPLING_INTERVAL;
        }
        if (uptimeGating < uptimeLimit) {
            uptimeGating += SAMPLING_INTERVAL;
        }
        double initialMeanWeight = sigmoid(uptimeGamma, INIT_DURATION_MEAN, INIT_TRANSITION);
        double meanGamma = GAMMA_MEAN + (GAMMA_INITIAL_MEAN - GAMMA_MEAN) * initialMeanWeight;
        double gatingThresholdMean = GATING_THRESHOLD + (GATING_THRESHOLD_INITIAL - GATING_THRESHOLD)
                * sigmoid(uptimeGating, INIT_DURATION_MEAN, INIT_TRANSITION);
        double gatingMean = sigmoid(gasIndex, gatingThresholdMean, GATING_THRESHOLD_TRANSITION);
        gammaMean = gatingMean * meanGamma;

        double initialVarianceWeight = sigmoid(uptimeGamma, INIT_DURATION_VARIANCE, INIT_TRANSITION);
        double varianceGamma = GAMMA_VARIANCE + (GAMMA_INITIAL_VARIANCE - GAMMA_VARIANCE)
                * (initialVarianceWeight - initialMeanWeight);
        double gatingThresholdVariance = GATING_THRESHOLD + (GATING_THRESHOLD_INITIAL - GATING_THRESHOLD)
                * sigmoid(uptimeGating, INIT_DURATION_VARIANCE, INIT_TRANSITION);
        double gatingVariance = sigmoid(gasIndex, gatingThresholdVariance, GATING_THRESHOLD_TRANSITION);
        gammaVariance = gatingVariance * varianceGamma;

        // Learning is frozen while the index is high, but never for longer than the maximum gating time.
        gatingDurationMinutes += SAMPLING_INTERVAL / 60
                * ((1 - gatingMean) * (1 + GATING_MAX_RATIO) - GATING_MAX_RATIO);
        if (gatingDurationMinutes < 0) {
            gatingDurationMinutes = 0;
        }
        if (gatingDurationMinutes > GATING_MAX_DURATION_MINUTES) {
            uptimeGating = 0;
        }
    }

    /**
     * e^x the way Sensirion's reference computes it: |x| is consumed in steps of 1, 1/8, 1/64 and
     * 1/512 and the remainder below 1/512 is dropped. This bias (up to 0.2 %) is part of the
     * published behaviour; reproducing it keeps our index on the reference's side of each rounding
     * boundary. Saturates where the 16.16 original does.
     */
    static double exp(double x) {
        if (x >= 10.3972) {
            return 32768.0;
        }
        if (x <= -11.7835) {
            return 0;
        }
        double rest = Math.abs(x);
        double result = 1;
        double step = 1;
        for (int i = 0; i < 4; i++) {
            double factor = Math.exp(x < 0 ? -step : step);
            while (rest >= step) {
                result *= factor;
                rest -= step;
            }
            step /= 8;
        }
        return result;
    }

    /** Logistic step from 1 (well below {@code x0}) to 0 (well above), steepness {@code k}. */
    private static double sigmoid(double sample, double x0, double k) {
        double x = k * (sample - x0);
        if (x < -50) {
            return 1;
        }
        if (x > 50) {
            return 0;
        }
        return 1 / (1 + exp(x));
    }
}
