package dev.lantian.hardware.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.meter.ReadBlock;
import dev.lantian.hardware.meter.RegisterEncoder;
import dev.lantian.hardware.meter.RegisterEntry;
import dev.lantian.hardware.meter.RegisterImage;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.meter.RegisterType;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped register map decoded end to end: known values are put into digitalpetri's server-side
 * slaves (one unit per map), read through Lantian's links over Modbus TCP, RTU over TCP and a real
 * serial pty pair, and must come back as the same named values.
 */
class ShippedMapsOverTheWireTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final double PT = 10;
    private static final double CT = 40;

    private final VirtualSlaves slaves = new VirtualSlaves();
    private final Map<String, Map<String, Double>> expected = new HashMap<>();

    @BeforeEach
    void fillSlaves() {
        int unit = 1;
        for (String name : RegisterMaps.SHIPPED) {
            RegisterMap map = RegisterMaps.shipped(name).orElseThrow();
            Map<String, Double> values = new HashMap<>();
            map.ratios().forEach(r -> r.register().ifPresent(reg -> slaves.set(unitOf(name), reg.function(), reg.address(),
                    new int[] {(int) (r.name().equals("ct") ? CT : PT)})));
            int i = 0;
            for (RegisterEntry e : map.entries()) {
                double ratio = 1;
                for (String r : e.ratios()) {
                    ratio *= r.equals("ct") ? CT : PT;
                }
                double value = e.type() == RegisterType.FLOAT32
                        ? 12.5 + 7.25 * i
                        : (100 + 3 * i) * e.scale() * ratio + e.offset();
                slaves.set(unit, e.function(), e.address(), RegisterEncoder.words(e, value, ratio));
                values.put(e.field(), value);
                i++;
            }
            expected.put(name, values);
            unit++;
        }
    }

    private static int unitOf(String map) {
        return RegisterMaps.SHIPPED.indexOf(map) + 1;
    }

    private void readsEveryMapBack(ModbusLink link) throws Exception {
        for (String name : RegisterMaps.SHIPPED) {
            RegisterMap map = RegisterMaps.shipped(name).orElseThrow();
            RegisterImage image = new RegisterImage();
            for (ReadBlock b : map.plan(Set.of())) {
                image.put(b, link.read(unitOf(name), b.function(), b.address(), b.count(), TIMEOUT));
            }
            List<Reading> readings = map.decode(image, Map.of());
            assertThat(readings).as(name).hasSize(map.entries().size()).allMatch(r -> r.flag() == QualityFlag.N);
            for (Reading r : readings) {
                double want = expected.get(name).get(r.field());
                assertThat(r.value()).as(name + " " + r.field()).isCloseTo(want, within(Math.abs(want) * 1e-6 + 1e-9));
            }
        }
    }

    @Test
    void modbusTcp() throws Exception {
        try (var server = slaves.serveTcp(); ModbusLink link = ModbusLinks.tcp("127.0.0.1", server.port(), TIMEOUT)) {
            readsEveryMapBack(link);
        }
    }

    @Test
    void rtuCarriedOverTcpAsAConverterDoes() throws Exception {
        try (var server = slaves.serveRtuOverTcp(); ModbusLink link = ModbusLinks.rtuOverTcp("127.0.0.1", server.port(), TIMEOUT)) {
            readsEveryMapBack(link);
        }
    }

    @Test
    void rtuOnASerialPtyPair(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             var server = slaves.serveSerial(pair.a.toString(), 9600);
             ModbusLink link = ModbusLinks.rtuSerial(pair.b.toString(), new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1), TIMEOUT)) {
            readsEveryMapBack(link);
        }
    }

    @Test
    void anAbsentUnitTimesOutAndAnIllegalAddressIsAnExceptionResponse() throws Exception {
        try (var server = slaves.serveRtuOverTcp();
             ModbusLink link = ModbusLinks.rtuOverTcp("127.0.0.1", server.port(), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> link.read(99, RegisterFunction.INPUT, 0, 2, Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
            // and the line still works for the next device
            assertThat(link.read(1, RegisterFunction.INPUT, 0, 2, TIMEOUT)).hasSize(2);
        }
        slaves.refuse(42);
        try (var server = slaves.serveTcp(); ModbusLink link = ModbusLinks.tcp("127.0.0.1", server.port(), TIMEOUT)) {
            assertThatThrownBy(() -> link.read(42, RegisterFunction.INPUT, 0, 2, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class,
                            e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.DEVICE_ERROR))
                    .hasMessageContaining("illegal data address");
        }
    }

    @Test
    void nobodyListeningIsALinkFailure() throws Exception {
        int port = VirtualSlaves.freePort();
        try (ModbusLink link = ModbusLinks.tcp("127.0.0.1", port, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> link.read(1, RegisterFunction.INPUT, 0, 2, Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.LINK));
        }
    }

    @Test
    void aLateAnswerIsNeverTakenForTheNextDevicesAnswer() throws Exception {
        slaves.set(50, RegisterFunction.INPUT, 0, new int[] {0xAAAA, 0xAAAA});
        slaves.slow(50, 400);
        try (var server = slaves.serveRtuOverTcp();
             ModbusLink link = ModbusLinks.rtuOverTcp("127.0.0.1", server.port(), Duration.ofMillis(700))) {
            assertThatThrownBy(() -> link.read(50, RegisterFunction.INPUT, 0, 2, Duration.ofMillis(100)))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
            int[] words = link.read(2, RegisterFunction.INPUT, 0, 2, TIMEOUT);
            int[] unit2 = RegisterEncoder.words(RegisterMaps.shipped("eastron-sdm120").orElseThrow().entry("voltage").orElseThrow(),
                    expected.get("eastron-sdm120").get("voltage"), 1);
            assertThat(words).containsExactly(unit2);
        }
    }
}
