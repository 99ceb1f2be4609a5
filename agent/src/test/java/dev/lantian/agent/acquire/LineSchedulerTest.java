package dev.lantian.agent.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.meter.RegisterEntry;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineSchedulerTest {
    @org.junit.jupiter.api.BeforeAll
    static void quietLogs() {
        dev.lantian.agent.cli.Logging.configureFromEnvironment();
    }

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final SerialSettings LINE = new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1);
    private static final Duration PERIOD = Duration.ofSeconds(5);
    private static final RegisterMap SDM630 = RegisterMaps.shipped("eastron-sdm630").orElseThrow();

    private final VirtualClock clock = new VirtualClock(T0, ZoneOffset.UTC);
    private final VirtualLine line = new VirtualLine(clock, LINE, Duration.ofMillis(10));
    private final List<ReadingSet> out = new ArrayList<>();

    /** SDM630 registers with phase 1 voltage 230 V (float32 0x43660000), everything else 0. */
    private static Map<Integer, Integer> meterRegisters() {
        Map<Integer, Integer> regs = new HashMap<>();
        RegisterEntry v1 = SDM630.entry("phase1_voltage").orElseThrow();
        regs.put(v1.address(), 0x4366);
        regs.put(v1.address() + 1, 0x0000);
        return regs;
    }

    private LineScheduler eightMeters(DevicePolicy policy, int... silentUnits) {
        List<PollingDevice> devices = new ArrayList<>();
        for (int unit = 1; unit <= 8; unit++) {
            line.slave(unit, meterRegisters());
            devices.add(new ModbusPollingDevice("meter-" + unit, unit, SDM630, Map.of(), PERIOD, policy, line));
        }
        for (int s : silentUnits) {
            line.silence(s);
        }
        return new LineScheduler("rs485-meters", clock, LineTiming.serial(LINE), devices, out::add);
    }

    private long normalSets(String device) {
        return out.stream().filter(s -> s.device().equals(device) && s.flag() == QualityFlag.N).count();
    }

    @Test
    void twoSilentMetersOfEightLeaveTheOthersAtTheirPollingRate() throws Exception {
        LineScheduler scheduler = eightMeters(DevicePolicy.defaults(), 4, 7);
        scheduler.runUntil(T0.plus(Duration.ofHours(1)));

        long slots = Duration.ofHours(1).dividedBy(PERIOD);
        for (int unit : new int[] {1, 2, 3, 5, 6, 8}) {
            assertThat(normalSets("meter-" + unit)).as("meter-%d polls in an hour", unit).isGreaterThanOrEqualTo(slots * 9 / 10);
        }
        for (int unit : new int[] {4, 7}) {
            List<ReadingSet> sets = out.stream().filter(s -> s.device().equals("meter-" + unit)).toList();
            assertThat(sets).allMatch(s -> s.flag() == QualityFlag.B && s.readings().isEmpty());
            // still reported at its own rate, so the measurement stage sees the fault in every period
            assertThat((long) sets.size()).isGreaterThanOrEqualTo(slots * 9 / 10);
        }
        assertThat(out.stream().filter(s -> s.device().equals("meter-1")).findFirst().orElseThrow()
                .field("phase1_voltage").orElseThrow().value()).isEqualTo(230.0);
    }

    @Test
    void silentMetersAreRetriedWithExponentialBackoffUpToTheLimit() throws Exception {
        LineScheduler scheduler = eightMeters(DevicePolicy.defaults(), 4, 7);
        scheduler.runUntil(T0.plus(Duration.ofHours(1)));

        List<Instant> tries = line.exchanges.stream().filter(e -> e.unit() == 4).map(VirtualLine.Exchange::start).toList();
        // first two polls with 1 + 2 retries each, then isolated: single tries at growing intervals
        List<Duration> gaps = new ArrayList<>();
        for (int i = 6; i < tries.size(); i++) {
            gaps.add(Duration.between(tries.get(i - 1), tries.get(i)));
        }
        assertThat(gaps).hasSizeGreaterThan(5);
        for (int i = 1; i < gaps.size(); i++) {
            assertThat(gaps.get(i)).isGreaterThanOrEqualTo(gaps.get(i - 1).minusSeconds(1));
        }
        assertThat(gaps.get(gaps.size() - 1)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plus(PERIOD));
        assertThat(tries.size()).isLessThan(30);

        DeviceCounters c = scheduler.counters().get(3);
        assertThat(c.device()).isEqualTo("meter-4");
        assertThat(c.isolated()).isTrue();
        assertThat(c.timeouts()).isEqualTo(tries.size());
        assertThat(c.responses()).isZero();
        assertThat(c.skippedPolls()).isGreaterThan(600);
        DeviceCounters healthy = scheduler.counters().get(0);
        assertThat(healthy.timeouts()).isZero();
        assertThat(healthy.requests()).isEqualTo(healthy.responses()).isEqualTo(healthy.polls() * 4);
        assertThat(healthy.meanLatency()).isBetween(Duration.ofMillis(20), Duration.ofMillis(80));
    }

    @Test
    void withoutIsolationTheSameTwoSilentMetersWouldStarveTheLine() throws Exception {
        // The control experiment: retrying dead meters every poll costs 2 x 3 s per 5 s cycle.
        LineScheduler scheduler = eightMeters(new DevicePolicy(Duration.ofSeconds(1), 2, Integer.MAX_VALUE,
                Duration.ofMinutes(5)), 4, 7);
        scheduler.runUntil(T0.plus(Duration.ofHours(1)));
        long slots = Duration.ofHours(1).dividedBy(PERIOD);
        assertThat(normalSets("meter-1")).isLessThan(slots * 9 / 10);
    }

    @Test
    void everyFrameWaitsTheInterFrameSilenceAndOnlyOneIsOnTheWire() throws Exception {
        LineScheduler scheduler = eightMeters(DevicePolicy.defaults(), 4);
        scheduler.runUntil(T0.plus(Duration.ofMinutes(10)));
        Duration t35 = LineTiming.serial(LINE).interFrameSilence();
        List<VirtualLine.Exchange> ex = line.exchanges;
        assertThat(ex).hasSizeGreaterThan(1000);
        for (int i = 1; i < ex.size(); i++) {
            assertThat(Duration.between(ex.get(i - 1).end(), ex.get(i).start())).as("gap before exchange %d", i)
                    .isGreaterThanOrEqualTo(t35);
        }
    }

    @Test
    void aMeterThatComesBackIsPolledNormallyAgain() throws Exception {
        LineScheduler scheduler = eightMeters(DevicePolicy.defaults(), 4);
        scheduler.runUntil(T0.plus(Duration.ofMinutes(10)));
        assertThat(scheduler.counters().get(3).isolated()).isTrue();
        line.wake(4);
        scheduler.runUntil(T0.plus(Duration.ofMinutes(20)));
        DeviceCounters c = scheduler.counters().get(3);
        assertThat(c.isolated()).isFalse();
        assertThat(c.consecutiveFailures()).isZero();
        assertThat(c.lastSuccess()).isPresent();
        List<ReadingSet> last = out.stream().filter(s -> s.device().equals("meter-4")).toList();
        assertThat(last.get(last.size() - 1).flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void anExceptionResponseIsCountedAndNotRetried() throws Exception {
        line.slave(9, meterRegisters());
        line.refuse(9);
        var device = new ModbusPollingDevice("refuser", 9, SDM630, Map.of(), PERIOD, DevicePolicy.defaults(), line);
        LineScheduler scheduler = new LineScheduler("l", clock, LineTiming.serial(LINE), List.of(device), out::add);
        scheduler.runUntil(T0);
        DeviceCounters c = scheduler.counters().get(0);
        assertThat(c.requests()).isEqualTo(1);
        assertThat(c.exceptionResponses()).isEqualTo(1);
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.flag()).isEqualTo(QualityFlag.B);
            assertThat(s.detail()).contains("illegal data address");
        });
    }

    @Test
    void interFrameSilenceFollowsTheModbusRule() {
        assertThat(LineTiming.serial(new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1)).interFrameSilence())
                .isEqualTo(Duration.ofNanos(3_645_834));
        // DL/T 645's usual 2400 8E1: 11 bits per character
        assertThat(LineTiming.serial(new SerialSettings(2400, 8, SerialSettings.Parity.EVEN, 1)).interFrameSilence())
                .isEqualTo(Duration.ofNanos(16_041_667));
        assertThat(LineTiming.serial(new SerialSettings(19200, 8, SerialSettings.Parity.EVEN, 1)).interFrameSilence())
                .isEqualTo(Duration.ofNanos(2_005_209));
        assertThat(LineTiming.serial(new SerialSettings(38400, 8, SerialSettings.Parity.NONE, 1)).interFrameSilence())
                .isEqualTo(Duration.ofNanos(1_750_000));
        assertThat(LineTiming.serial(new SerialSettings(115200, 8, SerialSettings.Parity.NONE, 2)).interFrameSilence())
                .isEqualTo(Duration.ofNanos(1_750_000));
    }

    @Test
    void aSensorDriverThatGoesSilentCountsFailedPollsUntilItAnswersAgain() throws Exception {
        boolean[] answering = {true};
        dev.lantian.hardware.reading.PolledDevice sensor = new dev.lantian.hardware.reading.PolledDevice() {
            @Override
            public String deviceId() {
                return "sgp-exhaust";
            }

            @Override
            public ReadingSet read() {
                return answering[0]
                        ? ReadingSet.of("sgp-exhaust", clock.instant(),
                                List.of(new dev.lantian.hardware.reading.Reading("voc_index", 100, QualityFlag.N)))
                        : ReadingSet.silent("sgp-exhaust", clock.instant(), "SGP40 I/O failed: no ACK");
            }
        };
        LineScheduler scheduler = new LineScheduler("i2c-1", clock, LineTiming.none(),
                List.of(new DriverPollingDevice(sensor, Duration.ofSeconds(1), DevicePolicy.defaults())), out::add);
        scheduler.runUntil(T0.plus(Duration.ofSeconds(10)));
        Instant lastAnswer = scheduler.counters().get(0).lastSuccess().orElseThrow();
        answering[0] = false;
        scheduler.runUntil(T0.plus(Duration.ofSeconds(40)));
        DeviceCounters silent = scheduler.counters().get(0);
        assertThat(silent.failedPolls()).isEqualTo(30);
        assertThat(silent.consecutiveFailures()).isEqualTo(30);
        assertThat(silent.lastSuccess()).contains(lastAnswer);
        assertThat(silent.isolated()).isFalse(); // still polled every second: the driver reopens by itself
        answering[0] = true;
        scheduler.runUntil(T0.plus(Duration.ofSeconds(42)));
        assertThat(scheduler.counters().get(0).consecutiveFailures()).isZero();
        assertThat(scheduler.counters().get(0).lastSuccess().orElseThrow()).isAfter(lastAnswer);
    }

    @Test
    void theLinesOwnThreadPollsUntilStopped() throws Exception {
        List<ReadingSet> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        line.slave(1, meterRegisters());
        var device = new ModbusPollingDevice("meter-1", 1, SDM630, Map.of(), PERIOD, DevicePolicy.defaults(), line);
        LineScheduler scheduler = new LineScheduler("threaded", clock, LineTiming.serial(LINE), List.of(device), seen::add);
        scheduler.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (seen.size() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        scheduler.stop(Duration.ofSeconds(10));
        assertThat(seen.size()).isGreaterThanOrEqualTo(10);
        int after = seen.size();
        assertThat(seen.get(after - 1).flag()).isEqualTo(QualityFlag.N);
        // stopped means stopped: the virtual clock no longer moves and nothing more arrives
        Instant frozen = clock.instant();
        assertThat(seen).hasSize(after);
        assertThat(clock.instant()).isEqualTo(frozen);
    }
}
