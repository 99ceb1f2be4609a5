package dev.lantian.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.sensor.pms.PmsSensor;
import dev.lantian.hardware.sensor.pms.PmsSettings;
import dev.lantian.hardware.sensor.sds.SdsSensor;
import dev.lantian.hardware.sensor.sds.SdsSettings;
import dev.lantian.hardware.sensor.uart.UartSensor;
import dev.lantian.hardware.serial.PtyPair;
import dev.lantian.hardware.serial.ReconnectBackoff;
import dev.lantian.hardware.serial.SerialByteLink;
import dev.lantian.hardware.serial.SerialSettings;
import dev.lantian.hardware.time.BoardClock;
import dev.lantian.hardware.time.VirtualClock;
import dev.lantian.simulator.plant.Plant;
import dev.lantian.simulator.plant.PlantClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The agent's PMS5003 and SDS011 drivers decode the virtual sensors' frames over socat ptys. */
class UartSensorsTest {
    static final BoardClock WALL = BoardClock.system(ZoneOffset.UTC);
    final Plant plant = DemoPlant.at10();
    /** Four plant seconds per wall second: a frame every 250 ms. */
    final PlantClock plantClock = PlantClock.wall(plant.now(), 4);

    private ReadingSet readOverPty(WireDevice device, Function<SerialByteLink, UartSensor> driver, DeviceFaults.Mode mode)
            throws Exception {
        try (PtyPair pty = PtyPair.start();
             LinkPump pump = new LinkPump(link(pty.a().toString()), device, plantClock::now);
             UartSensor sensor = driver.apply(link(pty.b().toString()))) {
            ReadingSet first = sensor.read();
            assertThat(first.flag()).as(first.detail()).isEqualTo(QualityFlag.N);
            if (mode == DeviceFaults.Mode.NORMAL) {
                return first;
            }
            device.faults().set(mode);
            ReadingSet last = first;
            for (int i = 0; i < 12 && last.flag() == QualityFlag.N; i++) {
                last = sensor.read(); // frames already on the wire may still come through first
            }
            if (mode == DeviceFaults.Mode.GARBAGE) {
                assertThat(sensor.counters().decoder().badChecksums() + sensor.counters().decoder().skippedBytes()).isPositive();
            }
            device.faults().set(DeviceFaults.Mode.NORMAL);
            ReadingSet again = sensor.read();
            for (int i = 0; i < 6 && again.flag() != QualityFlag.N; i++) {
                again = sensor.read();
            }
            assertThat(again.flag()).as("recovers after the fault").isEqualTo(QualityFlag.N);
            return last;
        }
    }

    private static SerialByteLink link(String path) {
        return new SerialByteLink(SerialSettings.of(path, 9600), WALL, ReconnectBackoff.standard());
    }

    private static double field(ReadingSet set, String name) {
        return set.field(name).orElseThrow().value();
    }

    private PmsSensor pms(SerialByteLink l) {
        return new PmsSensor("pms-boundary", l, PmsSettings.defaults().withWarmup(Duration.ZERO)
                .withFrameTimeout(Duration.ofMillis(1500)), WALL);
    }

    @Test
    void pms5003FramesDecodeToThePlantsDust() throws Exception {
        Socat.required();
        VirtualPms5003 device = new VirtualPms5003("pms-boundary", () -> plant.dust("pms-boundary"), 5);
        ReadingSet set = readOverPty(device, this::pms, DeviceFaults.Mode.NORMAL);
        DustState d = plant.dust("pms-boundary");
        assertThat(field(set, "pm10")).isEqualTo(Math.round(d.pm10()));
        assertThat(field(set, "pm2_5")).isEqualTo(Math.round(d.pm2_5()));
        assertThat(field(set, "pm1_0")).isEqualTo(Math.round(d.pm1()));
    }

    @Test
    void pms5003GarbageIsRejectedAsACommunicationFaultNotACrash() throws Exception {
        Socat.required();
        VirtualPms5003 device = new VirtualPms5003("pms-boundary", () -> plant.dust("pms-boundary"), 6);
        ReadingSet set = readOverPty(device, this::pms, DeviceFaults.Mode.GARBAGE);
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(set.readings()).isEmpty();
    }

    @Test
    void sds011FramesDecodeToThePlantsDustInActiveAndQueryMode() throws Exception {
        Socat.required();
        DustState d = plant.dust("sds-yard");
        for (SdsSettings.Mode mode : SdsSettings.Mode.values()) {
            VirtualSds011 device = new VirtualSds011("sds-yard", () -> plant.dust("sds-yard"), 0x1234, 7);
            ReadingSet set = readOverPty(device, l -> new SdsSensor("sds-yard", l, SdsSettings.defaults().withMode(mode)
                    .withWarmup(Duration.ZERO).withFrameTimeout(Duration.ofMillis(1500)), WALL), DeviceFaults.Mode.NORMAL);
            assertThat(field(set, "pm10")).as(mode.name()).isCloseTo(d.pm10(), within(0.05 + 1e-9));
            assertThat(field(set, "pm2_5")).as(mode.name()).isCloseTo(d.pm2_5(), within(0.05 + 1e-9));
        }
    }

    @Test
    void sds011SilenceAndGarbageGiveBReadings() throws Exception {
        Socat.required();
        for (DeviceFaults.Mode fault : new DeviceFaults.Mode[] {DeviceFaults.Mode.SILENT, DeviceFaults.Mode.GARBAGE}) {
            VirtualSds011 device = new VirtualSds011("sds-yard", () -> plant.dust("sds-yard"), 0x1234, 8);
            ReadingSet set = readOverPty(device, l -> new SdsSensor("sds-yard", l, SdsSettings.defaults()
                    .withWarmup(Duration.ZERO).withFrameTimeout(Duration.ofMillis(1500)), WALL), fault);
            assertThat(set.flag()).as(fault.name()).isEqualTo(QualityFlag.B);
        }
    }

    @Test
    void withoutAPtyTheSensorRunsInProcessOnAVirtualClock() {
        VirtualClock agentClock = new VirtualClock(plant.now(), ZoneOffset.UTC);
        VirtualPms5003 device = new VirtualPms5003("pms-boundary", () -> plant.dust("pms-boundary"), 9);
        MemoryEndpoint endpoint = new MemoryEndpoint(device, agentClock, agentClock::instant);
        PmsSensor sensor = new PmsSensor("pms-boundary", endpoint.link(), PmsSettings.defaults().withWarmup(Duration.ZERO),
                agentClock);
        endpoint.tick();
        ReadingSet set = sensor.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(field(set, "pm10")).isEqualTo(Math.round(plant.dust("pms-boundary").pm10()));
        ReadingSet silent = sensor.read(); // no tick: nothing new was sent within the frame timeout
        assertThat(silent.flag()).isEqualTo(QualityFlag.B);
    }
}
