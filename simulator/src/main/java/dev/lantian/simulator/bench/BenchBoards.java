package dev.lantian.simulator.bench;

/** The boards the bench loads: the agent's pipeline with its store and MQTT uplink. */
public final class BenchBoards {
    private BenchBoards() {
    }

    public static BenchBoard.Factory pipeline() {
        return (index, channels, brokerUrl, start) -> {
            throw new IllegalStateException("the bench needs the agent's Pipeline (agent.assembly), the report store "
                    + "and the MQTT uplink; they are not wired into this build yet");
        };
    }
}
