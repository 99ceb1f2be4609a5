package dev.lantian.hardware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterDecodeTest {

    private static RegisterEntry entry(RegisterType type, Endianness words, Endianness bytes) {
        return new RegisterEntry("x", RegisterFunction.INPUT, 0, type, words, bytes, 1, 0, "", false, List.of());
    }

    @Test
    void float32InAllFourByteLayoutsDecodesTheSameValue() {
        // 230.5f = 0x43668000: ABCD as Eastron sends it, and the CDAB, BADC, DCBA layouts other makers use.
        assertThat(entry(RegisterType.FLOAT32, Endianness.BIG, Endianness.BIG).raw(new int[] {0x4366, 0x8000})).isEqualTo(230.5);
        assertThat(entry(RegisterType.FLOAT32, Endianness.LITTLE, Endianness.BIG).raw(new int[] {0x8000, 0x4366})).isEqualTo(230.5);
        assertThat(entry(RegisterType.FLOAT32, Endianness.BIG, Endianness.LITTLE).raw(new int[] {0x6643, 0x0080})).isEqualTo(230.5);
        assertThat(entry(RegisterType.FLOAT32, Endianness.LITTLE, Endianness.LITTLE).raw(new int[] {0x0080, 0x6643})).isEqualTo(230.5);
    }

    @Test
    void integerTypesKeepTheirSign() {
        assertThat(entry(RegisterType.INT16, Endianness.BIG, Endianness.BIG).raw(new int[] {0xFFFE})).isEqualTo(-2);
        assertThat(entry(RegisterType.UINT16, Endianness.BIG, Endianness.BIG).raw(new int[] {0xFFFE})).isEqualTo(65534);
        assertThat(entry(RegisterType.INT32, Endianness.BIG, Endianness.BIG).raw(new int[] {0xFFFF, 0xFF38})).isEqualTo(-200);
        assertThat(entry(RegisterType.INT32, Endianness.LITTLE, Endianness.BIG).raw(new int[] {0xFF38, 0xFFFF})).isEqualTo(-200);
        assertThat(entry(RegisterType.UINT32, Endianness.BIG, Endianness.BIG).raw(new int[] {0x0001, 0x0000})).isEqualTo(65536);
        assertThat(entry(RegisterType.UINT32, Endianness.LITTLE, Endianness.BIG).raw(new int[] {0x0000, 0x0001})).isEqualTo(65536);
    }

    @Test
    void ctAndPtRatiosFromTheMetersRegistersScaleSecondaryReadings() {
        RegisterMap adw = RegisterMaps.shipped("acrel-adw300").orElseThrow();
        RegisterImage image = new RegisterImage();
        for (ReadBlock b : adw.plan(java.util.Set.of())) {
            image.put(b, new int[b.count()]);
        }
        // PT 10 (10 kV / 100 V), CT 40 (200 A / 5 A); secondary: 100.0 V, 4.00 A, 380 W.
        image.put(new ReadBlock(RegisterFunction.HOLDING, 0x0003, 2), new int[] {10, 40});
        image.put(new ReadBlock(RegisterFunction.HOLDING, 0x0010, 1), new int[] {1000});
        image.put(new ReadBlock(RegisterFunction.HOLDING, 0x0016, 1), new int[] {400});
        image.put(new ReadBlock(RegisterFunction.HOLDING, 0x0020, 2), new int[] {0, 380});
        List<Reading> r = adw.decode(image, Map.of());
        assertThat(value(r, "phase1_voltage")).isCloseTo(1000.0, within(1e-9));
        assertThat(value(r, "phase1_current")).isCloseTo(160.0, within(1e-9));
        assertThat(value(r, "total_power")).isCloseTo(0.38 * 400, within(1e-9));

        // A site override (the ratio on the CT's nameplate) wins over the register, and the register is not read.
        List<Reading> overridden = adw.decode(image, Map.of("ct", 60.0));
        assertThat(value(overridden, "phase1_current")).isCloseTo(240.0, within(1e-9));
        assertThat(adw.plan(java.util.Set.of("ct", "pt"))).noneMatch(b -> b.address() <= 0x0004 && b.end() > 0x0003);
    }

    @Test
    void aRatioRegisterReadingZeroFallsBackToTheDefault() {
        RegisterMap adw = RegisterMaps.shipped("acrel-adw300").orElseThrow();
        RegisterImage image = new RegisterImage();
        for (ReadBlock b : adw.plan(java.util.Set.of())) {
            image.put(b, new int[b.count()]);
        }
        image.put(new ReadBlock(RegisterFunction.HOLDING, 0x0016, 1), new int[] {400});
        assertThat(value(adw.decode(image, Map.of()), "phase1_current")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aRatioNobodyCanSupplyFlagsTheValueAsAFault() throws Exception {
        RegisterMap m = RegisterMapLoader.load(new StringReader("""
                ratios:
                  ct: { address: 100 }
                registers:
                  - { field: i, address: 0, type: uint16, ratios: [ct] }
                """), "m", "m.yaml");
        RegisterImage image = new RegisterImage();
        image.put(new ReadBlock(RegisterFunction.INPUT, 0, 1), new int[] {5});
        Reading i = m.decode(image, Map.of()).get(0);
        assertThat(i.flag()).isEqualTo(QualityFlag.D);
        assertThat(i.value()).isNaN();
    }

    @Test
    void missingRegistersAreACommunicationFaultAndNanFloatsAFault() {
        RegisterMap sdm = RegisterMaps.shipped("eastron-sdm120").orElseThrow();
        RegisterImage image = new RegisterImage();
        image.put(new ReadBlock(RegisterFunction.INPUT, 0, 2), new int[] {0x7FC0, 0x0000});
        List<Reading> r = sdm.decode(image, Map.of());
        assertThat(r.get(0).flag()).isEqualTo(QualityFlag.D);
        assertThat(r.get(1).flag()).isEqualTo(QualityFlag.B);
        assertThat(r).filteredOn(Reading::cumulative).extracting(Reading::field)
                .containsExactlyInAnyOrder("import_energy", "total_energy");
    }

    @Test
    void contiguousRegistersMergeAndGapsAndFunctionChangesSplit() {
        RegisterMap sdm630 = RegisterMaps.shipped("eastron-sdm630").orElseThrow();
        assertThat(sdm630.plan(java.util.Set.of())).containsExactly(
                new ReadBlock(RegisterFunction.INPUT, 0x0000, 18),
                new ReadBlock(RegisterFunction.INPUT, 0x0034, 2),
                new ReadBlock(RegisterFunction.INPUT, 0x0046, 4),
                new ReadBlock(RegisterFunction.INPUT, 0x0156, 2));

        List<RegisterEntry> mixed = List.of(
                e("a", RegisterFunction.HOLDING, 0, RegisterType.FLOAT32),
                e("b", RegisterFunction.INPUT, 2, RegisterType.FLOAT32),
                e("c", RegisterFunction.INPUT, 0, RegisterType.FLOAT32),
                e("d", RegisterFunction.INPUT, 1, RegisterType.UINT16));
        // d overlaps c: one read serves both.
        assertThat(RegisterMap.merge(mixed)).containsExactly(
                new ReadBlock(RegisterFunction.INPUT, 0, 4),
                new ReadBlock(RegisterFunction.HOLDING, 0, 2));
    }

    @Test
    void noMergedRequestExceeds125Registers() {
        List<RegisterEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(e("f" + i, RegisterFunction.INPUT, 2 * i, RegisterType.FLOAT32));
        }
        List<ReadBlock> blocks = RegisterMap.merge(many);
        assertThat(blocks).allMatch(b -> b.count() <= 125);
        assertThat(blocks).containsExactly(new ReadBlock(RegisterFunction.INPUT, 0, 124),
                new ReadBlock(RegisterFunction.INPUT, 124, 76));
    }

    private static RegisterEntry e(String f, RegisterFunction fn, int address, RegisterType t) {
        return new RegisterEntry(f, fn, address, t, Endianness.BIG, Endianness.BIG, 1, 0, "", false, List.of());
    }

    private static double value(List<Reading> r, String field) {
        Optional<Reading> x = r.stream().filter(y -> y.field().equals(field)).findFirst();
        assertThat(x).as(field).isPresent();
        assertThat(x.get().flag()).as(field).isEqualTo(QualityFlag.N);
        return x.get().value();
    }

}
