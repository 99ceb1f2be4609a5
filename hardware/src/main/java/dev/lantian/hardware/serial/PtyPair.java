package dev.lantian.hardware.serial;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * Two pseudo-terminals wired back to back by {@code socat}: bytes written to one end come out of the
 * other, as if a device sat on a serial cable. The simulator exposes virtual sensors this way and the
 * tests drive real jSerialComm ports with it.
 *
 * <p>Each end is a symlink ({@link #a()}, {@link #b()}) to a {@code /dev/pts/N}. Starting again on the
 * same link paths after {@link #close()} re-creates the "same" port with a new pty behind it, which is
 * how a test unplugs and replugs a device. Every socat started here is killed on {@link #close()} and,
 * as a last resort, when the JVM exits.
 */
public final class PtyPair implements AutoCloseable {
    /** The message when socat is missing. */
    public static final String SOCAT_MISSING = "socat not found; install it with apt-get install socat";

    private static final Duration START_LIMIT = Duration.ofSeconds(5);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "pty-pair-cleanup"));
    }

    private final Process socat;
    private final Path a;
    private final Path b;
    private final Path ownedDir;
    private final Path log;
    private boolean closed;

    private PtyPair(Process socat, Path a, Path b, Path ownedDir, Path log) {
        this.socat = socat;
        this.a = a;
        this.b = b;
        this.ownedDir = ownedDir;
        this.log = log;
    }

    /** The socat executable on the PATH, if any. */
    public static Optional<Path> findSocat() {
        String pathVar = System.getenv("PATH");
        if (pathVar == null) {
            return Optional.empty();
        }
        for (String dir : pathVar.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "socat");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A pair with links {@code A} and {@code B} in a fresh temporary directory, removed on close. */
    public static PtyPair start() throws IOException {
        Path dir = Files.createTempDirectory("lantian-pty");
        try {
            return start(dir.resolve("A"), dir.resolve("B"), dir);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** A pair on the given link paths (their directory must exist); stale links there are replaced. */
    public static PtyPair start(Path linkA, Path linkB) throws IOException {
        return start(linkA, linkB, null);
    }

    private static PtyPair start(Path linkA, Path linkB, Path ownedDir) throws IOException {
        Path socatExe = findSocat().orElseThrow(() -> new PtyUnavailableException(SOCAT_MISSING));
        Files.deleteIfExists(linkA);
        Files.deleteIfExists(linkB);
        Path log = Files.createTempFile("lantian-socat", ".log");
        ProcessBuilder pb = new ProcessBuilder(socatExe.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + linkA.toAbsolutePath(),
                "pty,raw,echo=0,link=" + linkB.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process = pb.start();
        RUNNING.add(process);
        PtyPair pair = new PtyPair(process, linkA, linkB, ownedDir, log);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        // Polls a real condition (socat creating both links) with a bounded deadline.
        while (!(Files.exists(linkA) && Files.exists(linkB))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String output = pair.socatOutput();
                pair.close();
                throw new PtyUnavailableException("socat did not create " + linkA + " and " + linkB
                        + (process.isAlive() ? " within " + START_LIMIT.toSeconds() + " s" : " (it exited)")
                        + (output.isBlank() ? "" : ": " + output.strip()));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pair.close();
                throw new PtyUnavailableException("interrupted while starting socat");
            }
        }
        Logger.debug("pty pair {} <-> {} (socat pid {})", linkA, linkB, process.pid());
        return pair;
    }

    /** The first end (a symlink to a pty device). */
    public Path a() {
        return a;
    }

    /** The other end. */
    public Path b() {
        return b;
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /** What socat said so far (its {@code -d -d} notices), for failure messages. */
    public String socatOutput() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills socat (its ptys vanish, as an unplugged adapter does) and removes the links. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(socat);
        try {
            if (Files.isSymbolicLink(a) || Files.exists(a, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(a);
            }
            if (Files.isSymbolicLink(b) || Files.exists(b, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(b);
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            Logger.debug(e, "removing pty links");
        }
        if (ownedDir != null) {
            deleteTree(ownedDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    Logger.debug(e, "removing {}", p);
                }
            });
        } catch (IOException e) {
            Logger.debug(e, "removing {}", dir);
        }
    }
}
