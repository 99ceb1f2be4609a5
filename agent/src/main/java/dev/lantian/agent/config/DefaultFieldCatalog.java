package dev.lantian.agent.config;

import dev.lantian.hardware.meter.RegisterMaps;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field names the drivers produce, and those of the register maps shipped in the hardware jar
 * (read from the maps themselves, so a map and its validation cannot disagree).
 */
public final class DefaultFieldCatalog implements FieldCatalog {
    private static final List<String> PLANTOWER = List.of("pm1_0", "pm2_5", "pm10", "pm1_0_cf1", "pm2_5_cf1",
            "pm10_cf1", "n0_3", "n0_5", "n1_0", "n2_5", "n5_0", "n10");

    private static final Map<DeviceType, List<String>> DEVICES = new LinkedHashMap<>();

    static {
        DEVICES.put(DeviceType.PMS5003, PLANTOWER);
        DEVICES.put(DeviceType.PMS7003, PLANTOWER);
        DEVICES.put(DeviceType.SDS011, List.of("pm2_5", "pm10"));
        DEVICES.put(DeviceType.SPS30, List.of("pm1_0", "pm2_5", "pm4_0", "pm10", "n0_5", "n1_0", "n2_5", "n4_0",
                "n10", "typical_size"));
        DEVICES.put(DeviceType.SGP40, List.of("sraw", "voc_index"));
        DEVICES.put(DeviceType.BME280, List.of("temperature", "humidity", "pressure"));
        DEVICES.put(DeviceType.ADS1115, List.of("current_rms"));
        DEVICES.put(DeviceType.DRY_CONTACT, List.of("state"));
        DEVICES.put(DeviceType.DLT645, List.of("voltage_a", "voltage_b", "voltage_c", "current_a", "current_b",
                "current_c", "active_power", "forward_energy"));
    }

    @Override
    public Optional<Set<String>> fields(DeviceType type, Optional<String> registerMap) {
        if (type == DeviceType.MODBUS) {
            return registerMap.flatMap(RegisterMaps::shipped).map(m -> new LinkedHashSet<>(m.fields()));
        }
        return Optional.of(new LinkedHashSet<>(DEVICES.get(type)));
    }

    @Override
    public Set<String> registerMaps() {
        return new LinkedHashSet<>(RegisterMaps.SHIPPED);
    }
}
