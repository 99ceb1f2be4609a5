package dev.lantian.agent.config;

/**
 * One declared configuration key: the single source from which both the checker and the reference
 * documentation work.
 *
 * @param name         the YAML key
 * @param type         its type and range
 * @param presence     whether it must be given, may be left out, or falls back to a default
 * @param defaultValue the default written as YAML text (the checker parses it like user input, so a
 *                     default can never violate its own range); empty for a section built from its
 *                     own defaults; null unless {@code presence} is DEFAULTED
 * @param description  what a technician needs to know to set it
 */
public record Key(String name, ValueType type, Presence presence, String defaultValue, String description) {

    public enum Presence { REQUIRED, OPTIONAL, DEFAULTED }

    public static Key required(String name, ValueType type, String description) {
        return new Key(name, type, Presence.REQUIRED, null, description);
    }

    public static Key optional(String name, ValueType type, String description) {
        return new Key(name, type, Presence.OPTIONAL, null, description);
    }

    public static Key defaulted(String name, ValueType type, String defaultValue, String description) {
        return new Key(name, type, Presence.DEFAULTED, defaultValue, description);
    }
}
