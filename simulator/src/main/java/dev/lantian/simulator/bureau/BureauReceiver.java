package dev.lantian.simulator.bureau;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * The bureau side of the uplink: subscribes to {@code {prefix}/#} with QoS 1, as a bureau platform
 * would, and books every message in a {@link BureauLedger}. Arrival times come from the wall clock
 * (what a latency figure must use), not from the plant's virtual clock.
 */
public final class BureauReceiver implements AutoCloseable {
    private final String brokerUrl;
    private final String prefix;
    private final BureauLedger ledger;
    private final Clock wall;
    private MqttClient client;

    public BureauReceiver(String brokerUrl, String prefix, BureauLedger ledger, Clock wall) {
        this.brokerUrl = brokerUrl;
        this.prefix = prefix;
        this.ledger = ledger;
        this.wall = wall;
    }

    public BureauReceiver(String brokerUrl, String prefix) {
        this(brokerUrl, prefix, new BureauLedger(prefix), Clock.systemUTC());
    }

    /** Connects and subscribes; returns once the subscription is acknowledged. */
    public synchronized void start() {
        if (client != null) {
            throw new IllegalStateException("already started");
        }
        try {
            MqttClient c = new MqttClient(brokerUrl, "lantian-bureau-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            c.setCallback(new Callback(c));
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setAutomaticReconnect(true);
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setConnectionTimeout(10);
            options.setMaxInflight(1000);
            c.connect(options);
            c.subscribe(prefix + "/#", 1);
            client = c;
            Logger.info("bureau subscribed to {}/# on {}", prefix, brokerUrl);
        } catch (MqttException e) {
            throw new IllegalStateException("bureau cannot subscribe on " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    /** Publishes a bureau command (QoS 1); returns once the broker has it. */
    public synchronized void publish(String topic, byte[] payload) {
        if (client == null) {
            throw new IllegalStateException("not started");
        }
        try {
            client.publish(topic, payload, 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException("bureau cannot publish on " + topic + ": " + e.getMessage(), e);
        }
    }

    public BureauLedger ledger() {
        return ledger;
    }

    public BureauTally tally() {
        return ledger.snapshot();
    }

    public synchronized boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
        } catch (MqttException e) {
            Logger.warn("bureau disconnect: {}", e.getMessage());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                Logger.warn("bureau close: {}", e.getMessage());
            }
            client = null;
        }
    }

    private final class Callback implements MqttCallbackExtended {
        private final MqttClient owner;

        Callback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            // a clean session loses its subscription on reconnect; take it again (off the callback thread)
            Thread t = new Thread(() -> {
                try {
                    owner.subscribe(prefix + "/#", 1);
                    Logger.info("bureau resubscribed after reconnect to {}", serverUri);
                } catch (MqttException e) {
                    Logger.warn("bureau resubscribe failed: {}", e.getMessage());
                }
            }, "bureau-resubscribe");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void connectionLost(Throwable cause) {
            Logger.warn("bureau lost the broker: {}", cause == null ? "?" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                ledger.accept(topic, message.getPayload(), wall.instant());
            } catch (RuntimeException e) {
                // never let one message kill the subscription; the ledger already counts what it can
                Logger.error(e, "bureau could not book a message on {}", topic);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
