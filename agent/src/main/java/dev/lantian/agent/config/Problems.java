package dev.lantian.agent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file, so a technician sees them all in one run. */
final class Problems {
    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(Pos pos, String path, String message) {
        found.add(new ConfigProblem(file, pos.line(), pos.column(), path, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** In file order, so the list reads top to bottom like the file. */
    List<ConfigProblem> sorted() {
        List<ConfigProblem> out = new ArrayList<>(found);
        out.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return out;
    }
}
