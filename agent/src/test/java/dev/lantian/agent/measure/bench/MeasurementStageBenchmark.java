package dev.lantian.agent.measure.bench;

import dev.lantian.agent.measure.CalibrationHistory;
import dev.lantian.agent.measure.Calibration;
import dev.lantian.agent.measure.ChannelSettings;
import dev.lantian.agent.measure.MeasureSettings;
import dev.lantian.agent.measure.MeasurementStage;
import dev.lantian.agent.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Samples per second one core pushes through {@link MeasurementStage#accept} for 64 channels sampled
 * once a second: every channel with 5 min / 1 h / 24 h windows and a calibration, a quarter with a
 * Hampel spike filter, a quarter with a limit, an eighth are energy counters. Sample creation (the
 * acquisition side's record and Instant) is included. Run as documented in BENCHMARKS.md; not part of
 * {@code mvn verify} (not a test class).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class MeasurementStageBenchmark {
    private static final int CHANNELS = 64;
    private static final int NOISE = 4096;

    private MeasurementStage stage;
    private String[] ids;
    private double[] noise;
    private long epochSecond;
    private int channel;
    private int step;

    @Setup
    public void setUp() {
        List<ChannelSettings> channels = new ArrayList<>();
        ids = new String[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            ids[i] = "ch" + i;
            ChannelSettings c = ChannelSettings.of(ids[i], i % 2 == 0 ? "pm10" : "pm2_5", "ug/m3", Duration.ofSeconds(1))
                    .withWindows(List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24)))
                    .withValidRange(new ChannelSettings.ValidRange(0, 1000))
                    .withCalibration(CalibrationHistory.always(new Calibration.Linear(0.5, 1.02)));
            if (i % 4 == 0) {
                c = c.withSpike(new ChannelSettings.Spike(7, 3.0, 2.0));
            }
            if (i % 4 == 1) {
                c = c.withLimits(List.of(new ChannelSettings.Limit(ids[i] + "-high", 150, 130, Duration.ofMinutes(10), "warning")));
            }
            if (i % 8 == 2) {
                c = c.asCounter(100_000);
            }
            channels.add(c);
        }
        stage = new MeasurementStage(MeasureSettings.of(ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(10), Duration.ofSeconds(60), channels));
        Random random = new Random(42);
        noise = new double[NOISE];
        for (int i = 0; i < NOISE; i++) {
            noise[i] = 40 + random.nextGaussian() * 5;
        }
        epochSecond = Instant.parse("2026-11-20T00:00:00Z").getEpochSecond();
    }

    @Benchmark
    public int acceptOneSample() {
        int c = channel;
        double value = (c & 7) == 2 ? epochSecond * 0.001 : noise[step & (NOISE - 1)];
        Sample s = Sample.normal(ids[c], Instant.ofEpochSecond(epochSecond), value);
        if (++channel == CHANNELS) {
            channel = 0;
            epochSecond++;
        }
        step++;
        return stage.accept(s).size();
    }
}
