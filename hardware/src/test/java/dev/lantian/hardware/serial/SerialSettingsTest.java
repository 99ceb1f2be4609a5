package dev.lantian.hardware.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerialSettingsTest {
    @Test
    void parsesParityAsTheConfigurationWritesIt() {
        assertThat(SerialSettings.Parity.parse("none")).isEqualTo(SerialSettings.Parity.NONE);
        assertThat(SerialSettings.Parity.parse("Even")).isEqualTo(SerialSettings.Parity.EVEN);
        assertThat(SerialSettings.Parity.parse("o")).isEqualTo(SerialSettings.Parity.ODD);
        assertThatThrownBy(() -> SerialSettings.Parity.parse("mark")).hasMessageContaining("none, even or odd");
    }

    @Test
    void rejectsImpossibleFraming() {
        assertThatThrownBy(() -> SerialSettings.of("/dev/ttyUSB0", 0)).hasMessageContaining("baud");
        assertThatThrownBy(() -> SerialSettings.of("/dev/ttyUSB0", 9600).withStopBits(3)).hasMessageContaining("stop bits");
        assertThatThrownBy(() -> SerialSettings.of("/dev/ttyUSB0", 9600).withDataBits(9)).hasMessageContaining("data bits");
        assertThatThrownBy(() -> SerialSettings.of(" ", 9600)).hasMessageContaining("empty");
    }

    @Test
    void describesTheDlt645Line() {
        assertThat(SerialSettings.of("/dev/ttyUSB1", 2400).withParity(SerialSettings.Parity.EVEN).describe())
                .isEqualTo("/dev/ttyUSB1 2400 8E1");
    }
}
