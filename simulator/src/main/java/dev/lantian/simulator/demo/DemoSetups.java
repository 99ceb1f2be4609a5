package dev.lantian.simulator.demo;

/**
 * Where the demo gets its plant and board. The simulator's plant (package {@code simulator.plant})
 * and the agent's {@code Board} are wired in {@link #simulator()}.
 */
public final class DemoSetups {
    private DemoSetups() {
    }

    public static DemoSetup.Factory simulator() {
        return options -> {
            throw new IllegalStateException("the demo needs the virtual plant (simulator.plant) and the agent's Board "
                    + "(agent.assembly.Board) with the SQLite store and the MQTT uplink; they are not wired into this build yet");
        };
    }
}
