package dev.lantian.hardware.sensor.sps30;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the Sensirion SPS30 datasheet (v1.0, March 2020), section 6.3 (I2C commands). */
class Sps30Test {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final Sps30Chip chip = new Sps30Chip();
    private Sps30 sps30;

    @BeforeEach
    void setUp() {
        chip.values = new float[] {3.5f, 12.25f, 15.0f, 18.75f, 20.5f, 24.0f, 25.0f, 25.5f, 25.75f, 0.55f};
        sps30 = new Sps30("pm-boundary", chip, clock);
    }

    private ReadingSet readAfterStartUp() {
        sps30.read();
        clock.advance(Duration.ofSeconds(9));
        return sps30.read();
    }

    @Test
    void startsWithFloatFormatThenDecodesTheTenFloatsInDatasheetOrder() {
        ReadingSet set = readAfterStartUp();

        // 6.3.1: the first transaction is start measurement with argument 0x03 0x00 and its CRC 0xAC.
        assertThat(chip.writes.get(0)).containsExactly(0x00, 0x10, 0x03, 0x00, (byte) 0xAC);
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.readings()).extracting(Reading::field).containsExactlyElementsOf(Sps30.FIELDS);
        assertThat(set.field("pm2_5").orElseThrow().value()).isEqualTo(12.25);
        assertThat(set.field("n10").orElseThrow().value()).isEqualTo(25.75);
        assertThat(set.field("typical_size").orElseThrow().value()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(set.readings()).allMatch(r -> r.flag() == QualityFlag.N);
    }

    @Test
    void readingsInTheStartUpTimeAreFlaggedAsNotYetRepresentative() {
        ReadingSet first = sps30.read();
        assertThat(first.flag()).isEqualTo(QualityFlag.F);
        assertThat(first.readings()).allMatch(r -> r.flag() == QualityFlag.F);
        clock.advance(Sps30.START_UP);
        assertThat(sps30.read().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void aCorruptResponseIsDroppedAndCountedAndTheNextOneIsAccepted() {
        readAfterStartUp();
        chip.corruptNextValues = true;
        ReadingSet corrupt = sps30.read();
        assertThat(corrupt.flag()).isEqualTo(QualityFlag.B);
        assertThat(corrupt.readings()).isEmpty();
        assertThat(sps30.crcFailures()).isEqualTo(1);
        assertThat(sps30.read().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void fanErrorInTheStatusRegisterMarksEveryValueAsInstrumentFault() {
        readAfterStartUp();
        chip.status = Sps30.STATUS_FAN_ERROR;
        ReadingSet set = sps30.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.D);
        assertThat(set.detail()).contains("fan error");
        assertThat(set.readings()).allMatch(r -> r.flag() == QualityFlag.D);

        chip.status = Sps30.STATUS_SPEED_WARNING | Sps30.STATUS_LASER_ERROR;
        assertThat(sps30.read().detail()).contains("laser").contains("speed");
    }

    @Test
    void aMassConcentrationAboveTheMeasuringRangeIsFlaggedT() {
        chip.values[1] = 1200f;
        ReadingSet set = readAfterStartUp();
        assertThat(set.flag()).isEqualTo(QualityFlag.T);
        assertThat(set.field("pm2_5").orElseThrow().flag()).isEqualTo(QualityFlag.T);
        assertThat(set.field("pm1_0").orElseThrow().flag()).isEqualTo(QualityFlag.N);
    }

    @Test
    void noDataReadyWithinTheBoundIsSilenceNotAHang() {
        readAfterStartUp();
        chip.dataReady = false;
        Instant before = clock.instant();
        ReadingSet set = sps30.read();
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(Duration.between(before, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPulledSensorGivesCommunicationFaultAndIsRestartedWhenBack() {
        readAfterStartUp();
        chip.unplugged = true;
        assertThat(sps30.read().flag()).isEqualTo(QualityFlag.B);
        chip.unplugged = false;
        chip.measuring = false; // it lost power: must be started again
        ReadingSet again = sps30.read();
        assertThat(chip.measuring).isTrue();
        assertThat(again.flag()).isEqualTo(QualityFlag.F);
    }

    @Test
    void fanCleaningFlagsReadingsForItsTenSeconds() {
        readAfterStartUp();
        assertThat(sps30.startFanCleaning()).isTrue();
        assertThat(chip.writes.get(chip.writes.size() - 1)).containsExactly(0x56, 0x07);
        assertThat(sps30.read().flag()).isEqualTo(QualityFlag.M);
        clock.advance(Sps30.FAN_CLEANING);
        assertThat(sps30.read().flag()).isEqualTo(QualityFlag.N);
    }
}
