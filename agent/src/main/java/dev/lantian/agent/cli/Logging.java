package dev.lantian.agent.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.tinylog.configuration.Configuration;

/**
 * Sets up TinyLog before the first log line: readable lines on the console, and when running as a
 * service a size-capped rolling file (SD cards wear out, so the file is buffered, written by a
 * background thread, and capped at {@link #FILE_CAP} times {@link #FILE_BACKUPS} + 1).
 *
 * <p>Environment: {@code LANTIAN_LOG_LEVEL} (trace, debug, info, warn, error; default info) and
 * {@code LANTIAN_LOG_DIR} (enables the rolling file there).
 */
public final class Logging {
    static final String FILE_CAP = "1MB";
    static final int FILE_BACKUPS = 4;
    private static final String FORMAT = "{date:yyyy-MM-dd HH:mm:ss.SSS} {level|min-size=5} {class-name}: {message}";

    private Logging() {
    }

    public static void configureFromEnvironment() {
        Map<String, String> env = System.getenv();
        String level = env.getOrDefault("LANTIAN_LOG_LEVEL", "info").toLowerCase(Locale.ROOT);
        String dir = env.get("LANTIAN_LOG_DIR");
        configure(level, dir == null || dir.isBlank() ? null : Path.of(dir));
    }

    /** Configures once; TinyLog freezes its configuration at the first log call. */
    public static synchronized void configure(String level, Path logDir) {
        if (Configuration.isFrozen()) {
            return;
        }
        Configuration.set("level", level);
        Configuration.set("writer", "console");
        Configuration.set("writer.stream", "err");
        Configuration.set("writer.format", FORMAT);
        if (logDir != null) {
            Configuration.set("writer2", "rolling file");
            Configuration.set("writer2.file", logDir.resolve("lantian.{count}.log").toString());
            Configuration.set("writer2.latest", logDir.resolve("lantian.log").toString());
            Configuration.set("writer2.format", FORMAT);
            Configuration.set("writer2.policies", "size: " + FILE_CAP);
            Configuration.set("writer2.backups", Integer.toString(FILE_BACKUPS));
            Configuration.set("writer2.buffered", "true");
            Configuration.set("writer2.charset", "UTF-8");
        }
        Configuration.set("writingthread", "true");
        // not TinyLog's own shutdown hook: it would race the run command's, and the lines of a clean stop
        // ("board stopped") would be lost; Main and the run command's hook call shutdown() last instead
        Configuration.set("autoshutdown", "false");
    }

    /** Writes what is buffered and stops the writing thread; call last, before the JVM exits. */
    public static void shutdown() {
        try {
            org.tinylog.provider.ProviderRegistry.getLoggingProvider().shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
