package dev.lantian.hardware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantian.hardware.modbus.RegisterFunction;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterMapsTest {

    /** The field names of FIELDS.md, the contract with configuration validation. */
    private static final List<String> THREE_PHASE = List.of("phase1_voltage", "phase2_voltage", "phase3_voltage",
            "phase1_current", "phase2_current", "phase3_current", "phase1_power", "phase2_power", "phase3_power",
            "total_power", "frequency", "import_energy", "total_energy");

    @Test
    void shippedMapsProvideExactlyTheFieldsOfTheContract() throws Exception {
        assertThat(RegisterMaps.fields("eastron-sdm630")).containsExactlyInAnyOrderElementsOf(THREE_PHASE);
        assertThat(RegisterMaps.fields("acrel-adw300")).containsExactlyInAnyOrderElementsOf(THREE_PHASE);
        assertThat(RegisterMaps.fields("eastron-sdm120")).containsExactlyInAnyOrder("voltage", "current", "active_power",
                "frequency", "import_energy", "total_energy");
        assertThat(RegisterMaps.fields("generic-dust-monitor")).containsExactlyInAnyOrder("pm10", "tsp", "pm2_5");
        assertThat(RegisterMaps.fields("generic-pid-voc")).containsExactlyInAnyOrder("tvoc", "nmhc");
    }

    @Test
    void energyCountersAreMarkedCumulativeAndNothingElse() {
        for (String name : List.of("eastron-sdm630", "eastron-sdm120", "acrel-adw300")) {
            assertThat(RegisterMaps.shipped(name).orElseThrow().cumulativeFields()).as(name)
                    .containsExactlyInAnyOrder("import_energy", "total_energy");
        }
        assertThat(RegisterMaps.shipped("generic-dust-monitor").orElseThrow().cumulativeFields()).isEmpty();
    }

    @Test
    void sdm630AddressesMatchEastronsTable() {
        RegisterMap m = RegisterMaps.shipped("eastron-sdm630").orElseThrow();
        assertThat(m.entry("total_power").orElseThrow().address()).isEqualTo(0x34);
        assertThat(m.entry("import_energy").orElseThrow().address()).isEqualTo(0x48);
        assertThat(m.entry("total_energy").orElseThrow().address()).isEqualTo(0x156);
        assertThat(m.entry("phase3_current").orElseThrow().function()).isEqualTo(RegisterFunction.INPUT);
    }

    @Test
    void aMapNarrowedToTheFieldsASiteUsesReadsOnlyTheirRegisters() {
        RegisterMap m = RegisterMaps.shipped("eastron-sdm630").orElseThrow();
        assertThat(m.plan(java.util.Set.of())).hasSize(4); // 0x00-0x11, 0x34, 0x46-0x49, 0x156
        RegisterMap used = m.only(java.util.Set.of("phase1_voltage", "phase2_voltage", "total_power", "import_energy"));
        assertThat(used.plan(java.util.Set.of())).containsExactly(new ReadBlock(RegisterFunction.INPUT, 0x00, 4),
                new ReadBlock(RegisterFunction.INPUT, 0x34, 2), new ReadBlock(RegisterFunction.INPUT, 0x48, 2));
        assertThat(used.fields()).containsExactly("phase1_voltage", "phase2_voltage", "total_power", "import_energy");
        assertThat(m.only(java.util.Set.of())).isEqualTo(m);
        assertThatThrownBy(() -> m.only(java.util.Set.of("total_power", "power_factor")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field power_factor");
    }

    @Test
    void unknownNameThatIsNoFileIsAClearError() {
        assertThatThrownBy(() -> RegisterMaps.fields("eastron-sdm999"))
                .isInstanceOf(RegisterMapException.class).hasMessageContaining("eastron-sdm630");
    }

    @Test
    void userMapFromAPathIsResolvedAgainstTheConfigurationDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("my-meter.yaml"), """
                registers:
                  - { field: flow, address: 10, type: uint16, scale: 0.1, unit: m3/h }
                """);
        RegisterMap m = RegisterMaps.resolve("my-meter.yaml", dir);
        assertThat(m.fields()).containsExactly("flow");
        assertThat(m.entry("flow").orElseThrow().function()).isEqualTo(RegisterFunction.INPUT);
    }

    private static RegisterMapException error(String yaml) {
        try {
            RegisterMapLoader.load(new StringReader(yaml), "user", "user.yaml");
        } catch (RegisterMapException e) {
            return e;
        }
        throw new AssertionError("map was accepted:\n" + yaml);
    }

    @Test
    void badUserMapsAreRejectedWithTheLineToFix() {
        RegisterMapException typo = error("""
                name: x
                registers:
                  - field: a
                    address: 1
                  - field: b
                    adress: 2
                """);
        assertThat(typo.line()).isEqualTo(6);
        assertThat(typo.getMessage()).startsWith("user.yaml:6:").contains("adress");

        RegisterMapException badType = error("""
                registers:
                  - { field: a, address: 1 }
                  - { field: b, address: 3, type: float64 }
                """);
        assertThat(badType.line()).isEqualTo(3);
        assertThat(badType.getMessage()).contains("float64");

        RegisterMapException badAddress = error("""
                registers:
                  - field: a
                    address: 70000
                """);
        assertThat(badAddress.line()).isEqualTo(3);

        RegisterMapException dup = error("""
                registers:
                  - { field: a, address: 1 }
                  - { field: a, address: 3 }
                """);
        assertThat(dup.line()).isEqualTo(3);
        assertThat(dup.getMessage()).contains("twice");

        RegisterMapException unknownRatio = error("""
                registers:
                  - { field: a, address: 1, ratios: [ct] }
                """);
        assertThat(unknownRatio.line()).isEqualTo(2);

        RegisterMapException syntax = error("""
                registers:
                  - { field: a, address: 1
                  - foo
                """);
        assertThat(syntax.line()).isGreaterThan(0);

        assertThat(error("").getMessage()).contains("empty");
        assertThat(error("registers: []\n").getMessage()).contains("non-empty");
        assertThat(error("- a\n- b\n").getMessage()).contains("mapping");
    }
}
