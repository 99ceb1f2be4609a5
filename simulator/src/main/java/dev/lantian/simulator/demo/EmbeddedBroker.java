package dev.lantian.simulator.demo;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import org.tinylog.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * An MQTT 3.1.1 broker inside the demo's JVM (Moquette), for when no {@code --broker} is given:
 * bound to 127.0.0.1 on a free port, anonymous, nothing on disk, no telemetry call home,
 * every write flushed at once (so a latency figure measures the agent, not a broker buffer).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();
    private int port;
    private boolean running;

    private EmbeddedBroker() {
    }

    public static EmbeddedBroker start() {
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.open();
        return broker;
    }

    private void open() {
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        // our own free port: Moquette learns a port 0 binding on a netty thread and hands it out from a
        // plain HashMap, which a caller polling for it can catch mid-update
        int chosen = freePort();
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(chosen));
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.BUFFER_FLUSH_MS_PROPERTY_NAME, "immediate");
        p.setProperty(BrokerConstants.NETTY_TCP_NODELAY_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(1024 * 1024));
        try {
            server.startServer(new MemoryConfig(p), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded broker did not start: " + e.getMessage(), e);
        }
        running = true;
        port = chosen;
        if (!Await.until(this::accepts, Duration.ofSeconds(10))) {
            close();
            throw new IllegalStateException("embedded broker does not accept connections on port " + port);
        }
        Logger.info("embedded MQTT broker on {}", url());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the embedded broker", e);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}, the form Paho and the agent's config take. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            server.stopServer();
        }
    }
}
