package dev.lantian.agent.config;

import static dev.lantian.agent.config.SiteFiles.bagFilter;
import static dev.lantian.agent.config.SiteFiles.columnOf;
import static dev.lantian.agent.config.SiteFiles.lineOf;
import static dev.lantian.agent.config.SiteFiles.only;
import static dev.lantian.agent.config.SiteFiles.problems;
import static dev.lantian.agent.config.SiteFiles.replace;
import static dev.lantian.agent.config.SiteFiles.vocUnit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each test breaks one thing in a shipped example and checks that the technician is told which key,
 * on which line (and column), and what was expected.
 */
class MalformedConfigTest {

    @Test
    void unknownKeyAtTopLevelIsNamedWithItsLine() {
        String text = bagFilter() + "\nconsoel:\n  port: 8081\n";
        ConfigProblem p = only(text, lineOf(text, "consoel:"), 1, "consoel");
        assertThat(p.message()).contains("unknown key 'consoel'").contains("did you mean 'console'?");
    }

    @Test
    void misspeltKeyDeepInAListGetsADidYouMean() {
        String text = replace(bagFilter(), "      running_below: 8\n", "      runing_below: 8\n");
        List<ConfigProblem> found = problems(text);
        ConfigProblem unknown = found.stream().filter(p -> p.message().contains("unknown key")).findFirst().orElseThrow();
        assertThat(unknown.path()).isEqualTo("equipment[1].state.runing_below");
        assertThat(unknown.line()).isEqualTo(lineOf(text, "runing_below"));
        assertThat(unknown.column()).isEqualTo(7);
        assertThat(unknown.message()).contains("did you mean 'running_below'?");
        // the misspelling also leaves the real key missing: both are reported
        assertThat(found).anySatisfy(p -> assertThat(p.path()).isEqualTo("equipment[1].state.running_below"));
    }

    @Test
    void keyOfAnotherDeviceTypeIsUnknownForThisOne() {
        String text = replace(bagFilter(), "    address: 0x76\n", "    address: 0x76\n    pin: 4\n");
        ConfigProblem p = only(text, lineOf(text, "pin: 4"), 5, "devices[5].pin");
        assertThat(p.message()).contains("unknown key 'pin' for type bme280");
    }

    @Test
    void unknownChannelDeviceListsTheDeclaredDevices() {
        String text = replace(bagFilter(), "{ device: meter-line2, field: phase1_current }",
                "{ device: meter-9, field: phase1_current }");
        ConfigProblem p = only(text, lineOf(text, "meter-9"), columnOf(text, "meter-9"), "channels[5].source.device");
        assertThat(p.message()).startsWith("unknown device 'meter-9' (expected one of: meter-line1, meter-line2,");
    }

    @Test
    void channelFieldTheRegisterMapDoesNotHave() {
        String text = replace(bagFilter(), "field: phase1_current }\n    sampling_period: 5s\n  - id: line1-ua",
                "field: phase1_curent }\n    sampling_period: 5s\n  - id: line1-ua");
        ConfigProblem p = only(text, lineOf(text, "phase1_curent"), columnOf(text, "phase1_curent"), "channels[1].source.field");
        assertThat(p.message()).contains("register map eastron-sdm630").contains("did you mean 'phase1_current'?");
    }

    @Test
    void channelFieldOfADriverDevice() {
        String text = replace(vocUnit(), "field: voc_index }", "field: tvoc }");
        ConfigProblem p = only(text, lineOf(text, "field: tvoc"), 0, "channels[6].source.field");
        assertThat(p.message()).contains("device 'voc-index' (sgp40) has no field 'tvoc'").contains("sraw, voc_index");
    }

    @Test
    void userRegisterMapFileSkipsTheFieldCheck() {
        String text = replace(bagFilter(), "register_map: generic-dust-monitor", "register_map: /etc/lantian/maps/dust.yaml");
        text = replace(text, "source: { device: dust-stockpile, field: pm10 }", "source: { device: dust-stockpile, field: dust_10 }");
        assertThat(SiteFiles.valid(text).device("dust-stockpile").orElseThrow().options())
                .isEqualTo(new Device.Modbus(1, "/etc/lantian/maps/dust.yaml"));
    }

    @Test
    void unknownRegisterMapName() {
        String text = replace(bagFilter(), "register_map: generic-dust-monitor", "register_map: generic-dust");
        ConfigProblem p = only(text, lineOf(text, "generic-dust\n"), 19, "devices[3].register_map");
        assertThat(p.message()).contains("unknown register map 'generic-dust'").contains("path of a register-map");
    }

    @Test
    void deviceOnABusOfTheWrongType() {
        String text = replace(bagFilter(), "    bus: uart0\n", "    bus: i2c1\n");
        ConfigProblem p = only(text, lineOf(text, "bus: i2c1\n    warmup"), 10, "devices[4].bus");
        assertThat(p.message()).isEqualTo("a pms5003 cannot be on bus 'i2c1', which is of type i2c (expected a bus of type serial)");
    }

    @Test
    void unknownBusReference() {
        String text = replace(bagFilter(), "    bus: rs485-dust\n", "    bus: rs485-dsut\n");
        ConfigProblem p = only(text, lineOf(text, "rs485-dsut"), 10, "devices[3].bus");
        assertThat(p.message()).contains("unknown bus 'rs485-dsut'").contains("did you mean 'rs485-dust'?");
    }

    @Test
    void duplicateDeviceIdPointsAtTheSecondAndNamesTheFirst() {
        String text = replace(bagFilter(), "  - id: meter-line2\n", "  - id: meter-line1\n");
        List<ConfigProblem> found = problems(text);
        ConfigProblem dup = found.get(0);
        assertThat(dup.path()).isEqualTo("devices[1].id");
        assertThat(dup.line()).isEqualTo(lineOf(text, "  - id: meter-line1\n    type: modbus\n    bus: rs485-meters\n    unit: 2"));
        assertThat(dup.column()).isEqualTo(9);
        assertThat(dup.message()).isEqualTo("duplicate device id 'meter-line1' (first used at line "
                + lineOf(text, "  - id: meter-line1\n    type: modbus\n    bus: rs485-meters\n    unit: 1") + "; each must be unique)");
        // the channels that named the renamed device now point nowhere, and say so
        assertThat(found).anySatisfy(p -> assertThat(p.message()).startsWith("unknown device 'meter-line2'"));
    }

    @Test
    void duplicateYamlKeyNamesBothLines() {
        String text = replace(bagFilter(), "    baud: 9600\n    parity: none\n", "    baud: 9600\n    parity: none\n    baud: 19200\n");
        ConfigProblem p = only(text, lineOf(text, "baud: 19200"), 5, "buses[0].baud");
        assertThat(p.message()).contains("duplicate key 'baud' (first given at line " + (lineOf(text, "baud: 19200") - 2));
    }

    @Test
    void wrongTypeOfValue() {
        String text = replace(bagFilter(), "rated_power: 45", "rated_power: fourty-five");
        ConfigProblem p = only(text, lineOf(text, "fourty-five"), 18, "equipment[2].rated_power");
        assertThat(p.message()).isEqualTo("expected a number, got 'fourty-five'");
    }

    @Test
    void listWhereAMappingBelongs() {
        String text = replace(bagFilter(), "tamper:\n  meter_lost_after: 60s\n  clamp_current_below: 0.2\n",
                "tamper:\n  - meter_lost_after: 60s\n");
        ConfigProblem p = only(text, lineOf(text, "- meter_lost_after"), 3, "tamper");
        assertThat(p.message()).contains("expected a mapping").contains("got a list");
    }

    @Test
    void missingRequiredKeyIsReportedAtItsMapping() {
        String text = replace(bagFilter(), "    port: /dev/ttyUSB1\n", "");
        ConfigProblem p = only(text, lineOf(text, "- id: rs485-dust"), 5, "buses[1].port");
        assertThat(p.message()).startsWith("missing required key 'port' for type serial");
    }

    @Test
    void missingRequiredSection() {
        String text = bagFilter().replaceAll("(?s)\nsite:\n.*?\n\n", "\n");
        List<ConfigProblem> found = problems(text);
        assertThat(found).extracting(ConfigProblem::path).containsExactly("site");
        assertThat(found.get(0).line()).isEqualTo(lineOf(text, "reporting:"));
        assertThat(found.get(0).message()).contains("missing required key 'site'");
    }

    @Test
    void realtimeIntervalOutsideTheStandardsRange() {
        String text = replace(bagFilter(), "realtime_interval: 60s", "realtime_interval: 10s");
        ConfigProblem p = only(text, lineOf(text, "realtime_interval"), 22, "reporting.realtime_interval");
        assertThat(p.message()).contains("expected duration 30s–1h");
    }

    @Test
    void minuteIntervalNotADivisorOfTheHour() {
        String text = replace(bagFilter(), "minute_interval: 10m", "minute_interval: 7m");
        ConfigProblem p = only(text, lineOf(text, "minute_interval"), 20, "reporting.minute_interval");
        assertThat(p.message()).contains("one of 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m, 30m");
    }

    @Test
    void durationWithoutAUnit() {
        String text = replace(bagFilter(), "    grace: 2m\n    lead: 3m\n    lag: 5m\n  - production: line2",
                "    grace: 120\n    lead: 3m\n    lag: 5m\n  - production: line2");
        ConfigProblem p = only(text, lineOf(text, "grace: 120"), 12, "linkage[0].grace");
        assertThat(p.message()).contains("'120' is not a duration").contains("120s");
    }

    @Test
    void deviceIdThatIsNotAnMn() {
        String text = replace(bagFilter(), "device_id: 010000A8900016F000169DC0", "device_id: 010000a8900016f000169dc0");
        ConfigProblem p = only(text, lineOf(text, "device_id"), 14, "site.device_id");
        assertThat(p.message()).contains("24 upper-case hexadecimal digits");
    }

    @Test
    void runningBelowAboveRunningAbove() {
        String text = replace(bagFilter(), "      running_below: 5\n", "      running_below: 9\n");
        ConfigProblem p = only(text, lineOf(text, "running_below: 9"), 22, "equipment[2].state.running_below");
        assertThat(p.message()).contains("running_below 9.0 is above running_above 8.0");
    }

    @Test
    void lowLoadShareMustBeAShare() {
        String text = replace(bagFilter(), "      low_load_share: 0.5\n", "      low_load_share: 1.5\n");
        ConfigProblem p = only(text, lineOf(text, "low_load_share: 1.5"), 23, "equipment[2].state.low_load_share");
        assertThat(p.message()).contains("expected number in (0, 1)");
    }

    @Test
    void portOutOfRange() {
        String text = replace(bagFilter(), "  port: 8080", "  port: 80800");
        ConfigProblem p = only(text, lineOf(text, "80800"), 9, "console.port");
        assertThat(p.message()).contains("80800 is not allowed (expected integer 1–65535)");
    }

    @Test
    void nonStandardBaudRate() {
        String text = replace(vocUnit(), "baud: 2400", "baud: 2500");
        ConfigProblem p = only(text, lineOf(text, "baud: 2500"), 11, "buses[1].baud");
        assertThat(p.message()).contains("one of 300, 600, 1200, 2400");
    }

    @Test
    void unknownTimeZone() {
        String text = replace(bagFilter(), "time_zone: Asia/Shanghai", "time_zone: Asia/Beijing");
        ConfigProblem p = only(text, lineOf(text, "time_zone"), 14, "site.time_zone");
        assertThat(p.message()).contains("unknown time zone 'Asia/Beijing'");
    }

    @Test
    void storageMustKeepNinetyDays() {
        String text = replace(bagFilter(), "max_age_days: 400", "max_age_days: 30");
        ConfigProblem p = only(text, lineOf(text, "max_age_days"), 17, "storage.max_age_days");
        assertThat(p.message()).contains("integer 90–3650");
    }

    @Test
    void staggeredPeriodEndingBeforeItStarts() {
        String text = replace(bagFilter(), "to: 2027-03-15", "to: 2026-03-15");
        ConfigProblem p = only(text, lineOf(text, "to: 2026-03-15"), 9, "staggered_production[0].to");
        assertThat(p.message()).contains("ends on 2026-03-15, before it starts on 2026-11-15");
    }

    @Test
    void linkageProductionThatIsATreatmentUnit() {
        String text = replace(bagFilter(), "  - production: line2\n", "  - production: bag-filter\n");
        ConfigProblem p = only(text, lineOf(text, "production: bag-filter"), 17, "linkage[1].production");
        assertThat(p.message()).contains("equipment 'bag-filter' is treatment equipment").contains("expected production");
    }

    @Test
    void linkageTreatmentThatIsAProductionUnit() {
        String text = replace(vocUnit(), "treatment: [voc-unit]", "treatment: [coating-line]");
        ConfigProblem p = only(text, lineOf(text, "treatment: [coating-line]"), 17, "linkage[0].treatment[0]");
        assertThat(p.message()).contains("is production equipment").contains("expected treatment equipment");
    }

    @Test
    void limitWithoutAShare() {
        String text = replace(vocUnit(), "{ equipment: coating-line, action: limit, max_share: 0.5 }",
                "{ equipment: coating-line, action: limit }");
        ConfigProblem p = only(text, lineOf(text, "action: limit }"), 0, "emergency.levels.orange[0].max_share");
        assertThat(p.message()).contains("action limit needs max_share");
    }

    @Test
    void i2cAddressInHexOutOfRange() {
        String text = replace(bagFilter(), "address: 0x76", "address: 0x80");
        ConfigProblem p = only(text, lineOf(text, "address: 0x80"), 14, "devices[5].address");
        assertThat(p.message()).isEqualTo("0x80 is not allowed (expected integer 0x03–0x77)");
    }

    @Test
    void i2cAddressAsQuotedHexOrDecimalIsAccepted() {
        assertThat(SiteFiles.valid(replace(bagFilter(), "address: 0x76", "address: \"0x77\""))
                .device("climate").orElseThrow().options()).isEqualTo(new Device.I2c(0x77));
        assertThat(SiteFiles.valid(replace(bagFilter(), "address: 0x76", "address: 119"))
                .device("climate").orElseThrow().options()).isEqualTo(new Device.I2c(0x77));
    }

    @Test
    void dlt645AddressMustBeTwelveDigits() {
        String text = replace(vocUnit(), "address: \"000000123456\"", "address: \"12345\"");
        ConfigProblem p = only(text, lineOf(text, "\"12345\""), 14, "devices[2].address");
        assertThat(p.message()).contains("12 decimal digits");
    }

    @Test
    void twoMeterSharingAModbusUnitOnOneLine() {
        String text = replace(bagFilter(), "    unit: 3\n", "    unit: 2\n");
        ConfigProblem p = only(text, lineOf(text, "unit: 2\n    register_map: eastron-sdm630\n    poll_period: 5s\n  - id: dust"), 11, "devices[2].unit");
        assertThat(p.message()).contains("already used by device 'meter-line2'");
    }

    @Test
    void fogHumidityChannelMustExist() {
        String text = replace(bagFilter(), "    fog: { humidity_channel: ambient-rh, above: 85 }\n    spike: { window: 7, threshold: 3.0 }\n  - id: boundary-pm10",
                "    fog: { humidity_channel: ambient-humidity, above: 85 }\n    spike: { window: 7, threshold: 3.0 }\n  - id: boundary-pm10");
        ConfigProblem p = only(text, lineOf(text, "ambient-humidity"), columnOf(text, "ambient-humidity"), "channels[12].fog.humidity_channel");
        assertThat(p.message()).contains("unknown channel 'ambient-humidity'");
    }

    @Test
    void tlsOnAPlainUrl() {
        String text = replace(vocUnit(), "url: ssl://mqtt.bureau.example.cn:8883", "url: tcp://mqtt.bureau.example.cn:1883");
        ConfigProblem p = only(text, lineOf(text, "      ca_file"), 7, "uplink.mqtt.tls");
        assertThat(p.message()).contains("not encrypted");
    }

    @Test
    void emptyFile() {
        ConfigProblem p = problems("# nothing configured yet\n").get(0);
        assertThat(p.line()).isZero();
        assertThat(p.toString()).startsWith("site.yaml: the file is empty");
    }

    @Test
    void topLevelThatIsNotAMapping() {
        List<ConfigProblem> found = problems("- site\n- buses\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).toString()).startsWith("site.yaml:1:1: the top level is not a mapping");
    }

    @Test
    void truncatedFileReportsWhereTheParserStopped() {
        String full = bagFilter();
        String text = full.substring(0, full.indexOf("field: phase1_current }") + 10);
        List<ConfigProblem> found = problems(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).startsWith("YAML syntax error");
        // the text ends inside a flow mapping: the parser stops on the last line
        assertThat(found.get(0).line()).isEqualTo((int) text.lines().count());
    }

    @Test
    void badIndentationIsASyntaxErrorAtItsLine() {
        String text = replace(bagFilter(), "    baud: 9600\n    parity: none\n", "    baud: 9600\n   parity: none\n");
        List<ConfigProblem> found = problems(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).startsWith("YAML syntax error");
        assertThat(found.get(0).line()).isEqualTo(lineOf(text, "   parity: none"));
    }

    @Test
    void everyProblemInOneFileIsReportedInFileOrder() {
        String text = replace(bagFilter(), "system_code: 31", "system_code: 310");
        text = replace(text, "    baud: 9600\n    parity: none\n", "    baud: 9601\n    parity: none\n");
        text = replace(text, "{ device: meter-line2, field: total_power }", "{ device: meter-2, field: total_power }");
        text = replace(text, "role: treatment", "role: cleaning");
        text = replace(text, "max_age_days: 400", "max_age_days: 60");
        text = text + "extra: true\n";
        List<ConfigProblem> found = problems(text);
        assertThat(found).extracting(ConfigProblem::path).containsExactly("site.system_code", "buses[0].baud",
                "channels[4].source.device", "equipment[2].role", "storage.max_age_days", "extra");
        assertThat(found).extracting(ConfigProblem::line).isSorted();
    }
}
