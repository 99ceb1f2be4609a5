package dev.lantian.agent.acquire;

import dev.lantian.hardware.meter.ReadBlock;
import dev.lantian.hardware.meter.RegisterImage;
import dev.lantian.hardware.meter.RegisterMap;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Modbus slave read through a register map (narrowed to the fields the site uses): one poll reads
 * the map's merged blocks and decodes them.
 *
 * @param id             configured device id
 * @param unit           Modbus unit id (1..247; 255/0 accepted for Modbus TCP gateways)
 * @param map            the register map
 * @param ratioOverrides site-set CT/PT ratios by name (empty: the meter's registers or the map defaults)
 * @param period         poll period
 * @param policy         timeout, retries, isolation
 * @param link           the line's link, shared by all devices of the line
 */
public record ModbusPollingDevice(String id, int unit, RegisterMap map, Map<String, Double> ratioOverrides,
                                  Duration period, DevicePolicy policy, ModbusLink link) implements PollingDevice {
    public ModbusPollingDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(map, "map");
        ratioOverrides = Map.copyOf(ratioOverrides);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(link, "link");
        if (unit < 0 || unit > 255) {
            throw new IllegalArgumentException("Modbus unit id " + unit + " outside 0..255");
        }
    }

    /** The read requests of one poll. */
    public List<ReadBlock> blocks() {
        return map.plan(ratioOverrides.keySet());
    }

    @Override
    public ReadingSet poll(Wire wire, Instant time) throws FieldbusException, InterruptedException {
        RegisterImage image = new RegisterImage();
        for (ReadBlock b : blocks()) {
            int[] words = wire.exchange(t -> link.read(unit, b.function(), b.address(), b.count(), t));
            image.put(b, words);
        }
        List<Reading> readings = map.decode(image, ratioOverrides);
        long bad = readings.stream().filter(r -> !r.flag().isNormal()).count();
        if (bad == 0) {
            return ReadingSet.of(id, time, readings);
        }
        return new ReadingSet(id, time, readings, QualityFlag.D, bad + " of " + readings.size() + " values could not be decoded");
    }
}
