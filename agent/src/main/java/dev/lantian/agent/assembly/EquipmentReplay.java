package dev.lantian.agent.assembly;

import dev.lantian.agent.equipment.EquipmentMonitor;
import dev.lantian.agent.equipment.EventNotice;
import dev.lantian.agent.equipment.MonitorCsv;
import dev.lantian.agent.equipment.MonitorSettings;
import dev.lantian.agent.equipment.MonitorSink;
import dev.lantian.agent.equipment.StateChange;
import dev.lantian.agent.measure.Replay;
import dev.lantian.agent.model.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The equipment stage's part of a replay: the live {@link EquipmentMonitor}, fed the replayed
 * samples, writing {@code events.csv} and {@code states.csv}. The monitor is judged up to the last
 * sample and no further, so the end of the file is not mistaken for every meter going silent.
 */
public final class EquipmentReplay implements Replay.Listener, MonitorSink {
    private final MonitorSettings settings;
    private final List<EventNotice> notices = new ArrayList<>();
    private final List<StateChange> changes = new ArrayList<>();
    private EquipmentMonitor monitor;

    public EquipmentReplay(MonitorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void sample(Sample sample) {
        if (monitor == null) {
            monitor = new EquipmentMonitor(settings, this, sample.time());
        }
        monitor.onSample(sample);
    }

    @Override
    public void finished(Instant lastSample, Path outputDir) throws IOException {
        if (monitor != null && lastSample != null) {
            monitor.tick(lastSample);
        }
        MonitorCsv csv = new MonitorCsv(settings.zone());
        try (BufferedWriter w = Files.newBufferedWriter(outputDir.resolve("events.csv"), StandardCharsets.UTF_8)) {
            csv.writeEvents(w, notices);
        }
        try (BufferedWriter w = Files.newBufferedWriter(outputDir.resolve("states.csv"), StandardCharsets.UTF_8)) {
            csv.writeStatesHeader(w);
            for (StateChange c : changes) {
                csv.writeState(w, c);
            }
        }
    }

    @Override
    public void onEvent(EventNotice notice) {
        notices.add(notice);
    }

    @Override
    public void onStateChange(StateChange change) {
        changes.add(change);
    }

    public int events() {
        return (int) notices.stream().map(n -> n.event().id()).distinct().count();
    }
}
