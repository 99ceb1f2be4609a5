package dev.lantian.agent.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Client;
import dev.lantian.hardware.dlt645.Dlt645Frame;
import dev.lantian.hardware.dlt645.Dlt645FrameParser;
import dev.lantian.hardware.dlt645.Dlt645Transport;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dlt645PollingDeviceTest {
    @org.junit.jupiter.api.BeforeAll
    static void quietLogs() {
        dev.lantian.agent.cli.Logging.configureFromEnvironment();
    }

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final Dlt645Address ADDRESS = Dlt645Address.parse("000000123456");

    /** Hands each request to the virtual meter and queues its reply; a silent meter queues nothing. */
    private static final class InMemoryLine implements Dlt645Transport {
        final VirtualDlt645Meter meter;
        final Deque<Byte> rx = new ArrayDeque<>();
        boolean silent;

        InMemoryLine(VirtualDlt645Meter meter) {
            this.meter = meter;
        }

        @Override
        public void write(byte[] bytes) {
            Dlt645FrameParser p = new Dlt645FrameParser();
            p.feed(bytes);
            Dlt645Frame request = p.next().orElseThrow();
            if (!silent) {
                meter.answer(request).ifPresent(r -> {
                    for (byte b : r) {
                        rx.add(b);
                    }
                });
            }
        }

        @Override
        public int read(byte[] buf, Duration timeout) {
            int n = 0;
            while (n < buf.length && !rx.isEmpty()) {
                buf[n++] = rx.poll();
            }
            return n;
        }

        @Override
        public void discardInput() {
            rx.clear();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPollReadsEveryFieldAndMarksEnergyCumulative() throws Exception {
        VirtualDlt645Meter meter = new VirtualDlt645Meter(ADDRESS)
                .set(DataIdentifier.FORWARD_ENERGY, 12345.67)
                .set(DataIdentifier.VOLTAGE_A, 231.4).set(DataIdentifier.VOLTAGE_B, 229.9).set(DataIdentifier.VOLTAGE_C, 230.0)
                .set(DataIdentifier.CURRENT_A, 10.125).set(DataIdentifier.CURRENT_B, -0.5).set(DataIdentifier.CURRENT_C, 9.999)
                .set(DataIdentifier.ACTIVE_POWER, 6.8123);
        List<ReadingSet> out = new ArrayList<>();
        VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
        var device = new Dlt645PollingDevice("coating-meter", ADDRESS, Dlt645PollingDevice.ALL, Duration.ofSeconds(10),
                DevicePolicy.defaults(), new Dlt645Client(new InMemoryLine(meter), s -> { }));
        new LineScheduler("rs485-utility", clock, LineTiming.serial(new SerialSettings(2400, 8, SerialSettings.Parity.EVEN, 1)),
                List.of(device), out::add).runUntil(T0);

        ReadingSet set = out.get(0);
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.readings()).extracting(r -> r.field()).containsExactly("forward_energy", "voltage_a", "voltage_b",
                "voltage_c", "current_a", "current_b", "current_c", "active_power");
        assertThat(set.field("forward_energy").orElseThrow().value()).isEqualTo(12345.67);
        assertThat(set.field("forward_energy").orElseThrow().cumulative()).isTrue();
        assertThat(set.field("voltage_a").orElseThrow().cumulative()).isFalse();
        assertThat(set.field("current_b").orElseThrow().value()).isEqualTo(-0.5);
        assertThat(set.field("active_power").orElseThrow().value()).isEqualTo(6.8123);
    }

    @Test
    void aSinglePhaseMeterRefusingPhasesBAndCGivesFaultReadingsNotASilentMeter() throws Exception {
        VirtualDlt645Meter meter = new VirtualDlt645Meter(ADDRESS).set(DataIdentifier.FORWARD_ENERGY, 1.0)
                .set(DataIdentifier.VOLTAGE_A, 220.0).set(DataIdentifier.CURRENT_A, 1.0).set(DataIdentifier.ACTIVE_POWER, 0.22);
        List<ReadingSet> out = new ArrayList<>();
        VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
        var device = new Dlt645PollingDevice("m", ADDRESS, Dlt645PollingDevice.ALL, Duration.ofSeconds(10),
                DevicePolicy.defaults(), new Dlt645Client(new InMemoryLine(meter), s -> { }));
        LineScheduler scheduler = new LineScheduler("l", clock, LineTiming.none(), List.of(device), out::add);
        scheduler.runUntil(T0);
        ReadingSet set = out.get(0);
        assertThat(set.flag()).isEqualTo(QualityFlag.D);
        assertThat(set.field("voltage_b").orElseThrow().flag()).isEqualTo(QualityFlag.D);
        assertThat(set.field("voltage_a").orElseThrow().value()).isEqualTo(220.0);
        assertThat(scheduler.counters().get(0).exceptionResponses()).isEqualTo(4);
    }

    @Test
    void aSilentMeterGivesACommunicationFault() throws Exception {
        InMemoryLine line = new InMemoryLine(new VirtualDlt645Meter(ADDRESS));
        line.silent = true;
        List<ReadingSet> out = new ArrayList<>();
        VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
        var device = new Dlt645PollingDevice("m", ADDRESS, Dlt645PollingDevice.ALL, Duration.ofSeconds(10),
                new DevicePolicy(Duration.ofMillis(20), 0, 2, Duration.ofMinutes(5)),
                new Dlt645Client(line, s -> { }));
        new LineScheduler("l", clock, LineTiming.none(), List.of(device), out::add).runUntil(T0);
        assertThat(out).singleElement().satisfies(s -> assertThat(s.flag()).isEqualTo(QualityFlag.B));
    }
}
