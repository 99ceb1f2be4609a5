package dev.lantian.agent.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lantian.agent.config.ConfigLoader;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.InMemoryMonitorStateStore;
import dev.lantian.agent.equipment.InMemoryRecentSamples;
import dev.lantian.agent.equipment.LinkageViolation;
import dev.lantian.agent.model.Sample;
import dev.lantian.agent.report.ClockQualitySource;
import dev.lantian.agent.store.ClockQuality;
import dev.lantian.agent.store.MemoryOutbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportKind;
import dev.lantian.agent.store.ReportValue;
import dev.lantian.hardware.i2c.Pi4jBoardIo;
import dev.lantian.hardware.time.VirtualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole board wired from a site file: two Eastron meters on an RS-485 line and a PMS5003 on the
 * UART, in memory, on a virtual clock. The bag filter stops 10:00–10:20 while line 1 runs.
 */
class BoardTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int TOTAL_POWER = 0x0034;

    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock(at("09:00"), SHANGHAI);
    private final MemoryOutbox outbox = new MemoryOutbox(clock);
    private final List<Sample> raw = Collections.synchronizedList(new ArrayList<>());
    private final InMemoryMonitorStateStore monitorState = new InMemoryMonitorStateStore();
    private final InMemoryRecentSamples recent = new InMemoryRecentSamples();
    private final AliveMarker alive = AliveMarker.inMemory();
    private final AtomicBoolean storeClosed = new AtomicBoolean();
    private final List<RecordingUplink> uplinks = new ArrayList<>();
    private Pi4jBoardIo io;
    private SiteConfig config;

    static Instant at(String local) {
        return LocalDateTime.parse("2026-11-10T" + local).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void siteFile() throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, """
                site: { enterprise: Test, enterprise_code: test, device_id: 010000A8900016F000169DC0,
                        time_zone: Asia/Shanghai, system_code: 31 }
                reporting: { realtime_interval: 60s, minute_interval: 10m }
                buses:
                  - { id: rs485-meters, type: serial, port: /dev/ttyUSB0, baud: 9600 }
                  - { id: uart0, type: serial, port: /dev/serial0, baud: 9600 }
                devices:
                  - { id: meter-line1, type: modbus, bus: rs485-meters, unit: 1, register_map: eastron-sdm630, poll_period: 5s }
                  - { id: meter-filter, type: modbus, bus: rs485-meters, unit: 3, register_map: eastron-sdm630, poll_period: 5s }
                  - { id: pms-boundary, type: pms5003, bus: uart0, warmup: 30s }
                channels:
                  - { id: line1-power, quantity: active_power, unit: kW, source: { device: meter-line1, field: total_power }, sampling_period: 5s }
                  - { id: filter-power, quantity: active_power, unit: kW, source: { device: meter-filter, field: total_power }, sampling_period: 5s, hj212_code: i33200 }
                  - { id: boundary-pm25, quantity: pm2_5, unit: ug/m3, source: { device: pms-boundary, field: pm2_5 }, sampling_period: 1s, hj212_code: a34004 }
                equipment:
                  - { id: line1, name: line 1, role: production, rated_power: 110, measured_by: { power: line1-power },
                      state: { standby_above: 1.0, running_above: 15, running_below: 10, min_dwell: 30s, stale_after: 30s } }
                  - { id: bag-filter, name: filter fan, role: treatment, rated_power: 45, measured_by: { power: filter-power },
                      state: { standby_above: 0.5, running_above: 8, running_below: 5, min_dwell: 30s, stale_after: 30s } }
                linkage:
                  - { production: line1, treatment: [bag-filter], grace: 2m, lead: 3m, lag: 5m }
                storage: { path: %s }
                """.formatted(dir.resolve("lantian.db")));
        config = ConfigLoader.load(file);
        io = Pi4jBoardIo.mock();
    }

    private MemoryBus bus;

    @AfterEach
    void closeIo() {
        io.close();
    }

    private Board board() throws Exception {
        bus = new MemoryBus(clock)
                .register(1, TOTAL_POWER, t -> 60_000.0)
                .register(3, TOTAL_POWER, t -> !t.isBefore(at("10:00")) && t.isBefore(at("10:20")) ? 100.0 : 30_000.0)
                .pm25(t -> t.isBefore(at("09:30")) ? 24 : 40);
        Board.Parts parts = new Board.Parts(clock, io, bus,
                (c, k) -> new Storage(outbox, outbox, s -> {
                    raw.addAll(s);
                    recent.addAll(s);
                }, monitorState, recent, () -> storeClosed.set(true)),
                (c, storage, commands, k) -> {
                    RecordingUplink u = new RecordingUplink();
                    uplinks.add(u);
                    return u;
                },
                alive, ClockQualitySource.fixed(ClockQuality.SYNCED), PipelineSettings.defaults(), null);
        return Board.build(config, parts);
    }

    private List<Report> reports(ReportKind kind) {
        return outbox.oldestPending(Integer.MAX_VALUE).stream().filter(r -> r.kind() == kind).toList();
    }

    private static ReportValue value(Report r, String channel) {
        return r.values().stream().filter(v -> v.channel().equals(channel)).findFirst().orElseThrow();
    }

    @Test
    void bytesOnTheBusesBecomeMinuteReportsAndTheFilterStopBecomesAnEvent() throws Exception {
        try (Board board = board()) {
            board.runUntil(at("10:30"));
        }

        Report first = reports(ReportKind.MINUTE).get(0);
        assertThat(first.periodStart()).isEqualTo(at("09:00"));
        assertThat(value(first, "line1-power").avg()).isCloseTo(60.0, within(1e-9));
        assertThat(value(first, "line1-power").count()).isEqualTo(120);
        assertThat(value(first, "filter-power").avg()).isCloseTo(30.0, within(1e-9));
        assertThat(value(first, "filter-power").code()).isEqualTo("i33200");
        // a PMS5003 frame a second; the first 30 s are its warm-up
        assertThat(value(first, "boundary-pm25").avg()).isCloseTo(24.0, within(1e-9));
        assertThat(value(first, "boundary-pm25").unit()).isEqualTo("ug/m3");
        Report half = reports(ReportKind.MINUTE).stream().filter(r -> r.periodStart().equals(at("09:30"))).findFirst().orElseThrow();
        assertThat(value(half, "boundary-pm25").avg()).isCloseTo(40.0, within(1e-9));
        assertThat(reports(ReportKind.HOUR)).singleElement()
                .satisfies(r -> assertThat(value(r, "boundary-pm25").avg()).isCloseTo(32.0, within(0.01)));

        List<Report> linkage = reports(ReportKind.EVENT).stream()
                .filter(r -> r.event().rule().equals(LinkageViolation.NOT_RUNNING)).toList();
        assertThat(linkage).hasSize(2);
        assertThat(linkage.get(0).event().start()).isBetween(at("10:02"), at("10:02:05"));
        assertThat(linkage.get(1).event().end()).isBetween(at("10:20"), at("10:20:05"));

        Report beat = reports(ReportKind.STATUS).stream().filter(r -> r.event().rule().equals("heartbeat"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(value(beat, "agent.acquisition.requests").value()).isPositive()
                .isEqualTo(value(beat, "agent.acquisition.responses").value());
        assertThat(raw).isNotEmpty();
        assertThat(uplinks).singleElement().satisfies(u -> {
            assertThat(u.started).isTrue();
            assertThat(u.wakes.get()).isPositive();
            assertThat(u.closed).isTrue();
        });
        assertThat(storeClosed).isTrue();
    }

    @Test
    void aSensorThatFallsSilentShowsInTheHeartbeatWithItsFailedPolls() throws Exception {
        try (Board board = board()) {
            bus.uartSilentFrom(at("09:20"));
            board.runUntil(at("10:00"));
        }
        List<Report> beats = reports(ReportKind.STATUS).stream().filter(r -> r.event().rule().equals("heartbeat")).toList();
        Report before = beats.stream().filter(r -> r.generatedAt().isBefore(at("09:20"))).reduce((a, b) -> b).orElseThrow();
        Report after = beats.get(beats.size() - 1);
        assertThat(after.generatedAt()).isAfter(at("09:30"));
        assertThat(value(before, "agent.acquisition.silent_devices").value()).isZero();
        assertThat(value(before, "agent.acquisition.failed_polls").value()).isZero();
        assertThat(value(after, "agent.acquisition.silent_devices").value()).isEqualTo(1.0);
        assertThat(value(after, "agent.acquisition.failed_polls").value()).isPositive();
    }

    @Test
    void eachMeterIsPolledOnlyForTheRegistersTheSiteReads() throws Exception {
        try (Board board = board()) {
            board.runUntil(at("09:01"));
        }
        // both SDM630s give the site only total_power (0x34): the rest of their map stays off the line
        assertThat(bus.modbusRequests).hasSizeGreaterThanOrEqualTo(24).containsOnly("1/0x34+2", "3/0x34+2");
    }

    @Test
    void aRestartContinuesTheOpenEventUnderItsIdAndReportsItOnce() throws Exception {
        try (Board board = board()) {
            board.runUntil(at("10:10"));
            assertThat(board.view().monitor().openEvents()).extracting(e -> e.rule()).contains(LinkageViolation.NOT_RUNNING);
        }
        assertThat(monitorState.load()).isPresent();
        // back within the meters' stale_after (30 s): nothing was missed, the event simply goes on
        clock.set(at("10:10:10"));
        try (Board board = board()) {
            board.runUntil(at("10:30"));
        }

        List<Report> linkage = reports(ReportKind.EVENT).stream()
                .filter(r -> r.event().rule().equals(LinkageViolation.NOT_RUNNING)).toList();
        assertThat(linkage).hasSize(2);
        assertThat(linkage.get(0).event().id()).isEqualTo(linkage.get(1).event().id());
        assertThat(linkage.get(0).event().isOpen()).isTrue();
        assertThat(linkage.get(1).event().end()).isBetween(at("10:20"), at("10:20:05"));
        assertThat(uplinks).hasSize(2).allSatisfy(u -> assertThat(u.closed).isTrue());
        // one outbox across the restart: numbering simply continues
        List<Report> all = outbox.oldestPending(Integer.MAX_VALUE);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).sequence()).isEqualTo(all.get(i - 1).sequence() + 1);
        }
    }

    @Test
    void aBoardDownLongerThanThePowerLossThresholdReportsTheOutageFromItsLastSave() throws Exception {
        try (Board board = board()) {
            board.runUntil(at("09:20"));
        }
        clock.set(at("09:30"));
        try (Board board = board()) {
            board.runUntil(at("09:32"));
        }
        assertThat(reports(ReportKind.EVENT).stream().filter(r -> r.event().rule().equals("board.power-loss")))
                .singleElement().satisfies(r -> {
                    // saved at shutdown, when the last poll (a few ms of wire time) had finished
                    assertThat(r.event().start()).isBetween(at("09:20"), at("09:20:01"));
                    assertThat(r.event().end()).isEqualTo(at("09:30"));
                });
    }

    @Test
    void afterAPowerCutTheOutageIsMeasuredFromTheLastAliveMarkNotTheLastSnapshot() throws Exception {
        Board cut = board();
        cut.runUntil(at("09:20"));
        // no close(): the power went; the last snapshot is from 09:15, the last alive mark from 09:19:30 or later
        clock.set(at("09:30"));
        try (Board board = board()) {
            board.runUntil(at("09:31"));
        }
        assertThat(reports(ReportKind.EVENT).stream().filter(r -> r.event().rule().equals("board.power-loss")))
                .singleElement().satisfies(r -> assertThat(r.event().start()).isBetween(at("09:19:30"), at("09:20:01")));
    }
}
