package dev.lantian.agent.config;

import java.util.Optional;
import java.util.Set;

/**
 * Which fields a device produces, so a channel naming a field the device does not have is caught
 * when the configuration is checked rather than when the agent runs.
 */
public interface FieldCatalog {

    /**
     * The fields of a device of this type; for {@code modbus} those of its register map. Empty when
     * they cannot be known here (a user register map given as a file), which skips the field check.
     */
    Optional<Set<String>> fields(DeviceType type, Optional<String> registerMap);

    /** The register maps shipped with the agent, selectable by name. */
    Set<String> registerMaps();

    /** Whether a {@code register_map:} value names a user file rather than a shipped map. */
    static boolean isFile(String registerMap) {
        return registerMap.contains("/") || registerMap.endsWith(".yaml") || registerMap.endsWith(".yml");
    }
}
