package dev.lantian.simulator.plant;

import java.util.List;

/** A scenario file that cannot be used; every problem names the file, the field and its line. */
public final class ScenarioException extends Exception {

    /** One problem: {@code field} as a path ({@code incidents[2].from}), {@code line} 1-based or 0 if unknown. */
    public record Problem(String field, int line, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ", " : "") + field + ": " + message;
        }
    }

    private final String file;
    private final List<Problem> problems;

    public ScenarioException(String file, List<Problem> problems) {
        super(format(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String file, List<Problem> problems) {
        StringBuilder sb = new StringBuilder("scenario " + file + " has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:"));
        problems.forEach(p -> sb.append("\n  ").append(p));
        return sb.toString();
    }
}
