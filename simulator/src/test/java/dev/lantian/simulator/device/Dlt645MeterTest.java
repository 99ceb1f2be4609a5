package dev.lantian.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Client;
import dev.lantian.hardware.dlt645.Dlt645Frame;
import dev.lantian.hardware.dlt645.SerialDlt645Transport;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.serial.PtyPair;
import dev.lantian.hardware.serial.ReconnectBackoff;
import dev.lantian.hardware.serial.SerialByteLink;
import dev.lantian.hardware.serial.SerialSettings;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.simulator.plant.Plant;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The agent's DL/T 645 client reads the virtual utility meter over a socat pty. */
class Dlt645MeterTest {
    static final Duration TIMEOUT = Duration.ofMillis(800);
    static final Dlt645Address ADDRESS = Dlt645Address.parse("123456");
    final Plant plant = DemoPlant.at10();

    @Test
    void energyVoltageCurrentAndPowerReadAsThePlantsValues() throws Exception {
        Socat.required();
        VirtualDlt645Meter meter = new VirtualDlt645Meter("meter-line2", ADDRESS, () -> plant.meter("meter-line2"), 11);
        try (PtyPair pty = PtyPair.start();
             LinkPump pump = new LinkPump(new SerialByteLink(SerialSettings.of(pty.a().toString(), 2400)
                     .withParity(SerialSettings.Parity.EVEN), BoardClock.system(ZoneOffset.UTC), ReconnectBackoff.standard()),
                     meter, plant::now);
             SerialDlt645Transport transport = new SerialDlt645Transport(pty.b().toString(), SerialDlt645Transport.DEFAULT)) {
            Dlt645Client client = new Dlt645Client(transport, s -> { });
            MeterStateCheck expected = new MeterStateCheck(plant.meter("meter-line2"));
            assertThat(client.read(ADDRESS, DataIdentifier.FORWARD_ENERGY, TIMEOUT)).isCloseTo(expected.s.importKwh(), within(0.005 + 1e-9));
            assertThat(client.read(ADDRESS, DataIdentifier.VOLTAGE_A, TIMEOUT)).isCloseTo(expected.s.l1().voltage(), within(0.05 + 1e-9));
            assertThat(client.read(ADDRESS, DataIdentifier.CURRENT_B, TIMEOUT)).isCloseTo(expected.s.l2().current(), within(0.0005 + 1e-9));
            assertThat(client.read(ADDRESS, DataIdentifier.ACTIVE_POWER, TIMEOUT)).isCloseTo(expected.s.totalKw(), within(0.00005 + 1e-9));
            assertThat(client.discover(TIMEOUT)).isEqualTo(ADDRESS);

            assertThatThrownBy(() -> client.read(Dlt645Address.parse("654321"), DataIdentifier.FORWARD_ENERGY, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
            meter.faults().set(DeviceFaults.Mode.GARBAGE);
            assertThatThrownBy(() -> client.read(ADDRESS, DataIdentifier.FORWARD_ENERGY, TIMEOUT))
                    .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.CHECKSUM));
            meter.faults().set(DeviceFaults.Mode.NORMAL);
            meter.faults().removeClamp(true);
            assertThat(client.read(ADDRESS, DataIdentifier.CURRENT_A, TIMEOUT)).isLessThan(0.2);
            assertThat(client.read(ADDRESS, DataIdentifier.VOLTAGE_A, TIMEOUT)).isGreaterThan(200);
        }
    }

    @Test
    void unknownIdentifiersGetAnErrorReplyAndBroadcastsNoReply() {
        VirtualDlt645Meter meter = new VirtualDlt645Meter("m", ADDRESS, () -> plant.meter("meter-line2"), 12);
        byte[] reply = meter.receive(new Dlt645Frame(ADDRESS.wire(), Dlt645Frame.READ_DATA, new byte[] {0, 0, 0x33, 0x04}).encode(),
                plant.now());
        var parser = new dev.lantian.hardware.dlt645.Dlt645FrameParser();
        parser.feed(reply);
        Dlt645Frame f = parser.next().orElseThrow();
        assertThat(f.control()).isEqualTo(Dlt645Frame.READ_DATA_ERROR);
        assertThat(f.data()).containsExactly(0x02);
        assertThat(meter.receive(Dlt645Frame.readData(VirtualDlt645Meter.BROADCAST, DataIdentifier.FORWARD_ENERGY.code()).encode(),
                plant.now())).isEmpty();
    }

    private record MeterStateCheck(MeterState s) {
    }
}
