package dev.lantian.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A site's complete, checked configuration. Every default is resolved; every id a record refers to
 * exists in this configuration (the loader guarantees it), so the lookups below only return empty
 * for ids that came from elsewhere.
 */
public record SiteConfig(
        Path source,
        Site site,
        Reporting reporting,
        List<Bus> buses,
        List<Device> devices,
        List<Channel> channels,
        List<Equipment> equipment,
        List<Linkage> linkage,
        Emergency emergency,
        List<StaggeredProduction> staggeredProduction,
        Tamper tamper,
        Optional<MqttUplink> uplink,
        Storage storage,
        Console console) {

    public SiteConfig {
        buses = List.copyOf(buses);
        devices = List.copyOf(devices);
        channels = List.copyOf(channels);
        equipment = List.copyOf(equipment);
        linkage = List.copyOf(linkage);
        staggeredProduction = List.copyOf(staggeredProduction);
    }

    public Optional<Bus> bus(String id) {
        return buses.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<Device> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Channel> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Equipment> equipment(String id) {
        return equipment.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** {@code site:} who and what this board is. {@code deviceId} is the HJ 212 MN. */
    public record Site(String enterprise, String enterpriseCode, String deviceId, ZoneId timeZone, int systemCode) {
    }

    /** {@code reporting:} HJ 212 real-time interval (30 s–3600 s) and minute period length. */
    public record Reporting(Duration realtimeInterval, Duration minuteInterval) {
    }

    /** {@code tamper:} meter-lost timeout and the current (A) under which a clamp counts as removed. */
    public record Tamper(Duration meterLostAfter, double clampCurrentBelow) {
    }

    /** {@code storage:} the SQLite file and its retention. */
    public record Storage(Path path, int maxSizeMb, int maxAgeDays, int rawSampleDays) {
    }

    /** {@code console:} where the local web console listens. */
    public record Console(String bind, int port) {
    }

    /** {@code uplink.mqtt:} the broker reports go to. {@code clientId} defaults to lantian-MN. */
    public record MqttUplink(String url, MqttProtocol protocol, String clientId, Optional<String> username,
                             Optional<Path> passwordFile, Optional<Tls> tls, String topicPrefix, int backlogRate) {
    }

    public enum MqttProtocol { V3_1_1, V5 }

    /** {@code uplink.mqtt.tls:} files for an ssl:// or wss:// broker; empty ca means the system's CAs. */
    public record Tls(Optional<Path> caFile, Optional<Path> certFile, Optional<Path> keyFile) {
    }
}
