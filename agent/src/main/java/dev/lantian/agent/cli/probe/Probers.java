package dev.lantian.agent.cli.probe;

import java.util.Map;
import java.util.TreeMap;

/** Every device kind {@code probe} knows, by its name on the command line. */
public final class Probers {
    private Probers() {
    }

    public static Map<String, Prober> all() {
        Map<String, Prober> all = new TreeMap<>(SensorProbers.all());
        for (Map<String, Prober> more : java.util.List.of(I2cProbers.all(), FieldbusProbers.all())) {
            more.forEach((name, prober) -> {
                if (all.putIfAbsent(name, prober) != null) {
                    throw new IllegalStateException("two probers claim device kind " + name);
                }
            });
        }
        return all;
    }
}
