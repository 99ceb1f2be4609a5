package dev.lantian.simulator.demo;

/** Where the demo gets its plant and board: the simulator's plant and the agent's {@code Board}. */
public final class DemoSetups {
    private DemoSetups() {
    }

    public static DemoSetup.Factory simulator() {
        return SimDemoSetup::open;
    }
}
