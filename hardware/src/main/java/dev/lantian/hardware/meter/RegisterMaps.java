package dev.lantian.hardware.meter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The register maps shipped in this jar (under {@code dev/lantian/hardware/meter/maps/NAME.yaml}) and
 * user maps from files. A configuration's {@code register_map:} is either a shipped name or a path.
 */
public final class RegisterMaps {
    /** The shipped maps. */
    public static final List<String> SHIPPED = List.of("eastron-sdm630", "eastron-sdm120", "acrel-adw300",
            "generic-dust-monitor", "generic-pid-voc");

    private static final Map<String, RegisterMap> CACHE = new ConcurrentHashMap<>();

    private RegisterMaps() {
    }

    /** A shipped map by name, empty for an unknown name. Shipped maps are tested, so a parse error is a bug. */
    public static Optional<RegisterMap> shipped(String name) {
        if (!SHIPPED.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(name, RegisterMaps::loadShipped));
    }

    private static RegisterMap loadShipped(String name) {
        String resource = "maps/" + name + ".yaml";
        try (InputStream in = RegisterMaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped register map missing from the jar: " + resource);
            }
            return RegisterMapLoader.load(new InputStreamReader(in, StandardCharsets.UTF_8), name, resource);
        } catch (IOException | RegisterMapException e) {
            throw new IllegalStateException("shipped register map " + name + " is broken: " + e.getMessage(), e);
        }
    }

    /** Loads a user's map file; errors carry file and line. */
    public static RegisterMap load(Path file) throws RegisterMapException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RegisterMapLoader.load(r, file.toString(), file.toString());
        } catch (IOException e) {
            throw new RegisterMapException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Resolves a configuration's {@code register_map:}: a shipped name, else a path (relative paths
     * against {@code baseDir}, normally the configuration file's directory).
     */
    public static RegisterMap resolve(String nameOrPath, Path baseDir) throws RegisterMapException {
        Optional<RegisterMap> shipped = shipped(nameOrPath);
        if (shipped.isPresent()) {
            return shipped.get();
        }
        Path p = Path.of(nameOrPath);
        if (!p.isAbsolute() && baseDir != null) {
            p = baseDir.resolve(p);
        }
        if (!Files.isRegularFile(p)) {
            throw new RegisterMapException(nameOrPath, 0,
                    "neither a shipped register map (" + String.join(", ", SHIPPED) + ") nor a readable file");
        }
        return load(p);
    }

    /**
     * The fields a {@code register_map:} value provides, for configuration validation of channels.
     * Relative paths resolve against the working directory; use {@link #resolve} to pass the
     * configuration's directory.
     */
    public static List<String> fields(String nameOrPath) throws RegisterMapException {
        return resolve(nameOrPath, null).fields();
    }
}
