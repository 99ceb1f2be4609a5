package dev.lantian.agent.measure;

import dev.lantian.agent.model.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a file of raw samples through the same {@link MeasurementStage} the live agent uses and writes
 * what came out:
 * <ul>
 *   <li>{@code aggregates.csv}: {@code channel,period,start,avg,min,max,count,flag,valid}; period
 *       {@code minute} (the site's minute interval), {@code hour} or {@code day}; start in the site's offset;
 *       numbers with 3 decimals, empty when nothing was read;</li>
 *   <li>{@code alarms.csv}: {@code limit,channel,severity,start,end,threshold,peak}; end empty for an
 *       alarm still raised when the input ended;</li>
 *   <li>{@code rejected.csv}: {@code channel,time,value,flag,reason,detail}: every sample kept out of the
 *       statistics, so none disappears.</li>
 * </ul>
 * After the last sample the stage is flushed to the end of that sample's local day, so every period the
 * input touches is reported (judged with what arrived). A malformed input runs nothing and writes
 * nothing: {@link ReplayInputException} lists every bad line.
 */
public final class Replay {
    public static final String AGGREGATES_HEADER = "channel,period,start,avg,min,max,count,flag,valid";
    public static final String ALARMS_HEADER = "limit,channel,severity,start,end,threshold,peak";
    public static final String REJECTED_HEADER = "channel,time,value,flag,reason,detail";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final MeasureSettings settings;

    public Replay(MeasureSettings settings) {
        this.settings = settings;
    }

    /**
     * Another stage fed the same samples in the same order (the equipment stage, for the site
     * replay), so a replay never reads its input twice or in two ways.
     */
    public interface Listener {
        void sample(Sample sample);

        /** Called once after the last sample; {@code lastSample} is null for an input without samples. */
        void finished(Instant lastSample, Path outputDir) throws IOException;
    }

    /** What a replay produced. */
    public record Summary(int samples, int aggregates, int alarms, int rejected) {
    }

    public Summary run(Path input, Path outputDir) throws IOException, ReplayInputException {
        return run(input, outputDir, null);
    }

    public Summary run(Path input, Path outputDir, Listener listener) throws IOException, ReplayInputException {
        List<Sample> samples = ReplayInput.read(input, settings.channels().stream().map(ChannelSettings::id).collect(Collectors.toSet()));
        MeasurementStage stage = new MeasurementStage(settings);
        List<Aggregate> aggregates = new ArrayList<>();
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        Instant last = null;
        for (Sample s : samples) {
            collect(stage.accept(s), aggregates, alarms, rejected);
            if (listener != null) {
                listener.sample(s);
            }
            last = last == null || s.time().isAfter(last) ? s.time() : last;
        }
        if (last != null) {
            Instant endOfDay = last.atZone(settings.zone()).toLocalDate().plusDays(1).atStartOfDay(settings.zone()).toInstant();
            collect(stage.flush(endOfDay), aggregates, alarms, rejected);
        }
        Files.createDirectories(outputDir);
        writeAggregates(outputDir.resolve("aggregates.csv"), aggregates);
        writeAlarms(outputDir.resolve("alarms.csv"), alarms.values());
        writeRejected(outputDir.resolve("rejected.csv"), rejected);
        if (listener != null) {
            listener.finished(last, outputDir);
        }
        return new Summary(samples.size(), aggregates.size(), alarms.size(), rejected.size());
    }

    private static void collect(List<MeasureOutput> outputs, List<Aggregate> aggregates, Map<String, Alarm> alarms, List<Rejected> rejected) {
        for (MeasureOutput o : outputs) {
            if (o instanceof Aggregate a) {
                aggregates.add(a);
            } else if (o instanceof Alarm a) {
                // one line per exceedance: the CLEARED record replaces its RAISED one
                alarms.put(a.limitId() + "@" + a.start(), a);
            } else if (o instanceof Rejected r) {
                rejected.add(r);
            }
        }
    }

    private void writeAggregates(Path file, List<Aggregate> aggregates) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(AGGREGATES_HEADER);
            w.newLine();
            for (Aggregate a : aggregates) {
                w.write(String.join(",", a.channel(), a.period().label(), time(a.start()), number(a.avg()), number(a.min()),
                        number(a.max()), Integer.toString(a.count()), String.valueOf(a.flag().code()), Boolean.toString(a.valid())));
                w.newLine();
            }
        }
    }

    private void writeAlarms(Path file, Iterable<Alarm> alarms) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(ALARMS_HEADER);
            w.newLine();
            for (Alarm a : alarms) {
                w.write(String.join(",", a.limitId(), a.channel(), a.severity(), time(a.start()), a.end() == null ? "" : time(a.end()),
                        number(a.threshold()), number(a.peak())));
                w.newLine();
            }
        }
    }

    private void writeRejected(Path file, List<Rejected> rejected) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(REJECTED_HEADER);
            w.newLine();
            for (Rejected r : rejected) {
                Sample s = r.sample();
                w.write(String.join(",", s.channel(), time(s.time()), number(s.value()), String.valueOf(s.flag().code()),
                        r.reason().name(), r.detail().replace(',', ';')));
                w.newLine();
            }
        }
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(settings.zone()));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
