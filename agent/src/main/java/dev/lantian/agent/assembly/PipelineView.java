package dev.lantian.agent.assembly;

import dev.lantian.agent.acquire.DeviceCounters;
import dev.lantian.agent.equipment.MonitorView;
import dev.lantian.agent.measure.MeasureView;
import dev.lantian.agent.uplink.UplinkView;
import java.time.Instant;
import java.util.List;

/**
 * Every stage's current view at {@code at}, for the console and the heartbeat.
 *
 * @param samples  samples accepted since start (raw, before any judgement)
 * @param rejected samples measurement kept out of every statistic (still stored raw)
 * @param reports  reports appended to the outbox since start
 * @param held     reports waiting because the store refused the last append
 * @param storeFailures appends (reports or raw samples) the store refused
 * @param dropped  reports given up after the store refused them for too long
 */
public record PipelineView(Instant at, List<DeviceCounters> acquisition, MeasureView measure, MonitorView monitor,
                           UplinkView uplink, long samples, long rejected, long reports, long held,
                           long storeFailures, long dropped) {
    public PipelineView {
        acquisition = List.copyOf(acquisition);
    }
}
