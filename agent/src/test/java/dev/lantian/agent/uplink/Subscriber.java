package dev.lantian.agent.uplink;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bureau's side: an independent Paho client subscribed at QoS 1 that records every message in
 * arrival order. Persistent session, so a broker restart does not lose what was queued for it
 * while it reconnects (the broker itself runs without persistence, so it only keeps what it holds
 * in memory).
 */
final class Subscriber implements AutoCloseable {
    record Received(String topic, String payload) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    private final java.util.Set<Long> sequences = new java.util.HashSet<>();

    Subscriber(String url, String filter) throws MqttException {
        client = new MqttClient(url, "bureau-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                synchronized (received) {
                    received.add(new Received(topic, text));
                    if (text.contains("\"sequence\"")) {
                        sequences.add(dev.lantian.agent.store.ReportJson.read(text).sequence());
                    }
                    received.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        // a persistent session that comes back by itself after a broker restart, as a bureau's would
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(500);
        o.setMaxInflight(1000);
        client.connect(o);
        client.subscribe(filter, 1);
    }

    /** Waits (bounded) until report {@code sequence} has arrived at least once. */
    boolean awaitSequence(long sequence, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (received) {
            while (!sequences.contains(sequence)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    int distinctSequences() {
        synchronized (received) {
            return sequences.size();
        }
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> on(String suffix) {
        return received().stream().filter(r -> r.topic().endsWith(suffix)).toList();
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    void publishRetained(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
