package dev.lantian.agent.measure;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Turns a raw reading into a value in the channel's unit. */
public sealed interface Calibration permits Calibration.Linear, Calibration.Polynomial {

    double apply(double raw);

    Calibration IDENTITY = new Linear(0.0, 1.0);

    /** Zero/span calibration as the technician does it with zero gas and span gas: {@code (raw − zero) × span}. */
    record Linear(double zero, double span) implements Calibration {
        public Linear {
            if (!Double.isFinite(zero) || !Double.isFinite(span) || span == 0.0) {
                throw new IllegalArgumentException("zero must be finite and span finite and non-zero");
            }
        }

        @Override
        public double apply(double raw) {
            return (raw - zero) * span;
        }
    }

    /** {@code c0 + c1·raw + c2·raw² …}: the result of a least-squares fit against reference readings. */
    record Polynomial(double[] coefficients) implements Calibration {
        public Polynomial {
            if (coefficients.length == 0) {
                throw new IllegalArgumentException("a polynomial needs at least one coefficient");
            }
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        @Override
        public double apply(double raw) {
            double result = 0.0;
            for (int i = coefficients.length - 1; i >= 0; i--) {
                result = result * raw + coefficients[i];
            }
            return result;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Polynomial p && Arrays.equals(coefficients, p.coefficients);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(coefficients);
        }

        @Override
        public String toString() {
            return "Polynomial" + Arrays.toString(coefficients);
        }
    }

    /** A co-located reading: what our sensor said and what the reference instrument said. */
    record ReferencePair(double raw, double reference) {
    }

    /**
     * Least-squares fit of the reference against the raw readings: degree 1 by ordinary linear regression,
     * higher degrees by Commons Math's polynomial fitter. Needs more pairs than the degree.
     */
    static Calibration fit(List<ReferencePair> pairs, int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be at least 1");
        }
        if (pairs.size() <= degree) {
            throw new IllegalArgumentException("a degree " + degree + " fit needs at least " + (degree + 1) + " reference pairs, got " + pairs.size());
        }
        if (degree == 1) {
            SimpleRegression regression = new SimpleRegression(true);
            pairs.forEach(p -> regression.addData(p.raw(), p.reference()));
            double slope = regression.getSlope();
            if (!Double.isFinite(slope)) {
                throw new IllegalArgumentException("reference pairs do not determine a line (all raw readings equal?)");
            }
            return new Polynomial(new double[] {regression.getIntercept(), slope});
        }
        WeightedObservedPoints points = new WeightedObservedPoints();
        pairs.forEach(p -> points.add(p.raw(), p.reference()));
        return new Polynomial(PolynomialCurveFitter.create(degree).fit(points.toList()));
    }
}
