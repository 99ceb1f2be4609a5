package dev.lantian.agent.uplink;

/**
 * Carries stored reports from the {@link dev.lantian.agent.store.Outbox} to the bureau. The MQTT
 * uplink is one implementation; HJ 212 over TCP will be another. Implementations connect, publish
 * and reconnect on their own threads; {@link #wake()} tells them new reports were appended.
 */
public interface Uplink extends AutoCloseable {

    /** Starts connecting and publishing in the background; returns at once. */
    void start();

    /** New reports are in the outbox. Cheap; may be called from any thread. */
    void wake();

    /** What the console shows: connection state, pending and acknowledged counts, last error. */
    UplinkView view();

    /** Stops publishing, sends nothing more, closes the connection (a clean disconnect). */
    @Override
    void close();
}
