package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.equipment.InMemoryMonitorStateStore;
import dev.lantian.agent.equipment.RecentSamples;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportDraft;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A store that refuses for a while (disk full, IO error) neither stops the pipeline nor loses a report. */
class PipelineStoreFailureTest {

    /** Refuses every append while {@link #refusing} is set. */
    static final class RefusingOutbox implements Outbox {
        final MemoryOutbox inner;
        final AtomicBoolean refusing = new AtomicBoolean();

        RefusingOutbox(MemoryOutbox inner) {
            this.inner = inner;
        }

        @Override
        public List<Report> append(List<ReportDraft> drafts) {
            if (refusing.get()) {
                throw new IllegalStateException("disk full");
            }
            return inner.append(drafts);
        }

        @Override
        public List<Report> oldestPending(int max) {
            return inner.oldestPending(max);
        }

        @Override
        public List<Report> newestPending(int max) {
            return inner.newestPending(max);
        }

        @Override
        public void acknowledge(String device, long sequence) {
            inner.acknowledge(device, sequence);
        }

        @Override
        public long pendingCount() {
            return inner.pendingCount();
        }
    }

    @Test
    void reportsHeldWhileTheStoreRefusesAreStoredInOrderOnceItAcceptsAgain() throws Exception {
        VirtualClock clock = new VirtualClock(PlantDay.START, FilterStopDay.SHANGHAI);
        RefusingOutbox outbox = new RefusingOutbox(new MemoryOutbox(clock));
        Pipeline pipeline = new Pipeline(Pipeline.Parts.forSite(ConfigLoader.load(PlantDay.CONFIG),
                ClockQualitySource.fixed(ClockQuality.SYNCED), new InMemoryMonitorStateStore(), RecentSamples.NONE, AliveMarker.inMemory(), outbox,
                samples -> {
                    throw new IllegalStateException("raw table locked");
                }, new RecordingUplink(), List::of, null), PipelineSettings.defaults(), PlantDay.START);

        Instant refuseFrom = PlantDay.at("09:05");
        Instant acceptFrom = PlantDay.at("09:25");
        for (Map.Entry<Instant, List<Sample>> e : PlantDay.samples().headMap(PlantDay.at("09:40")).entrySet()) {
            outbox.refusing.set(!e.getKey().isBefore(refuseFrom) && e.getKey().isBefore(acceptFrom));
            clock.set(e.getKey());
            pipeline.acceptAll(e.getValue());
            pipeline.tick(e.getKey());
            if (outbox.refusing.get()) {
                assertThat(pipeline.view().held()).isPositive();
            }
        }

        List<Report> minutes = outbox.inner.oldestPending(Integer.MAX_VALUE).stream()
                .filter(r -> r.kind() == ReportKind.MINUTE).toList();
        assertThat(minutes).extracting(Report::periodStart)
                .containsExactly(PlantDay.at("09:00"), PlantDay.at("09:10"), PlantDay.at("09:20"));
        List<Report> all = outbox.inner.oldestPending(Integer.MAX_VALUE);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isGreaterThan(all.get(i - 1).sequence());
        }
        PipelineView view = pipeline.view();
        assertThat(view.held()).isZero();
        assertThat(view.dropped()).isZero();
        assertThat(view.storeFailures()).isPositive();
        assertThat(view.samples()).isEqualTo(PlantDay.samples().headMap(PlantDay.at("09:40")).values().stream()
                .mapToInt(List::size).sum());
    }
}
