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

    /** 1-based line of the single line containing {@code marker}. */
    static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertThat(found).as("'%s' is on one line only", marker).isEqualTo(-1);
                found = i + 1;
            }
        }
        assertThat(found).as("'%s' is in the text", marker).isPositive();
        return found;
    }

    /** 1-based column where {@code marker} starts on its line. */
    static int columnOf(String text, String marker) {
        String line = text.lines().toList().get(lineOf(text, marker) - 1);
        return line.indexOf(marker) + 1;
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
}
