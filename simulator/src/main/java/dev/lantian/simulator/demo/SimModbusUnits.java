package dev.lantian.simulator.demo;

import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.meter.RegisterMaps;
import dev.lantian.simulator.device.ModbusUnit;
import dev.lantian.simulator.plant.Plant;
import dev.lantian.simulator.plant.Scenario;
import dev.lantian.simulator.plant.VirtualSite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's Modbus slaves, each device id mapped to the line it shares with the others on the
 * same RS-485 cable (a Modbus TCP meter is a line of its own). Values come from the plant; fault
 * switches are the site's, so its incidents (clamp removed, garbage) reach the in-memory line too.
 */
final class SimModbusUnits {
    private SimModbusUnits() {
    }

    static Map<String, List<ModbusUnit>> byDevice(Scenario s, Plant plant, VirtualSite site) {
        Map<String, List<ModbusUnit>> lines = new LinkedHashMap<>();
        Map<String, List<ModbusUnit>> byDevice = new HashMap<>();
        for (Scenario.Meter m : s.meters()) {
            if (m.protocol() != Scenario.Protocol.MODBUS_RTU && m.protocol() != Scenario.Protocol.MODBUS_TCP) {
                continue;
            }
            ModbusUnit u = ModbusUnit.meter(m.unit(), map(m.registerMap()), () -> plant.meter(m.id()), site.faults(m.id()));
            String line = m.protocol() == Scenario.Protocol.MODBUS_RTU ? m.line() : "tcp:" + m.id();
            byDevice.put(m.id(), add(lines, line, u));
        }
        for (Scenario.Sensor sensor : s.sensors()) {
            ModbusUnit u = switch (sensor.kind()) {
                case DUST_MONITOR -> ModbusUnit.dust(sensor.unit(), map(sensor.registerMap()),
                        () -> plant.dust(sensor.id()), site.faults(sensor.id()));
                case VOC_ANALYSER -> new ModbusUnit(sensor.unit(), map(sensor.registerMap()),
                        () -> plant.voc(sensor.id()), site.faults(sensor.id()));
                default -> null;
            };
            if (u != null) {
                byDevice.put(sensor.id(), add(lines, sensor.line(), u));
            }
        }
        return byDevice;
    }

    private static List<ModbusUnit> add(Map<String, List<ModbusUnit>> lines, String line, ModbusUnit u) {
        List<ModbusUnit> units = lines.computeIfAbsent(line, k -> new ArrayList<>());
        units.add(u);
        return units;
    }

    private static RegisterMap map(String name) {
        return RegisterMaps.shipped(name).orElseThrow(() -> new IllegalArgumentException("no shipped register map " + name));
    }
}
