package dev.lantian.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.meter.ReadBlock;
import dev.lantian.hardware.meter.RegisterImage;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.ModbusLinks;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.serial.PtyPair;
import dev.lantian.hardware.serial.ReconnectBackoff;
import dev.lantian.hardware.serial.SerialByteLink;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.plant.Plant;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agent's own Modbus client and register-map decoder read the virtual meters. */
class ModbusSlaveTest {
    static final Duration TIMEOUT = Duration.ofMillis(800);
    final Plant plant = DemoPlant.at10();
    final RegisterMap sdm630 = RegisterMaps.shipped("eastron-sdm630").orElseThrow();
    final RegisterMap sdm120 = RegisterMaps.shipped("eastron-sdm120").orElseThrow();
    final DeviceFaults line1Faults = new DeviceFaults();
    final DeviceFaults filterFaults = new DeviceFaults();

    static List<Reading> poll(ModbusLink link, int unit, RegisterMap map) throws Exception {
        RegisterImage image = new RegisterImage();
        for (ReadBlock b : map.plan(Set.of())) {
            image.put(b, link.read(unit, b.function(), b.address(), b.count(), TIMEOUT));
        }
        return map.decode(image, Map.of());
    }

    static void assertMatches(List<Reading> readings, Map<String, Double> expected) {
        for (Reading r : readings) {
            assertThat(r.flag()).as(r.field()).isEqualTo(QualityFlag.N);
            double want = expected.get(r.field());
            assertThat(r.value()).as(r.field()).isCloseTo(want, within(Math.abs(want) * 1e-6 + 1e-6));
        }
    }

    @Test
    void sdm630MetersOnOneRtuLineOverAPtyReadAsThePlantsValues() throws Exception {
        Socat.required();
        ModbusRtuSlave line = new ModbusRtuSlave("rs485-meters", List.of(
                ModbusUnit.meter(1, sdm630, () -> plant.meter("meter-line1"), line1Faults),
                ModbusUnit.meter(2, sdm630, () -> plant.meter("meter-filter"), filterFaults)), 1);
        try (PtyPair pty = PtyPair.start();
             LinkPump pump = new LinkPump(new SerialByteLink(dev.lantian.hardware.serial.SerialSettings.of(pty.a().toString(), 9600),
                     BoardClock.system(ZoneOffset.UTC), ReconnectBackoff.standard()), line, plant::now);
             ModbusLink link = ModbusLinks.rtuSerial(pty.b().toString(), new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1),
                     TIMEOUT)) {
            List<Reading> line1 = poll(link, 1, sdm630);
            assertThat(line1).hasSize(sdm630.entries().size());
            assertMatches(line1, plant.meter("meter-line1").fields());
            assertMatches(poll(link, 2, sdm630), plant.meter("meter-filter").fields());
            assertThat(line1.stream().filter(r -> r.field().equals("total_power")).findFirst().orElseThrow().value())
                    .isCloseTo(88.0, within(88 * 0.05));

            // The exception reply is 01 84 02 CRC (checked byte for byte below); digitalpetri 2.1.4's RTU
            // client reports its function byte as the exception code, so only the kind is asserted here.
            assertThatThrownBy(() -> link.read(1, RegisterFunction.INPUT, 0x0100, 2, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.DEVICE_ERROR));
            assertThatThrownBy(() -> link.read(1, RegisterFunction.HOLDING, 0x0000, 2, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.DEVICE_ERROR));
            assertThatThrownBy(() -> link.read(9, RegisterFunction.INPUT, 0x0000, 2, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));

            filterFaults.removeClamp(true);
            List<Reading> clampless = poll(link, 2, sdm630);
            double i1 = clampless.stream().filter(r -> r.field().equals("phase1_current")).findFirst().orElseThrow().value();
            double u1 = clampless.stream().filter(r -> r.field().equals("phase1_voltage")).findFirst().orElseThrow().value();
            assertThat(i1).isLessThan(0.2);
            assertThat(u1).isGreaterThan(200);

            line1Faults.set(DeviceFaults.Mode.GARBAGE);
            assertThatThrownBy(() -> link.read(1, RegisterFunction.INPUT, 0x0000, 2, TIMEOUT))
                    .isInstanceOf(FieldbusException.class);
            line1Faults.set(DeviceFaults.Mode.SILENT);
            assertThatThrownBy(() -> link.read(1, RegisterFunction.INPUT, 0x0000, 2, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
            line1Faults.set(DeviceFaults.Mode.NORMAL);
            assertMatches(poll(link, 1, sdm630), plant.meter("meter-line1").fields());
        }
    }

    @Test
    void anSdm120OverModbusTcpServesSeveralClients() throws Exception {
        DeviceFaults faults = new DeviceFaults();
        try (ModbusTcpSlave slave = new ModbusTcpSlave("meter-voc", List.of(
                ModbusUnit.meter(1, sdm120, () -> plant.meter("meter-voc"), faults)), 0, 3);
             ModbusLink a = ModbusLinks.tcp(slave.host(), slave.port(), TIMEOUT);
             ModbusLink b = ModbusLinks.tcp(slave.host(), slave.port(), TIMEOUT)) {
            assertThat(slave.host()).isEqualTo("127.0.0.1");
            assertMatches(poll(a, 1, sdm120), plant.meter("meter-voc").fields());
            assertMatches(poll(b, 1, sdm120), plant.meter("meter-voc").fields());
            assertThatThrownBy(() -> a.read(1, RegisterFunction.INPUT, 0x0002, 2, TIMEOUT))
                    .hasMessageContaining("illegal data address");
            faults.set(DeviceFaults.Mode.SILENT);
            assertThatThrownBy(() -> b.read(1, RegisterFunction.INPUT, 0x0000, 2, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
        }
    }

    @Test
    void theRtuSlaveFindsARequestBehindJunkAndIgnoresOtherUnits() {
        ModbusRtuSlave line = new ModbusRtuSlave("l", List.of(
                ModbusUnit.meter(1, sdm630, () -> plant.meter("meter-line1"), line1Faults)), 1);
        byte[] request = Crc16.append(new byte[] {1, 4, 0, 0, 0, 2});
        byte[] junk = {0x55, 0x01, (byte) 0xFF};
        byte[] both = new byte[junk.length + request.length];
        System.arraycopy(junk, 0, both, 0, junk.length);
        System.arraycopy(request, 0, both, junk.length, request.length);
        byte[] first = line.receive(java.util.Arrays.copyOf(both, 5), plant.now());
        byte[] reply = line.receive(java.util.Arrays.copyOfRange(both, 5, both.length), plant.now());
        assertThat(first).isEmpty();
        assertThat(reply).hasSize(9);
        assertThat(Crc16.valid(reply, 0, reply.length)).isTrue();
        float v = Float.intBitsToFloat(((reply[3] & 0xFF) << 24) | ((reply[4] & 0xFF) << 16) | ((reply[5] & 0xFF) << 8) | (reply[6] & 0xFF));
        assertThat((double) v).isCloseTo(plant.meter("meter-line1").l1().voltage(), within(1e-3));
        assertThat(line.receive(Crc16.append(new byte[] {2, 4, 0, 0, 0, 2}), plant.now())).isEmpty();
        byte[] unknownFunction = line.receive(Crc16.append(new byte[] {1, 0x10, 0, 0, 0, 1, 2, 0, 0}), plant.now());
        assertThat(java.util.Arrays.copyOf(unknownFunction, 3)).containsExactly(1, 0x90, 1);
        byte[] badAddress = line.receive(Crc16.append(new byte[] {1, 4, 1, 0, 0, 2}), plant.now());
        assertThat(badAddress).containsExactly(Crc16.append(new byte[] {1, (byte) 0x84, 2}));
    }
}
