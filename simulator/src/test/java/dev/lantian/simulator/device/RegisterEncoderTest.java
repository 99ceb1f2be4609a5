package dev.lantian.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.meter.ReadBlock;
import dev.lantian.hardware.meter.RegisterEntry;
import dev.lantian.hardware.meter.RegisterImage;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.meter.RegisterType;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the simulator encodes with a shipped map, the agent's decoder of the same map reads back. */
class RegisterEncoderTest {

    @Test
    void everyShippedMapRoundTripsThroughTheAgentsDecoder() {
        Random random = new Random(42);
        for (String name : RegisterMaps.SHIPPED) {
            RegisterMap map = RegisterMaps.shipped(name).orElseThrow();
            for (int round = 0; round < 50; round++) {
                Map<String, Double> values = new HashMap<>();
                for (RegisterEntry e : map.entries()) {
                    boolean signed = e.type() == RegisterType.INT16 || e.type() == RegisterType.INT32 || e.type() == RegisterType.FLOAT32;
                    double max = e.type().words() == 1 ? 600 * e.scale() * 100 : 100_000;
                    values.put(e.field(), (signed && random.nextBoolean() ? -1 : 1) * random.nextDouble() * Math.min(max, 60_000 * e.scale()));
                }
                Map<RegisterFunction, Map<Integer, Integer>> tables = RegisterEncoder.encode(map, values);
                RegisterImage image = new RegisterImage();
                for (ReadBlock b : map.plan(Set.of())) {
                    int[] words = new int[b.count()];
                    for (int i = 0; i < b.count(); i++) {
                        words[i] = tables.get(b.function()).get(b.address() + i);
                    }
                    image.put(b, words);
                }
                for (Reading r : map.decode(image, Map.of())) {
                    RegisterEntry e = map.entry(r.field()).orElseThrow();
                    double want = values.get(r.field());
                    double tolerance = e.type() == RegisterType.FLOAT32 ? Math.abs(want) * 1e-6 + 1e-9 : e.scale() / 2 + 1e-9;
                    assertThat(r.flag()).as(name + " " + r.field()).isEqualTo(QualityFlag.N);
                    assertThat(r.value()).as(name + " " + r.field()).isCloseTo(want, within(tolerance));
                }
            }
        }
    }

    @Test
    void wordAndByteOrderFollowTheEntry() {
        RegisterEntry swapped = RegisterMaps.shipped("generic-pid-voc").orElseThrow().entry("nmhc").orElseThrow();
        int bits = Float.floatToIntBits(12.5f);
        assertThat(RegisterEncoder.words(swapped, 12.5)).containsExactly(bits & 0xFFFF, bits >>> 16);
        RegisterEntry big = RegisterMaps.shipped("eastron-sdm630").orElseThrow().entry("phase1_voltage").orElseThrow();
        assertThat(RegisterEncoder.words(big, 12.5)).containsExactly(bits >>> 16, bits & 0xFFFF);
    }
}
