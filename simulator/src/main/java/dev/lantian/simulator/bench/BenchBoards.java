package dev.lantian.simulator.bench;

/** The boards the bench loads: the agent's pipeline with its SQLite store and MQTT uplink. */
public final class BenchBoards {
    private BenchBoards() {
    }

    public static BenchBoard.Factory pipeline() {
        return PipelineBenchBoard::new;
    }
}
