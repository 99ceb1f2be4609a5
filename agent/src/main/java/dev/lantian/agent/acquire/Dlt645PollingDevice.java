package dev.lantian.agent.acquire;

import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import dev.lantian.hardware.dlt645.Dlt645Client;
import dev.lantian.hardware.modbus.FieldbusException;
import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import dev.lantian.hardware.reading.ReadingSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A DL/T 645-2007 meter: one poll reads each identifier in turn (one request each, as the protocol
 * asks). An identifier the meter refuses (a single-phase meter has no phase B) gives a {@code D}
 * reading for that field; silence on every identifier makes the poll fail.
 *
 * @param identifiers what to read; {@link #ALL} gives every field of FIELDS.md's {@code dlt645} row
 */
public record Dlt645PollingDevice(String id, Dlt645Address address, List<DataIdentifier> identifiers, Duration period,
                                  DevicePolicy policy, Dlt645Client client) implements PollingDevice {
    public static final List<DataIdentifier> ALL = List.of(DataIdentifier.values());

    public Dlt645PollingDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(client, "client");
    }

    @Override
    public ReadingSet poll(Wire wire, Instant time) throws FieldbusException, InterruptedException {
        List<Reading> readings = new ArrayList<>();
        int refused = 0;
        for (DataIdentifier di : identifiers) {
            try {
                double v = wire.exchange(t -> client.read(address, di, t));
                readings.add(new Reading(di.field(), v, QualityFlag.N, di.cumulative()));
            } catch (FieldbusException e) {
                if (e.kind() != FieldbusException.Kind.DEVICE_ERROR) {
                    throw e;
                }
                refused++;
                readings.add(new Reading(di.field(), Double.NaN, QualityFlag.D, di.cumulative()));
            }
        }
        if (refused == 0) {
            return ReadingSet.of(id, time, readings);
        }
        return new ReadingSet(id, time, readings, QualityFlag.D, refused + " identifiers refused by the meter");
    }
}
