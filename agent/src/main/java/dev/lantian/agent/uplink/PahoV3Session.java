package dev.lantian.agent.uplink;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;

/**
 * MQTT 3.1.1 through Paho's v3 async client. Clean session and memory persistence: what was not
 * acknowledged is still in our outbox and is sent again on the next connection, so Paho keeps no
 * state of its own across connections.
 */
public final class PahoV3Session implements BrokerSession {
    /** Paho's "too many publishes in progress" (the same code in v3 and v5). */
    private static final int MAX_INFLIGHT = 32202;
    private final MqttSettings settings;
    private volatile MqttAsyncClient client;

    public PahoV3Session(MqttSettings settings) {
        this.settings = settings;
    }

    @Override
    public void connect(Will will, int maxInFlight, Listener listener) throws IOException {
        disconnect();
        try {
            MqttAsyncClient c = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            o.setCleanSession(true);
            o.setAutomaticReconnect(false);
            o.setMaxInflight(maxInFlight);
            o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
            o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
            o.setWill(will.topic(), will.payload(), 1, true);
            settings.username().ifPresent(o::setUserName);
            settings.password().ifPresent(p -> o.setPassword(p.toCharArray()));
            if (settings.secure()) {
                o.setSocketFactory(NoDelaySockets.tls(TlsContexts.socketFactory(settings.tls().orElse(NO_FILES))));
                o.setHttpsHostnameVerificationEnabled(true);
            } else if (settings.url().startsWith("tcp://")) {
                o.setSocketFactory(NoDelaySockets.plain());
            }
            c.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    listener.lost(cause);
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    listener.message(topic, message.getPayload(), message.isRetained());
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            try {
                c.connect(o).waitForCompletion(settings.connectTimeout().toMillis() + 1000);
            } catch (MqttException e) {
                closeQuietly(c);
                throw e;
            }
            client = c;
        } catch (MqttException e) {
            throw new IOException(describe(e), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained, Delivery delivery) throws IOException {
        MqttAsyncClient c = client;
        if (c == null) {
            throw new IOException("not connected");
        }
        try {
            c.publish(topic, payload, 1, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    delivery.acknowledged();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    delivery.failed(cause);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MAX_INFLIGHT) {
                throw new Busy(describe(e));
            }
            throw new IOException(describe(e), e);
        }
    }

    @Override
    public void subscribe(String topicFilter) throws IOException {
        MqttAsyncClient c = client;
        if (c == null) {
            throw new IOException("not connected");
        }
        try {
            IMqttToken t = c.subscribe(topicFilter, 1);
            t.waitForCompletion(settings.connectTimeout().toMillis());
            int[] granted = t.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                throw new IOException("broker refused the subscription to " + topicFilter);
            }
        } catch (MqttException e) {
            throw new IOException(describe(e), e);
        }
    }

    @Override
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public void disconnect() {
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000).waitForCompletion(2000);
                }
            } catch (MqttException e) {
                // the connection is going away either way
            }
            closeQuietly(c);
        }
    }

    @Override
    public String target() {
        return settings.url() + " (MQTT 3.1.1)";
    }

    static final dev.lantian.agent.config.SiteConfig.Tls NO_FILES = new dev.lantian.agent.config.SiteConfig.Tls(
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 500, false);
        } catch (MqttException | RuntimeException ignored) {
            // already down
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // nothing more to release
        }
    }

    static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return "MQTT " + e.getReasonCode() + ": " + e.getMessage() + (cause != null ? " (" + cause + ")" : "");
    }
}
