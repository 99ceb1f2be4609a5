package dev.lantian.simulator.bench;

import dev.lantian.agent.model.Sample;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** A stand-in bench board: publishes a real-time report of its samples every 30 board seconds. */
final class CountingBoard implements BenchBoard {
    private final String device;
    private final String url;
    private MqttClient client;
    private long sequence;
    long samples;

    CountingBoard(int index, String url) {
        this.device = "bench-" + index;
        this.url = url;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String topicPrefix() {
        return "lantian";
    }

    @Override
    public void start() {
        try {
            client = new MqttClient(url, device, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMaxInflight(1000);
            client.connect(o);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void feed(List<Sample> poll, Instant t) {
        samples += poll.size();
        if (t.getEpochSecond() % 30 != 0) {
            return;
        }
        List<ReportValue> values = poll.stream()
                .map(s -> ReportValue.realtime(s.channel(), null, null, s.value(), s.flag())).toList();
        Report r = new Report(device, ++sequence, ReportKind.REALTIME, null, null, t, t, ClockQuality.SYNCED, values,
                null, false);
        try {
            client.publish("lantian/bench/" + device + "/realtime", ReportJson.write(r).getBytes(StandardCharsets.UTF_8),
                    1, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long reportsCreated() {
        return sequence;
    }

    @Override
    public long reportsPending() {
        return 0;
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.disconnect();
                client.close();
            }
        } catch (MqttException e) {
            // stand-in
        }
    }
}
