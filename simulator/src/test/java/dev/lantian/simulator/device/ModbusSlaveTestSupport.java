package dev.lantian.simulator.device;

import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.reading.Reading;
import java.util.List;

/** Polls a whole register map the way the agent does, for tests in other packages. */
public final class ModbusSlaveTestSupport {
    private ModbusSlaveTestSupport() {
    }

    public static List<Reading> poll(ModbusLink link, int unit, RegisterMap map) throws Exception {
        return ModbusSlaveTest.poll(link, unit, map);
    }
}
