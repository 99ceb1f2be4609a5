package dev.lantian.agent.uplink;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** A throw-away PKI made with openssl: CAs, a broker certificate for given names, client certificates (PKCS#8 keys). */
final class TestCertificates {
    static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private final Path dir;

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Skips without openssl (fails under CI=true, where it must be installed like mosquitto). */
    static void assumeOpenssl() {
        boolean found = Files.isExecutable(OPENSSL);
        if (!found && "true".equals(System.getenv("CI"))) {
            fail("CI must have openssl at " + OPENSSL);
        }
        Assumptions.assumeTrue(found, "openssl not installed at " + OPENSSL);
    }

    /** A self-signed CA: returns its certificate; the key sits next to it. */
    Path ca(String name) throws IOException, InterruptedException {
        run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name);
        return dir.resolve(name + ".pem");
    }

    /** A certificate signed by {@code ca} with these subjectAltNames (e.g. IP:127.0.0.1); key is name.key (PKCS#8). */
    Path signed(String ca, String name, String altNames) throws IOException, InterruptedException {
        run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + name);
        Files.writeString(dir.resolve(name + ".ext"), altNames.isEmpty() ? "basicConstraints=CA:FALSE\n"
                : "subjectAltName=" + altNames + "\n");
        run("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(OPENSSL.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: "
                    + Files.readString(dir.resolve("openssl.log")));
        }
    }
}
