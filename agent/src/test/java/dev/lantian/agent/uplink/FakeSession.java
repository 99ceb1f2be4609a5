package dev.lantian.agent.uplink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted broker connection: records publishes, acknowledges reports on request (state and reply
 * messages at once), refuses or drops on request.
 */
final class FakeSession implements BrokerSession {
    record Sent(String topic, String payload, boolean retained, Delivery delivery) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> unacked = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    private Listener listener;
    private final List<Listener> listeners = new ArrayList<>();
    private boolean connected;
    private boolean reachable = true;
    private int refusals;
    private boolean autoAck;
    private int connectAttempts;
    private int capacity = Integer.MAX_VALUE;

    /** At most this many unacknowledged publishes, like a broker's receive maximum; more throw Busy. */
    synchronized FakeSession capacity(int max) {
        capacity = max;
        return this;
    }

    FakeSession autoAck(boolean on) {
        synchronized (this) {
            autoAck = on;
        }
        return this;
    }

    synchronized void reachable(boolean on) {
        reachable = on;
    }

    /** The next {@code n} connection attempts are refused, then the broker is back. */
    synchronized void refuseNext(int n) {
        refusals = n;
    }

    @Override
    public synchronized void connect(Will will, int maxInFlight, Listener l) throws IOException {
        connectAttempts++;
        if (!reachable || refusals > 0) {
            refusals = Math.max(0, refusals - 1);
            throw new IOException("connection refused (fake)");
        }
        listener = l;
        listeners.add(l);
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
            if (unacked.size() >= capacity) {
                throw new Busy("too many publishes in progress (fake)");
            }
            Sent s = new Sent(topic, new String(payload, StandardCharsets.UTF_8), retained, delivery);
            sent.add(s);
            ackNow = autoAck || topic.endsWith("/state") || topic.endsWith("/reply");
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
            s = unacked.isEmpty() ? null : unacked.get(0);
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

    /** The client of the first connection, long replaced, reports its loss late. */
    void lateLossOfFirstConnection() {
        Listener first;
        synchronized (this) {
            first = listeners.get(0);
        }
        first.lost(new IOException("late news of the first connection (fake)"));
    }

    /** A message from the bureau on a subscribed topic. */
    void deliver(String topic, String payload) {
        Listener l;
        synchronized (this) {
            l = listener;
        }
        l.message(topic, payload.getBytes(StandardCharsets.UTF_8), false);
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
