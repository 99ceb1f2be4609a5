package dev.lantian.simulator.demo;

import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportEvent;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.reading.QualityFlag;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in board for testing the demo's orchestration: one minute report per plant minute and the
 * events it is told to flag, published through Paho like the real uplink, with a retained "online"
 * and an "offline" last will. It can be told to skip a sequence number, as a board losing a report
 * would; it never reconnects, so whatever it makes while disconnected is lost.
 */
final class ScriptedBoard implements DemoAgent {
    record Flag(String rule, String equipment, Instant start, Instant end) {
    }

    private final String device;
    private final List<Flag> flags;
    private final Set<Long> skipped;
    final List<String> commands = new CopyOnWriteArrayList<>();
    boolean answers = true;
    private final java.util.concurrent.ExecutorService replier = java.util.concurrent.Executors.newSingleThreadExecutor();
    private final Set<Flag> opened = new HashSet<>();
    private final Set<Flag> closed = new HashSet<>();
    private MqttClient client;
    private Instant nextMinute;
    private long sequence;
    private long created;

    ScriptedBoard(String device, List<Flag> flags, Set<Long> skipped) {
        this.device = device;
        this.flags = flags;
        this.skipped = skipped;
    }

    @Override
    public void start(String brokerUrl, Instant start) {
        try {
            client = new MqttClient(brokerUrl, device, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            // Paho's synchronous publish can return before its in-flight count drops (on a busy machine
            // the ten-message default then refuses a publish); the real uplink has its own window
            o.setMaxInflight(1000);
            o.setWill(topic("state"), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
            client.connect(o);
            client.subscribe(topic("command"), 1, (t, m) -> {
                commands.add(new String(m.getPayload(), StandardCharsets.UTF_8));
                if (answers) {
                    // never publish from Paho's callback thread: a blocking publish there can wait on itself
                    replier.execute(() -> {
                        try {
                            client.publish(topic("reply"), "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
                        } catch (MqttException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            });
            MqttMessage online = new MqttMessage("online".getBytes(StandardCharsets.UTF_8));
            online.setRetained(true);
            client.publish(topic("state"), online);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
        nextMinute = start.plusSeconds(60);
    }

    @Override
    public java.util.Optional<String> commandTopic() {
        return java.util.Optional.of(topic("command"));
    }

    @Override
    public String deviceId() {
        return device;
    }

    @Override
    public String topicPrefix() {
        return "lantian";
    }

    @Override
    public void advanceTo(Instant t) {
        while (!nextMinute.isAfter(t)) {
            Instant end = nextMinute;
            publish(new Report(device, ++sequence, ReportKind.MINUTE, end.minusSeconds(60), end, end, end.minusSeconds(1),
                    ClockQuality.SYNCED, List.of(new ReportValue("fan1-power", null, "kW", Double.NaN, 30, 29, 31,
                    Double.NaN, 12, QualityFlag.N, true)), null, false));
            nextMinute = nextMinute.plusSeconds(60);
        }
        for (Flag f : flags) {
            if (!f.start().isAfter(t) && !opened.contains(f)) {
                opened.add(f);
                publish(event(f, null));
            }
            if (f.end() != null && !f.end().isAfter(t) && closed.add(f)) {
                publish(event(f, f.end()));
            }
        }
    }

    private Report event(Flag f, Instant end) {
        Instant at = end == null ? f.start() : end;
        return new Report(device, ++sequence, ReportKind.EVENT, null, null, at, at, ClockQuality.SYNCED, List.of(),
                new ReportEvent(f.rule() + "@" + f.start(), f.rule(), f.equipment(), "violation", f.start(), end, ""),
                false);
    }

    private void publish(Report r) {
        created++;
        if (skipped.contains(r.sequence()) || !client.isConnected()) {
            return;
        }
        try {
            MqttMessage m = new MqttMessage(ReportJson.write(r).getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            client.publish(topic(r.kind().topic()), m);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    private String topic(String leaf) {
        return "lantian/ent1/" + device + "/" + leaf;
    }

    @Override
    public long reportsCreated() {
        return created;
    }

    @Override
    public long reportsPending() {
        return 0;
    }

    @Override
    public void close() {
        replier.shutdownNow();
        try {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
            if (client != null) {
                client.close();
            }
        } catch (MqttException e) {
            // a test stand-in; the broker goes away anyway
        }
    }
}
