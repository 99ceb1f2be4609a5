package dev.lantian.hardware.modbus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pty pair from socat ({@code pty,raw,echo=0,link=A pty,raw,echo=0,link=B}): two serial ports
 * wired to each other. Skips the test when socat is missing, except under CI=true where it fails.
 */
public final class SocatPair implements AutoCloseable {
    private final Process process;
    public final Path a;
    public final Path b;

    private SocatPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean present = Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat"));
        if (!present) {
            if (ci) {
                throw new IllegalStateException("socat is required under CI=true (bash .ci/run installs it)");
            }
            assumeTrue(false, "socat not installed: the pty-pair serial test needs it (apt-get install socat)");
        }
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.onSpinWait();
        }
        return new SocatPair(p, a.toRealPath(), b.toRealPath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
