package dev.lantian.agent.uplink;

import java.io.IOException;

/**
 * One connection to an MQTT broker, the little the uplink needs of it: connect with a last will,
 * publish at QoS 1 with a callback when the broker acknowledged, subscribe, disconnect. It never
 * reconnects by itself — {@link MqttUplink} does, so the backoff is ours and testable. Paho 3.1.1
 * and 5 sit behind it ({@link PahoV3Session}, {@link PahoV5Session}); tests use a scripted fake.
 */
public interface BrokerSession {

    /** What the session reports back; called on the client library's threads, must not block. */
    interface Listener {
        /** The connection broke (not called after {@link #disconnect()}). */
        void lost(Throwable cause);

        /** A message arrived on a subscribed topic ({@code retained}: kept by the broker, maybe long ago). */
        void message(String topic, byte[] payload, boolean retained);
    }

    /** Callback of one publish. */
    interface Delivery {
        /** The broker acknowledged (PUBACK). */
        void acknowledged();

        /** The publish will never be acknowledged on this connection. */
        void failed(Throwable cause);
    }

    /**
     * The client library already holds as many unacknowledged publishes as it (or the broker's
     * receive maximum) allows: not a broken connection, try again after an acknowledgement.
     */
    final class Busy extends IOException {
        public Busy(String message) {
            super(message);
        }
    }

    /** A retained message sent by the broker when the connection dies without a clean disconnect. */
    record Will(String topic, byte[] payload) {
    }

    /** Blocks until connected (or throws); {@code maxInFlight} bounds unacknowledged publishes. */
    void connect(Will will, int maxInFlight, Listener listener) throws IOException;

    /** Publishes at QoS 1 without waiting; {@code delivery} hears the outcome. Throws {@link Busy} when the window is full. */
    void publish(String topic, byte[] payload, boolean retained, Delivery delivery) throws IOException;

    /** Subscribes at QoS 1; blocks until the broker granted it. */
    void subscribe(String topicFilter) throws IOException;

    boolean isConnected();

    /** A clean disconnect (the broker then does not send the will); idempotent, never throws. */
    void disconnect();

    /** A short description for logs and the console, e.g. the broker url. */
    String target();
}
