package dev.lantian.agent.config;

import static dev.lantian.agent.config.SiteFiles.bagFilter;
import static dev.lantian.agent.config.SiteFiles.columnOf;
import static dev.lantian.agent.config.SiteFiles.lineOf;
import static dev.lantian.agent.config.SiteFiles.only;
import static dev.lantian.agent.config.SiteFiles.problems;
import static dev.lantian.agent.config.SiteFiles.replace;
import static dev.lantian.agent.config.SiteFiles.valid;
import static dev.lantian.agent.config.SiteFiles.vocUnit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Less common shapes of a site file: empty values, merges, copied blocks, rates that do not fit together. */
class ConfigEdgeCasesTest {

    @Test
    void aDeviceWithADuplicateIdIsStillCheckedItself() {
        String text = replace(bagFilter(), "  - id: climate\n    type: bme280\n    bus: i2c1\n",
                "  - id: pms-boundary\n    type: bme280\n    bus: i2c9\n");
        List<ConfigProblem> found = problems(text);
        assertThat(found).extracting(ConfigProblem::path).contains("devices[5].id", "devices[5].bus");
        assertThat(found).filteredOn(p -> p.path().equals("devices[5].bus")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("unknown bus 'i2c9'"));
    }

    @Test
    void aSectionLeftEmptyTakesItsDefaults() {
        String text = replace(bagFilter(), "console:\n  bind: 127.0.0.1\n  port: 8080\n", "console:\n");
        assertThat(SiteFiles.valid(text).console()).isEqualTo(new SiteConfig.Console("127.0.0.1", 8080));
    }

    @Test
    void aRequiredKeyLeftEmptySaysSo() {
        String text = replace(bagFilter(), "enterprise_code: hb-demo-jiancai", "enterprise_code:");
        ConfigProblem p = only(text, lineOf(text, "enterprise_code:"), 0, "site.enterprise_code");
        assertThat(p.message()).startsWith("no value given");
    }

    @Test
    void treatmentUnitWithoutAnyChannel() {
        String text = replace(bagFilter(), "    measured_by:\n      power: filter-power\n      currents: [filter-ia]\n      voltages: [filter-ua]\n",
                "    measured_by: {}\n");
        ConfigProblem p = only(text, lineOf(text, "measured_by: {}"), 18, "equipment[2].measured_by");
        assertThat(p.message()).contains("names no channel");
    }

    @Test
    void emergencyOrderForATreatmentUnit() {
        String text = replace(bagFilter(), "      - { equipment: line2, action: stop }\n    red:", "      - { equipment: bag-filter, action: stop }\n    red:");
        ConfigProblem p = only(text, lineOf(text, "bag-filter, action: stop"), columnOf(text, "bag-filter, action: stop"), "emergency.levels.orange[1].equipment");
        assertThat(p.message()).contains("is treatment equipment");
    }

    @Test
    void severityOutsideItsWords() {
        String text = replace(vocUnit(), "severity: alarm", "severity: alrm");
        ConfigProblem p = only(text, lineOf(text, "severity: alrm"), 0, "channels[5].limits[0].severity");
        assertThat(p.message()).contains("did you mean 'alarm'?");
    }

    @Test
    void mergeKeysShareSettingsBetweenEntries() {
        String text = replace(bagFilter(), "  - id: line1-ia\n    quantity: current\n    unit: A\n",
                "  - id: line1-ia\n    <<: &current { quantity: current, unit: A }\n");
        text = replace(text, "  - id: line2-ia\n    quantity: current\n    unit: A\n", "  - id: line2-ia\n    <<: *current\n    unit: mA\n");
        SiteConfig c = valid(text);
        assertThat(c.channel("line1-ia").orElseThrow().unit()).isEqualTo("A");
        assertThat(c.channel("line2-ia").orElseThrow().quantity()).isEqualTo("current");
        assertThat(c.channel("line2-ia").orElseThrow().unit()).as("a written key wins over a merged one").isEqualTo("mA");
    }

    @Test
    void channelSampledFasterThanItsDeviceIsRead() {
        String text = replace(bagFilter(), "    source: { device: climate, field: temperature }\n    sampling_period: 10s\n",
                "    source: { device: climate, field: temperature }\n    sampling_period: 2s\n");
        ConfigProblem p = only(text, lineOf(text, "sampling_period: 2s"), 22, "channels[15].sampling_period");
        assertThat(p.message()).contains("faster than device 'climate' is read (poll_period 10s");
    }

    @Test
    void sgp40MustBeReadEverySecond() {
        String text = replace(vocUnit(), "    address: 0x59\n    poll_period: 1s\n", "    address: 0x59\n    poll_period: 2s\n");
        text = replace(text, "    source: { device: voc-index, field: voc_index }\n    sampling_period: 1s\n",
                "    source: { device: voc-index, field: voc_index }\n    sampling_period: 2s\n");
        ConfigProblem p = only(text, lineOf(text, "poll_period: 2s"), 18, "devices[4].poll_period");
        assertThat(p.message()).contains("expected 1s");
    }

    @Test
    void aDefaultedDurationCanBeOverriddenWithCompoundNotation() {
        String text = replace(bagFilter(), "meter_lost_after: 60s", "meter_lost_after: 1m30s");
        assertThat(valid(text).tamper().meterLostAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void uplinkMayBeLeftOutAndClientIdDefaultsToTheMn() {
        String text = bagFilter().replaceAll("(?s)\nuplink:\n.*?\n\n", "\n");
        assertThat(valid(text).uplink()).isEmpty();
        String noClientId = replace(bagFilter(), "    client_id: lantian-010000A8900016F000169DC0\n", "");
        assertThat(valid(noClientId).uplink().orElseThrow().clientId()).isEqualTo("lantian-010000A8900016F000169DC0");
    }

    @Test
    void unknownKeysAreFoundAtEveryLevel() {
        String text = replace(bagFilter(), "    spike: { window: 7, threshold: 3.0 }\n    calibration:",
                "    spike: { window: 7, treshold: 3.0 }\n    calibration:");
        text = replace(text, "  baseline: { learn_days: 14 }", "  baseline: { learn_days: 14, lern: 1 }");
        text = replace(text, "    topic_prefix: lantian\n", "    topic_prefix: lantian\n    keepalive: 30s\n");
        List<ConfigProblem> found = problems(text);
        assertThat(found).extracting(ConfigProblem::path).containsExactly("channels[13].spike.treshold",
                "emergency.baseline.lern", "uplink.mqtt.keepalive");
        assertThat(found.get(0).message()).contains("did you mean 'threshold'?");
        assertThat(found.get(2).line()).isEqualTo(lineOf(text, "keepalive"));
    }

    @Test
    void standbyThresholdAtOrAboveTheRunningThreshold() {
        String text = replace(bagFilter(), "      standby_above: 0.5\n", "      standby_above: 8\n");
        ConfigProblem p = only(text, lineOf(text, "standby_above: 8"), 22, "equipment[2].state.standby_above");
        assertThat(p.message()).contains("expected standby_above < running_above");
    }

    @Test
    void validRangeUpsideDown() {
        String text = replace(vocUnit(), "    windows: [5m, 1h]\n", "    windows: [5m, 1h]\n    valid_range: { min: 500, max: 1 }\n");
        ConfigProblem p = only(text, lineOf(text, "max: 1 }"), columnOf(text, "1 }"), "channels[6].valid_range.max");
        assertThat(p.message()).contains("expected max > min");
    }

    @Test
    void limitClearingAboveItself() {
        String text = replace(vocUnit(), "clear_below: 50", "clear_below: 70");
        ConfigProblem p = only(text, lineOf(text, "clear_below: 70"), columnOf(text, "70"), "channels[5].limits[0].clear_below");
        assertThat(p.message()).contains("expected clear_below ≤ above");
    }

    @Test
    void rawSamplesKeptLongerThanEverything() {
        String text = replace(bagFilter(), "raw_sample_days: 7", "raw_sample_days: 500");
        ConfigProblem p = only(text, lineOf(text, "raw_sample_days"), 20, "storage.raw_sample_days");
        assertThat(p.message()).contains("expected raw_sample_days ≤ max_age_days");
    }

    @Test
    void stopOrderWithAShare() {
        String text = replace(vocUnit(), "{ equipment: coating-line, action: stop }", "{ equipment: coating-line, action: stop, max_share: 0.2 }");
        ConfigProblem p = only(text, lineOf(text, "max_share: 0.2"), columnOf(text, "0.2 }"), "emergency.levels.red[0].max_share");
        assertThat(p.message()).contains("no meaning with action stop");
    }

    @Test
    void clientCertificateWithoutItsKey() {
        String text = replace(vocUnit(), "      ca_file: /etc/lantian/bureau-ca.pem\n",
                "      ca_file: /etc/lantian/bureau-ca.pem\n      cert_file: /etc/lantian/board.pem\n");
        ConfigProblem p = only(text, lineOf(text, "board.pem"), 18, "uplink.mqtt.tls.cert_file");
        assertThat(p.message()).contains("needs both cert_file and key_file");
    }

    @Test
    void brokerUrlWithAnImpossiblePort() {
        String text = replace(bagFilter(), "url: tcp://127.0.0.1:1883", "url: tcp://127.0.0.1:99999");
        ConfigProblem p = only(text, lineOf(text, "99999"), 10, "uplink.mqtt.url");
        assertThat(p.message()).contains("port 99999 is out of range");
    }

    @Test
    void twoDocumentsInOneFileAreASyntaxError() {
        String text = bagFilter() + "---\nsite: {}\n";
        List<ConfigProblem> found = problems(text);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("YAML syntax error").contains("single document");
            assertThat(p.line()).isEqualTo(lineOf(text, "---"));
        });
    }

    @Test
    void mergeOfSomethingThatIsNotAMappingIsReportedOnce() {
        String text = replace(bagFilter(), "  - id: climate\n    type: bme280\n", "  - id: climate\n    <<: [1]\n    type: bme280\n");
        ConfigProblem p = only(text, lineOf(text, "<<: [1]"), 10, "devices[5]");
        assertThat(p.message()).contains("'<<' must merge a mapping");
    }
}
