package dev.lantian.agent.assembly;

import dev.lantian.agent.acquire.DeviceCounters;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the heartbeat carries: the uplink's and the acquisition's counters as values named
 * {@code agent.<counter>}, so the bureau can chart them, and the same in one readable line.
 */
final class Heartbeat {
    private Heartbeat() {
    }

    static List<ReportValue> values(PipelineView v) {
        List<ReportValue> out = new ArrayList<>();
        long requests = 0;
        long responses = 0;
        long timeouts = 0;
        long checksum = 0;
        long isolated = 0;
        long failedPolls = 0;
        long silent = 0;
        for (DeviceCounters c : v.acquisition()) {
            failedPolls += c.failedPolls();
            silent += c.consecutiveFailures() > 0 ? 1 : 0;
            requests += c.requests();
            responses += c.responses();
            timeouts += c.timeouts();
            checksum += c.checksumErrors();
            isolated += c.isolated() ? 1 : 0;
        }
        add(out, "agent.acquisition.requests", requests);
        add(out, "agent.acquisition.responses", responses);
        add(out, "agent.acquisition.timeouts", timeouts);
        add(out, "agent.acquisition.checksum_errors", checksum);
        add(out, "agent.acquisition.isolated_devices", isolated);
        add(out, "agent.acquisition.failed_polls", failedPolls);
        add(out, "agent.acquisition.silent_devices", silent);
        add(out, "agent.samples", v.samples());
        add(out, "agent.samples.rejected", v.rejected());
        add(out, "agent.reports", v.reports());
        add(out, "agent.reports.held", v.held());
        add(out, "agent.reports.dropped", v.dropped());
        add(out, "agent.store.failures", v.storeFailures());
        add(out, "agent.uplink.connected", v.uplink().connected() ? 1 : 0);
        add(out, "agent.uplink.pending", v.uplink().pending());
        add(out, "agent.uplink.published", v.uplink().published());
        add(out, "agent.uplink.acknowledged", v.uplink().acknowledged());
        add(out, "agent.uplink.reconnects", v.uplink().reconnects());
        return out;
    }

    static String detail(PipelineView v) {
        return String.format(Locale.ROOT, "uplink %s %s, %d pending; %d samples (%d rejected), %d reports; %d devices",
                v.uplink().target(), v.uplink().connected() ? "connected" : "disconnected", v.uplink().pending(),
                v.samples(), v.rejected(), v.reports(), v.acquisition().size())
                + v.uplink().lastError().map(e -> "; last uplink error: " + e).orElse("");
    }

    private static void add(List<ReportValue> out, String name, long value) {
        out.add(new ReportValue(name, null, null, value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1,
                QualityFlag.N, true));
    }
}
