package dev.lantian.simulator.device;

import dev.lantian.simulator.plant.Plant;
import dev.lantian.simulator.plant.ScenarioLoader;
import java.time.Duration;

/** The shipped demo day's plant, advanced to 10:00 local (both lines and both treatment units run). */
final class DemoPlant {
    private DemoPlant() {
    }

    private static Plant at10;

    /** Shared: tests only read it (nobody advances it further). */
    static synchronized Plant at10() {
        if (at10 == null) {
            try {
                Plant plant = new Plant(ScenarioLoader.shipped("demo-day"));
                plant.advanceTo(plant.scenario().start().plus(Duration.ofHours(10)));
                at10 = plant;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return at10;
    }
}
