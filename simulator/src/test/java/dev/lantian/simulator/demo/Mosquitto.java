package dev.lantian.simulator.demo;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/** A real mosquitto on a free loopback port with a generated config, killed on close. */
public final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final Path dir;
    private final int port;

    private Mosquitto(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Skips the calling test when mosquitto is missing, but fails it when CI=true. */
    public static void assumeInstalled() {
        boolean found = Files.isExecutable(BINARY);
        if (!found && "true".equals(System.getenv("CI"))) {
            fail("CI must have mosquitto at " + BINARY);
        }
        Assumptions.assumeTrue(found, "mosquitto not installed at " + BINARY);
    }

    /** Without mosquitto a test may fall back to the embedded broker, except on CI. */
    public static void failOnCiWithout() {
        if (!installed() && "true".equals(System.getenv("CI"))) {
            fail("CI must have mosquitto at " + BINARY);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Mosquitto start() throws IOException {
        int port = freePort();
        Path dir = Files.createTempDirectory("lantian-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Mosquitto m = new Mosquitto(p, dir, port);
        if (!Await.until(() -> m.accepts() || !p.isAlive(), Duration.ofSeconds(10)) || !p.isAlive()) {
            String log = Files.readString(dir.resolve("mosquitto.log"));
            m.close();
            throw new IOException("mosquitto did not start: " + log);
        }
        return m;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean accepts() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
