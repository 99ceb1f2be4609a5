package dev.lantian.agent.config;

/** A 1-based line and column in the configuration file. */
record Pos(int line, int column) {
    static final Pos NONE = new Pos(0, 0);
}
