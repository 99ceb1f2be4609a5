package dev.lantian.simulator.bench;

import dev.lantian.simulator.bureau.BureauTally;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The figures of one bench run, and their plain-text report. */
public record BenchResult(BenchRun.Settings settings, long samples, Duration feedWall, Duration endToEnd,
                          long created, BureauTally tally, Latencies latencies, Optional<Long> rssKb,
                          Optional<Duration> cpu, Duration wall) {

    public double samplesPerSecond() {
        return samples / Math.max(1e-9, feedWall.toNanos() / 1e9);
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "bench: %d board(s) × %d channel(s), %d s of board time each, %s%n",
                settings.boards(), settings.channels(), settings.boardTime().toSeconds(),
                settings.speed() == 0 ? "fed as fast as taken" : "paced at ×" + settings.speed()));
        b.append(String.format(Locale.ROOT, "samples         %d in %.2f s through the pipeline: %.0f samples/s%n",
                samples, feedWall.toNanos() / 1e9, samplesPerSecond()));
        b.append(String.format(Locale.ROOT, "reports         created %d · received %d · gaps %d · dups %d · invalid %d (all in %.2f s)%n",
                created, tally.accepted(), tally.gaps(), tally.duplicates(), tally.invalid(), endToEnd.toNanos() / 1e9));
        if (latencies.count() == 0) {
            b.append("latency         no report arrived\n");
        } else {
            b.append(String.format(Locale.ROOT,
                    "latency         p50 %.1f ms · p99 %.1f ms · max %.1f ms (n=%d; newest sample acquired → bureau received, wall clock)%n",
                    latencies.percentile(50) / 1000.0, latencies.percentile(99) / 1000.0,
                    latencies.percentile(100) / 1000.0, latencies.count()));
        }
        b.append("RSS             ").append(rssKb.map(kb -> String.format(Locale.ROOT, "%.1f MB", kb / 1024.0))
                .orElse("unknown (no /proc)")).append(" (whole JVM, broker and bureau included)\n");
        b.append("CPU time        ").append(cpu.map(c -> String.format(Locale.ROOT, "%.2f s", c.toNanos() / 1e9))
                .orElse("unknown")).append(String.format(Locale.ROOT, " over %.2f s wall (whole JVM)%n", wall.toNanos() / 1e9));
        return b.toString();
    }
}
