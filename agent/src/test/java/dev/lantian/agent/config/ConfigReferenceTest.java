package dev.lantian.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is what technicians read: it must be the schema the checker enforces. */
class ConfigReferenceTest {
    private static final Path DOC = Path.of("../docs/configuration.md");

    @Test
    void committedReferenceMatchesTheSchema() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("lantian.writeDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("docs/configuration.md is out of date with SiteSchema; regenerate it from the repository root with\n  "
                        + ConfigReference.REGENERATE + "\nor: mvn -B -q test -pl agent -am -Dtest=ConfigReferenceTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dlantian.writeDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void everyKeyOfTheExamplesIsDocumented() {
        String doc = ConfigReference.markdown();
        for (String path : new String[] {"`site.device_id`", "`buses[].baud`", "`devices[].register_map`",
            "`devices[].pin`", "`channels[].fog.humidity_channel`", "`channels[].limits[].clear_below`",
            "`equipment[].state.running_below`", "`linkage[].lag`", "`emergency.levels.orange[].max_share`",
            "`staggered_production[].from`", "`uplink.mqtt.tls.ca_file`", "`storage.raw_sample_days`"}) {
            assertThat(doc).contains(path);
        }
        assertThat(doc).contains("| `storage.max_age_days` | integer 90–3650 | default: `400` |");
    }
}
