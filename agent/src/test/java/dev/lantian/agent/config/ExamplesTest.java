package dev.lantian.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantian.agent.config.Emergency.AlertLevel;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The shipped examples are the contract: they must load, and load to what they say. */
class ExamplesTest {

    @Test
    void bagFilterPlantLoadsWithItsValuesAndDefaults() throws ConfigException {
        SiteConfig c = ConfigLoader.load(SiteFiles.BAG_FILTER);
        assertThat(c.site().deviceId()).isEqualTo("010000A8900016F000169DC0");
        assertThat(c.site().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.site().systemCode()).isEqualTo(31);
        assertThat(c.reporting().minuteInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.buses()).hasSize(4);
        assertThat(c.bus("rs485-dust")).get().isEqualTo(new Bus.Serial("rs485-dust", "/dev/ttyUSB1", 9600, 8, 1, Bus.Parity.NONE));
        assertThat(c.devices()).hasSize(6);
        assertThat(c.device("climate").orElseThrow().options()).isEqualTo(new Device.I2c(0x76));
        assertThat(c.device("pms-boundary").orElseThrow().warmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.device("meter-line1").orElseThrow().options()).isEqualTo(new Device.Modbus(1, "eastron-sdm630"));
        assertThat(c.channels()).hasSize(16);
        Channel pm10 = c.channel("boundary-pm10").orElseThrow();
        assertThat(pm10.fog()).contains(new Channel.Fog("ambient-rh", 85));
        assertThat(pm10.windows()).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24));
        assertThat(pm10.limits()).containsExactly(new Channel.Limit("boundary-pm10-high", 150, 130,
                Duration.ofMinutes(10), Channel.Severity.WARNING));
        assertThat(c.channel("line1-power").orElseThrow().calibration()).isEqualTo(new Channel.Calibration(0, 1));
        assertThat(c.equipment()).hasSize(3);
        assertThat(c.equipment("line2").orElseThrow().baselinePower()).hasValue(70);
        assertThat(c.equipment("bag-filter").orElseThrow().role()).isEqualTo(Equipment.Role.TREATMENT);
        assertThat(c.linkage()).hasSize(2);
        assertThat(c.emergency().orders(AlertLevel.ORANGE)).hasSize(2);
        assertThat(c.emergency().baselineLearnDays()).isEqualTo(14);
        assertThat(c.staggeredProduction().get(0).from()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(c.uplink().orElseThrow().protocol()).isEqualTo(SiteConfig.MqttProtocol.V3_1_1);
        assertThat(c.storage().maxAgeDays()).isEqualTo(400);
        assertThat(c.console().port()).isEqualTo(8080);
    }

    @Test
    void vocUnitLoadsWithItsValuesAndDefaults() throws ConfigException {
        SiteConfig c = ConfigLoader.load(SiteFiles.VOC_UNIT);
        assertThat(c.devices()).hasSize(5);
        assertThat(c.channels()).hasSize(10);
        assertThat(c.equipment()).hasSize(2);
        assertThat(c.bus("rs485-utility")).get().isEqualTo(new Bus.Serial("rs485-utility", "/dev/ttyUSB1", 2400, 8, 1, Bus.Parity.EVEN));
        assertThat(c.bus("gpio")).get().isEqualTo(new Bus.Gpio("gpio", "gpiochip0"));
        assertThat(c.device("coating-meter").orElseThrow().options()).isEqualTo(new Device.Dlt645("000000123456"));
        assertThat(c.device("fan-relay").orElseThrow().options())
                .isEqualTo(new Device.DryContact(17, true, Duration.ofMillis(50)));
        assertThat(c.device("voc-index").orElseThrow().options()).isEqualTo(new Device.I2c(0x59));
        assertThat(c.equipment("voc-unit").orElseThrow().measuredBy().contact()).contains("fan-run");
        assertThat(c.emergency().orders(AlertLevel.YELLOW)).isEmpty();
        assertThat(c.staggeredProduction()).isEmpty();
        SiteConfig.MqttUplink mqtt = c.uplink().orElseThrow();
        assertThat(mqtt.protocol()).isEqualTo(SiteConfig.MqttProtocol.V5);
        assertThat(mqtt.tls().orElseThrow().caFile()).isPresent();
        assertThat(mqtt.tls().orElseThrow().certFile()).isEmpty();
        assertThat(c.reporting().realtimeInterval()).isEqualTo(Duration.ofSeconds(30));
    }
}
