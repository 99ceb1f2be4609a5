package dev.lantian.hardware.sensor.sgp40;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.hardware.i2c.I2cDevice;
import dev.lantian.hardware.i2c.SensirionWords;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.ReadingSet;
import dev.lantian.hardware.time.VirtualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the Sensirion SGP40 datasheet, section 4.7 (measure raw signal 0x260F). */
class Sgp40Test {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final Chip chip = new Chip();
    private final Sgp40 sgp40 = new Sgp40("voc-index", chip, clock);

    /** A simulated SGP40: answers measure-raw with the configured raw signal, checking the argument CRCs. */
    static final class Chip implements I2cDevice {
        final List<byte[]> writes = new ArrayList<>();
        int sraw = 30_000;
        boolean corrupt;
        boolean unplugged;
        private byte[] response = new byte[0];

        @Override
        public int address() {
            return 0x59;
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (unplugged) {
                throw new IOException("no ACK");
            }
            writes.add(data.clone());
            if (data[0] == 0x26 && data[1] == 0x0F) {
                if (SensirionWords.crc8(data, 2, 2) != (data[4] & 0xFF) || SensirionWords.crc8(data, 5, 2) != (data[7] & 0xFF)) {
                    throw new IOException("NACK: argument CRC");
                }
                response = SensirionWords.encode(sraw);
                if (corrupt) {
                    response[2] ^= 0x01;
                }
            }
        }

        @Override
        public byte[] read(int count) throws IOException {
            if (unplugged) {
                throw new IOException("no ACK");
            }
            return response;
        }

        @Override
        public byte[] writeRead(byte[] data, int count) throws IOException {
            write(data);
            return read(count);
        }
    }

    private ReadingSet poll() {
        ReadingSet set = sgp40.read();
        clock.advance(Duration.ofSeconds(1).minus(Sgp40.MEASURE_TIME));
        return set;
    }

    @Test
    void withoutCompensationSendsTheDatasheetDefaultWords() {
        poll();
        assertThat(chip.writes.get(0)).containsExactly(0x26, 0x0F, 0x80, 0x00, 0xA2, 0x66, 0x66, 0x93);
    }

    /** Datasheet table 9: RH ticks = RH/100 * 65535, T ticks = (T + 45)/175 * 65535. */
    @Test
    void compensationIsSentAsTicks() {
        assertThat(Sgp40.humidityTicks(75.0)).isEqualTo(49151);
        assertThat(Sgp40.temperatureTicks(-45.0)).isZero();
        assertThat(Sgp40.temperatureTicks(130.0)).isEqualTo(65535);
        sgp40.compensate(75.0, 130.0);
        poll();
        byte[] sent = chip.writes.get(0);
        assertThat(((sent[2] & 0xFF) << 8) | (sent[3] & 0xFF)).isEqualTo(49151);
        assertThat(((sent[5] & 0xFF) << 8) | (sent[6] & 0xFF)).isEqualTo(65535);
    }

    @Test
    void vocIndexIsUndefinedDuringTheBlackoutThenSettlesAt100() {
        for (int i = 0; i < 46; i++) {
            ReadingSet set = poll();
            assertThat(set.flag()).isEqualTo(QualityFlag.F);
            assertThat(set.field("sraw").orElseThrow().value()).isEqualTo(30_000);
            assertThat(set.field("voc_index").orElseThrow().value()).isNaN();
        }
        ReadingSet set = null;
        for (int i = 0; i < 200; i++) {
            set = poll();
        }
        assertThat(set.flag()).isEqualTo(QualityFlag.N);
        assertThat(set.field("voc_index").orElseThrow().value()).isEqualTo(100);
    }

    @Test
    void aCorruptAnswerIsDroppedAsCommunicationFault() {
        chip.corrupt = true;
        ReadingSet set = poll();
        assertThat(set.flag()).isEqualTo(QualityFlag.B);
        assertThat(set.readings()).isEmpty();
        assertThat(sgp40.crcFailures()).isEqualTo(1);
    }

    @Test
    void silenceIsAFlagNotAnException() {
        chip.unplugged = true;
        assertThat(poll().flag()).isEqualTo(QualityFlag.B);
    }

    @Test
    void aLongGapRestartsTheAlgorithmBecauseItsStateAssumesOneSecondSampling() {
        for (int i = 0; i < 100; i++) {
            poll();
        }
        assertThat(poll().flag()).isEqualTo(QualityFlag.N);
        clock.advance(Duration.ofMinutes(5));
        assertThat(poll().flag()).isEqualTo(QualityFlag.F);
    }
}
