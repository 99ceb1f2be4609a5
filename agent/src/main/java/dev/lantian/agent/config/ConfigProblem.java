package dev.lantian.agent.config;

/**
 * One thing wrong with a configuration file, located so a technician can go straight to it.
 *
 * @param file    the file name as given
 * @param line    1-based line, 0 when the problem concerns the file as a whole
 * @param column  1-based column, 0 when unknown
 * @param path    the key path, e.g. {@code channels[3].source.device}; empty for file-level problems
 * @param message what is wrong and what was expected
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

    /** {@code FILE:LINE:COLUMN: path: message}, the form editors and terminals can jump to. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
