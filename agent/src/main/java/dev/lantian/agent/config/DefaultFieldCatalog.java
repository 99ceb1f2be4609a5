package dev.lantian.agent.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The field names the drivers and shipped register maps produce (the contract in FIELDS.md). */
public final class DefaultFieldCatalog implements FieldCatalog {
    private static final List<String> SDM630 = List.of("phase1_voltage", "phase2_voltage", "phase3_voltage",
            "phase1_current", "phase2_current", "phase3_current", "phase1_power", "phase2_power", "phase3_power",
            "total_power", "frequency", "import_energy", "total_energy");
    private static final List<String> PLANTOWER = List.of("pm1_0", "pm2_5", "pm10", "pm1_0_cf1", "pm2_5_cf1",
            "pm10_cf1", "n0_3", "n0_5", "n1_0", "n2_5", "n5_0", "n10");

    private static final Map<DeviceType, List<String>> DEVICES = new LinkedHashMap<>();
    private static final Map<String, List<String>> MAPS = new LinkedHashMap<>();

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
        MAPS.put("eastron-sdm630", SDM630);
        MAPS.put("eastron-sdm120", List.of("voltage", "current", "active_power", "frequency", "import_energy",
                "total_energy"));
        MAPS.put("acrel-adw300", SDM630);
        MAPS.put("generic-dust-monitor", List.of("pm10", "tsp", "pm2_5"));
        MAPS.put("generic-pid-voc", List.of("tvoc", "nmhc"));
    }

    @Override
    public Optional<Set<String>> fields(DeviceType type, Optional<String> registerMap) {
        if (type == DeviceType.MODBUS) {
            return registerMap.map(MAPS::get).map(LinkedHashSet::new);
        }
        return Optional.of(new LinkedHashSet<>(DEVICES.get(type)));
    }

    @Override
    public Set<String> registerMaps() {
        return new LinkedHashSet<>(MAPS.keySet());
    }
}
