package dev.lantian.hardware.sensor.ads1115;

/** How a clamp's secondary signal becomes primary current. */
public sealed interface CurrentClamp {

    /** Primary RMS current for an RMS voltage measured at the ADC input. */
    double amps(double voltsRms);

    /**
     * A current-output transformer (e.g. SCT-013-000, 100 A : 50 mA) loaded by a burden resistor:
     * I = Vrms / burden * ratio.
     *
     * @param ratio       turns ratio, primary over secondary current (2000 for 100 A : 50 mA)
     * @param burdenOhms  burden resistor across the secondary
     */
    record CurrentOutput(double ratio, double burdenOhms) implements CurrentClamp {
        public CurrentOutput {
            if (!(ratio > 0) || !(burdenOhms > 0)) {
                throw new IllegalArgumentException("CT ratio and burden must be positive");
            }
        }

        @Override
        public double amps(double voltsRms) {
            return voltsRms / burdenOhms * ratio;
        }
    }

    /** A voltage-output clamp with its burden built in (e.g. SCT-013-030: 30 A per 1 V). */
    record VoltageOutput(double ampsPerVolt) implements CurrentClamp {
        public VoltageOutput {
            if (!(ampsPerVolt > 0)) {
                throw new IllegalArgumentException("amps per volt must be positive");
            }
        }

        @Override
        public double amps(double voltsRms) {
            return voltsRms * ampsPerVolt;
        }
    }
}
