package dev.lantian.simulator.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * A TCP relay between the board's uplink and the broker, so the demo can take the broker away from
 * the board for a scripted outage whether the broker is embedded or external: {@link #cut()} drops
 * every relayed connection and stops listening, so the board's reconnects are refused exactly as by
 * a stopped broker, and the broker sees the board vanish (and publishes its last will);
 * {@link #restore()} listens again on the same port. The bureau connects to the broker directly and
 * keeps its subscription throughout.
 */
final class OutageRelay implements AutoCloseable {
    private final String brokerHost;
    private final int brokerPort;
    private final int port;
    private final List<Socket> open = new ArrayList<>();
    private ServerSocket listener;
    private Thread acceptor;
    private boolean closed;

    private OutageRelay(String brokerHost, int brokerPort, ServerSocket listener) {
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.port = listener.getLocalPort();
        this.listener = listener;
    }

    /** A relay on a free loopback port in front of {@code brokerUrl} ({@code tcp://host:port}). */
    static OutageRelay start(String brokerUrl) throws IOException {
        URI uri = URI.create(brokerUrl);
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IOException("the outage relay needs a tcp://host:port broker, got " + brokerUrl);
        }
        OutageRelay relay = new OutageRelay(uri.getHost(), uri.getPort(), bind(0));
        relay.accept();
        return relay;
    }

    /** Where the board should connect instead of the broker. */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    synchronized boolean isCut() {
        return listener == null;
    }

    /** Drops the board's connections and refuses new ones until {@link #restore()}. */
    synchronized void cut() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        open.forEach(OutageRelay::closeQuietly);
        open.clear();
    }

    /** Listens again on the same port. */
    synchronized void restore() throws IOException {
        if (listener != null || closed) {
            return;
        }
        listener = bind(port);
        accept();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept() {
        ServerSocket s = listener;
        acceptor = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    relay(s.accept());
                } catch (IOException e) {
                    return; // cut or closed
                }
            }
        }, "outage-relay-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void relay(Socket board) {
        Socket broker;
        try {
            broker = new Socket(brokerHost, brokerPort);
        } catch (IOException e) {
            Logger.warn("outage relay: broker {}:{} unreachable: {}", brokerHost, brokerPort, e.getMessage());
            closeQuietly(board);
            return;
        }
        synchronized (this) {
            if (listener == null) {
                closeQuietly(board);
                closeQuietly(broker);
                return;
            }
            open.add(board);
            open.add(broker);
        }
        pipe(board, broker);
        pipe(broker, board);
    }

    private synchronized void forget(Socket s) {
        open.remove(s);
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other goes too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                forget(from);
                forget(to);
            }
        }, "outage-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already gone
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }
}
