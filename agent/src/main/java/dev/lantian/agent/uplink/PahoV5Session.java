package dev.lantian.agent.uplink;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 5 through Paho's v5 async client: clean start, no session kept (session expiry 0), memory
 * persistence — the outbox is the only durable state. The broker's receive maximum bounds the
 * in-flight window as well as ours does.
 */
public final class PahoV5Session implements BrokerSession {
    /** Paho's "too many publishes in progress" (the same code in v3 and v5). */
    private static final int MAX_INFLIGHT = 32202;
    private final MqttSettings settings;
    private volatile MqttAsyncClient client;

    public PahoV5Session(MqttSettings settings) {
        this.settings = settings;
    }

    @Override
    public void connect(Will will, int maxInFlight, Listener listener) throws IOException {
        disconnect();
        try {
            MqttAsyncClient c = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setSessionExpiryInterval(0L);
            o.setAutomaticReconnect(false);
            o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
            o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
            MqttMessage w = new MqttMessage(will.payload(), 1, true, null);
            o.setWill(will.topic(), w);
            settings.username().ifPresent(o::setUserName);
            settings.password().ifPresent(p -> o.setPassword(p.getBytes(StandardCharsets.UTF_8)));
            if (settings.secure()) {
                o.setSocketFactory(NoDelaySockets.tls(TlsContexts.socketFactory(settings.tls().orElse(PahoV3Session.NO_FILES))));
                o.setHttpsHostnameVerificationEnabled(true);
            } else if (settings.url().startsWith("tcp://")) {
                o.setSocketFactory(NoDelaySockets.plain());
            }
            c.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse response) {
                    Throwable cause = response.getException();
                    listener.lost(cause != null ? cause : new IOException("broker disconnected: " + response));
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                    // not a lost connection by itself: Paho reports a real loss through disconnected()
                    org.tinylog.Logger.warn("MQTT 5 client error: {}", describe(exception));
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    listener.message(topic, message.getPayload(), message.isRetained());
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
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
            c.publish(topic, payload, 1, retained, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        delivery.failed(new IOException("broker refused the publish, reason " + codes[0]));
                    } else {
                        delivery.acknowledged();
                    }
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
            int[] codes = t.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                throw new IOException("broker refused the subscription to " + topicFilter + ", reason " + codes[0]);
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
        return settings.url() + " (MQTT 5)";
    }

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
