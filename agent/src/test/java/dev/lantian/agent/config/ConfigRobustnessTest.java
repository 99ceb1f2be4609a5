package dev.lantian.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A hand-edited file can be broken in any way; whatever the edit, the loader gives a configuration or
 * located problems, never a crash.
 */
class ConfigRobustnessTest {
    private static final String[] EXAMPLES = {SiteFiles.bagFilter(), SiteFiles.vocUnit()};
    private static final String NOISE = ":-[]{}\"'#&*!|>%@`, \n\t0x7e.";

    @Property(tries = 300, seed = "20261123")
    void anyEditGivesAConfigurationOrLocatedProblems(@ForAll("edits") String text) {
        int lines = (int) text.lines().count() + 1;
        try {
            SiteConfig config = ConfigLoader.parse("site.yaml", Path.of("site.yaml"), text, new DefaultFieldCatalog());
            assertThat(config.devices()).isNotEmpty();
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                assertThat(p.line()).as(p.toString()).isBetween(0, lines);
                assertThat(p.message()).as(p.toString()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<String> edits() {
        Arbitrary<String> example = Arbitraries.of(EXAMPLES);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 4);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Character> noise = Arbitraries.of(NOISE.toCharArray());
        return Combinators.combine(example, kind, where, noise).as(ConfigRobustnessTest::edit);
    }

    private static String edit(String text, int kind, double where, char noise) {
        int at = (int) (where * text.length());
        int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int lineEnd = text.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
        return switch (kind) {
            case 0 -> text.substring(0, at); // truncated
            case 1 -> text.substring(0, lineStart) + text.substring(lineEnd); // a line deleted
            case 2 -> text.substring(0, at) + noise + text.substring(at); // a stray character
            case 3 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text; // a character lost
            default -> text.substring(0, lineEnd) + text.substring(lineStart, lineEnd) + text.substring(lineEnd); // a line doubled
        };
    }
}
