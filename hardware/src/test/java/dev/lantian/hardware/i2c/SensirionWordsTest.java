package dev.lantian.hardware.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SensirionWordsTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** SPS30 datasheet section 6.2 and SGP40 datasheet section 4.6, CRC table: 0xBEEF gives 0x92. */
    @Test
    void crcMatchesTheDatasheetCheckValue() {
        assertThat(SensirionWords.crc8(bytes(0xBE, 0xEF), 0, 2)).isEqualTo(0x92);
    }

    /** SPS30 datasheet 6.3.1: start measurement with big-endian float output is 00 10 03 00 AC. */
    @Test
    void sps30StartCommandCarriesTheFloatFormatWithItsCrc() {
        assertThat(SensirionWords.command(0x0010, 0x0300)).containsExactly(bytes(0x00, 0x10, 0x03, 0x00, 0xAC));
    }

    /** SGP40 datasheet section 4.7: measure raw with the default 50 %RH / 25 C words is 26 0F 80 00 A2 66 66 93. */
    @Test
    void sgp40DefaultMeasureCommandMatchesTheDatasheetExample() {
        assertThat(SensirionWords.command(0x260F, 0x8000, 0x6666))
                .containsExactly(bytes(0x26, 0x0F, 0x80, 0x00, 0xA2, 0x66, 0x66, 0x93));
    }

    @Test
    void decodeReturnsWordsAndRejectsAFlippedBit() throws Exception {
        byte[] frame = SensirionWords.encode(0xBEEF, 0x1234);
        assertThat(SensirionWords.decode(frame)).containsExactly(0xBEEF, 0x1234);
        frame[4] ^= 0x01;
        assertThatThrownBy(() -> SensirionWords.decode(frame)).isInstanceOf(SensirionWords.CrcMismatch.class)
                .hasMessageContaining("word 1");
    }
}
