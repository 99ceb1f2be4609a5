package dev.lantian.simulator.demo;

import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.RegisterFunction;
import dev.lantian.simulator.device.DeviceFaults;
import dev.lantian.simulator.device.DustState;
import dev.lantian.simulator.device.ModbusUnit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryModbusLineTest {
    private final DeviceFaults faults = new DeviceFaults();
    private final MemoryModbusLine line = new MemoryModbusLine("rs485-dust", List.of(ModbusUnit.dust(1,
            RegisterMaps.shipped("generic-dust-monitor").orElseThrow(), () -> new DustState(10, 30, 55.5, 80), faults)));

    @Test
    void aReadReturnsTheRegistersTheSimulatedSlaveWouldSendOnTheWire() throws Exception {
        int[] words = line.read(1, RegisterFunction.HOLDING, 0x0000, 2, Duration.ofMillis(500));
        float pm10 = Float.intBitsToFloat((words[0] << 16) | words[1]);
        assertThat(pm10).isEqualTo(55.5f);
    }

    @Test
    void faultsAndAbsentUnitsFailAsOnARealLine() {
        assertThatThrownBy(() -> line.read(7, RegisterFunction.HOLDING, 0, 2, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
        assertThatThrownBy(() -> line.read(1, RegisterFunction.HOLDING, 0x0100, 2, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(FieldbusException.class,
                        e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.DEVICE_ERROR));
        faults.set(DeviceFaults.Mode.GARBAGE);
        assertThatThrownBy(() -> line.read(1, RegisterFunction.HOLDING, 0, 2, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.CHECKSUM));
        faults.set(DeviceFaults.Mode.SILENT);
        assertThatThrownBy(() -> line.read(1, RegisterFunction.HOLDING, 0, 2, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(FieldbusException.class, e -> assertThat(e.kind()).isEqualTo(FieldbusException.Kind.TIMEOUT));
    }
}
