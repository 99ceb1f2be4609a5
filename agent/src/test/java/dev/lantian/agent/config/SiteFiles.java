package dev.lantian.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped example files, and edits of them that break one thing at a known line. */
final class SiteFiles {
    static final Path BAG_FILTER = Path.of("examples/bag-filter-plant.yaml");
    static final Path VOC_UNIT = Path.of("examples/voc-unit.yaml");

    private SiteFiles() {
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bagFilter() {
        return read(BAG_FILTER);
    }

    static String vocUnit() {
        return read(VOC_UNIT);
    }

    /** The text with the single occurrence of {@code from} replaced; fails when it is not exactly once. */
    static String replace(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'%s' occurs in the example", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("'%s' occurs once in the example", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** 1-based line where the single occurrence of {@code marker} (which may span lines) starts. */
    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertThat(at).as("'%s' is in the text", marker).isNotNegative();
        assertThat(text.indexOf(marker, at + 1)).as("'%s' occurs once", marker).isNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** 1-based column where {@code marker} starts on its line. */
    static int columnOf(String text, String marker) {
        int at = text.indexOf(marker);
        return at - text.lastIndexOf('\n', at - 1);
    }

    static List<ConfigProblem> problems(String text) {
        try {
            ConfigLoader.parse("site.yaml", Path.of("site.yaml"), text, new DefaultFieldCatalog());
        } catch (ConfigException e) {
            return e.problems();
        }
        return fail("expected the configuration to be rejected");
    }

    static SiteConfig valid(String text) {
        try {
            return ConfigLoader.parse("site.yaml", Path.of("site.yaml"), text, new DefaultFieldCatalog());
        } catch (ConfigException e) {
            return fail("expected a valid configuration, got:\n" + e.getMessage());
        }
    }

    /** The one problem found, asserted to sit at {@code line}:{@code column} (column 0: not checked) on {@code path}. */
    static ConfigProblem only(String text, int line, int column, String path) {
        List<ConfigProblem> found = problems(text);
        assertThat(found).as("problems").hasSize(1);
        ConfigProblem p = found.get(0);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.line()).as("line of " + p).isEqualTo(line);
        if (column > 0) {
            assertThat(p.column()).as("column of " + p).isEqualTo(column);
        }
        assertThat(p.toString()).startsWith("site.yaml:" + line + ":");
        return p;
    }
}
