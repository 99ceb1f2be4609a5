package dev.lantian.agent.uplink;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real mosquitto on a free loopback port, started by the test from a generated config file;
 * {@link #stop()} kills it (an outage), {@link #start()} brings it back on the same port. Tests skip
 * when mosquitto is not installed, except under CI=true, where that is a failure.
 */
final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    /** Skips the test when there is no mosquitto (fails under CI). */
    static void assumeInstalled() {
        boolean found = Files.isExecutable(BINARY);
        if (!found && "true".equals(System.getenv("CI"))) {
            fail("CI must have mosquitto at " + BINARY);
        }
        Assumptions.assumeTrue(found, "mosquitto not installed at " + BINARY);
    }

    /** A plain listener. */
    static Mosquitto plain(Path dir) throws IOException {
        return new Mosquitto(dir, freePort(), List.of());
    }

    /**
     * A plain listener (for the test's subscriber) and a TLS listener on {@link #tlsPort()} with these
     * PEM files, client certificates required when {@code requireCert}.
     */
    static Mosquitto tls(Path dir, Path ca, Path cert, Path key, boolean requireCert) throws IOException {
        int tlsPort = freePort();
        Mosquitto m = new Mosquitto(dir, freePort(), List.of("listener " + tlsPort + " 127.0.0.1", "cafile " + ca,
                "certfile " + cert, "keyfile " + key, "require_certificate " + requireCert));
        m.tlsPort = tlsPort;
        return m;
    }

    /**
     * An anonymous listener (for the test's subscriber) and one on {@link #tlsPort()} (plain TCP
     * here) that wants this user and password.
     */
    static Mosquitto withPassword(Path dir, String user, String password) throws IOException, InterruptedException {
        Path file = dir.resolve("passwords");
        Process p = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-b", "-c", file.toString(), user, password)
                .redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
        }
        int securePort = freePort();
        Mosquitto m = new Mosquitto(dir, freePort(), List.of("per_listener_settings true",
                "listener " + securePort + " 127.0.0.1", "allow_anonymous false", "password_file " + file));
        m.tlsPort = securePort;
        return m;
    }

    private int tlsPort;

    int tlsPort() {
        return tlsPort;
    }

    private Mosquitto(Path dir, int port, List<String> extra) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("mosquitto-" + port + ".conf");
        StringBuilder c = new StringBuilder();
        if (extra.contains("per_listener_settings true")) {
            c.append("per_listener_settings true\n");
        }
        c.append("listener ").append(port).append(" 127.0.0.1\n");
        // persistence on, in the test's directory: like a production broker, it keeps the bureau
        // subscriber's queued messages across its own restart, so a loss could only be the uplink's
        c.append("allow_anonymous true\nuser root\npersistence true\n");
        c.append("persistence_location ").append(dir).append("/\n");
        c.append("persistence_file mosquitto-").append(port).append(".db\n");
        for (String line : extra) {
            if (line.startsWith("per_listener_settings")) {
                continue;
            }
            c.append(line).append('\n');
        }
        Files.writeString(config, c.toString());
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    Mosquitto start() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto-" + port + ".log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto-" + port + ".log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return this;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IOException("mosquitto did not listen on " + port + " within 10 s");
    }

    /** Stops the broker (SIGTERM: it saves its sessions, every client connection drops). */
    void stop() throws InterruptedException {
        end(false);
    }

    /** Kills the broker (SIGKILL: no goodbye to anyone). */
    void kill() throws InterruptedException {
        end(true);
    }

    private void end(boolean force) throws InterruptedException {
        if (process != null) {
            if (force) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
