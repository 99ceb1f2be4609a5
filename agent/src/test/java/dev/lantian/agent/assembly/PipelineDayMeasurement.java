package dev.lantian.agent.assembly;

import java.util.List;

/**
 * How long the pipeline takes for the plant's day (two hours of samples of 10 channels at 5 s, then
 * a tick a minute to midnight, into a memory outbox): a figure for BENCHMARKS.md, not a test.
 * Run: {@code java -cp agent/target/classes:agent/target/test-classes:$(cat cp.txt) dev.lantian.agent.assembly.PipelineDayMeasurement 20}
 */
public final class PipelineDayMeasurement {
    private PipelineDayMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int samples = PlantDay.samples().values().stream().mapToInt(List::size).sum();
        for (int i = 0; i < rounds; i++) {
            PlantDay day = new PlantDay();
            long t0 = System.nanoTime();
            day.runDay();
            long ns = System.nanoTime() - t0;
            if (i >= rounds / 2) {
                System.out.printf("round %d: %d samples, %d reports in %.1f ms (%.1f us per sample incl. ticks)%n", i,
                        samples, day.reports().size(), ns / 1e6, ns / 1e3 / samples);
            }
        }
    }
}
