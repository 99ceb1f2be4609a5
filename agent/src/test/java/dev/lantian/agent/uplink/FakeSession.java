package dev.lantian.agent.uplink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A scripted broker connection: records publishes, acknowledges on request, refuses or drops on request. */
final class FakeSession implements BrokerSession {
    record Sent(String topic, String payload, boolean retained, Delivery delivery) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> unacked = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    private Listener listener;
    private boolean connected;
    private boolean reachable = true;
    private boolean autoAck;
    private int connectAttempts;

    FakeSession autoAck(boolean on) {
        synchronized (this) {
            autoAck = on;
        }
        return this;
    }

    synchronized void reachable(boolean on) {
        reachable = on;
    }

    @Override
    public synchronized void connect(Will will, int maxInFlight, Listener l) throws IOException {
        connectAttempts++;
        if (!reachable) {
            throw new IOException("connection refused (fake)");
        }
        listener = l;
        connected = true;
        unacked.clear();
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retained, Delivery delivery) throws IOException {
        boolean ackNow;
        synchronized (this) {
            if (!connected) {
                throw new IOException("not connected (fake)");
            }
            Sent s = new Sent(topic, new String(payload, StandardCharsets.UTF_8), retained, delivery);
            sent.add(s);
            ackNow = autoAck;
            if (!ackNow) {
                unacked.add(s);
            }
        }
        if (ackNow) {
            delivery.acknowledged();
        }
    }

    /** Acknowledges the oldest unacknowledged publish on a report topic; false if there is none. */
    boolean ackOldestReport() {
        Sent s;
        synchronized (this) {
            s = unacked.stream().filter(x -> !x.topic().endsWith("/state") && !x.topic().endsWith("/reply"))
                    .findFirst().orElse(null);
            if (s == null) {
                return false;
            }
            unacked.remove(s);
        }
        s.delivery().acknowledged();
        return true;
    }

    /** The connection breaks: the uplink hears of it, nothing unacknowledged will be acknowledged. */
    void drop() {
        Listener l;
        synchronized (this) {
            connected = false;
            unacked.clear();
            l = listener;
        }
        l.lost(new IOException("connection reset (fake)"));
    }

    /** A message from the bureau on a subscribed topic. */
    void deliver(String topic, String payload) {
        Listener l;
        synchronized (this) {
            l = listener;
        }
        l.message(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void subscribe(String topicFilter) {
        subscriptions.add(topicFilter);
    }

    @Override
    public synchronized boolean isConnected() {
        return connected;
    }

    @Override
    public synchronized void disconnect() {
        connected = false;
    }

    @Override
    public String target() {
        return "fake";
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> sentTo(String suffix) {
        return sent.stream().filter(s -> s.topic().endsWith(suffix)).toList();
    }

    synchronized int connectAttempts() {
        return connectAttempts;
    }

    synchronized List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }
}
