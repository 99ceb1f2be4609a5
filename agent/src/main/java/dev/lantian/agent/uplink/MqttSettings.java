package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.config.SiteConfig.Tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Everything the MQTT uplink needs, resolved: the broker, credentials (the password already read
 * from its file), topics, pacing and the identity the birth message announces. Built from the site
 * file by {@link #from}; tests build one with {@link #of} and the {@code with} methods.
 */
public record MqttSettings(String url, MqttProtocol protocol, String clientId, Optional<String> username,
                           Optional<String> password, Optional<Tls> tls, Topics topics, int backlogRate,
                           int maxInFlight, Duration keepAlive, Duration connectTimeout, Duration backoffBase,
                           Duration backoffCap, Duration commandMaxAge, String version, String configHash) {

    /** Settings for the site file's {@code uplink.mqtt}; reads the password file. */
    public static MqttSettings from(SiteConfig config, String version) throws IOException {
        SiteConfig.MqttUplink m = config.uplink()
                .orElseThrow(() -> new IllegalArgumentException("the site file has no uplink.mqtt"));
        Optional<String> password = Optional.empty();
        if (m.passwordFile().isPresent()) {
            password = Optional.of(Files.readString(m.passwordFile().get(), StandardCharsets.UTF_8).strip());
        }
        String device = config.site().deviceId();
        String clientId = m.clientId() == null || m.clientId().isBlank() ? "lantian-" + device : m.clientId();
        return new MqttSettings(m.url(), m.protocol(), clientId, m.username(), password, m.tls(),
                new Topics(m.topicPrefix(), config.site().enterpriseCode(), device), m.backlogRate(), 10,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), version, hash(config.source()));
    }

    /** Defaults for a plain broker: anonymous, no TLS, prefix lantian, backlog 20/s. */
    public static MqttSettings of(String url, MqttProtocol protocol, String enterprise, String device) {
        return new MqttSettings(url, protocol, "lantian-" + device, Optional.empty(), Optional.empty(),
                Optional.empty(), new Topics("lantian", enterprise, device), 20, 10, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                "test", "none");
    }

    public MqttSettings withBacklogRate(int perSecond) {
        return new MqttSettings(url, protocol, clientId, username, password, tls, topics, perSecond, maxInFlight,
                keepAlive, connectTimeout, backoffBase, backoffCap, commandMaxAge, version, configHash);
    }

    public MqttSettings withMaxInFlight(int window) {
        return new MqttSettings(url, protocol, clientId, username, password, tls, topics, backlogRate, window,
                keepAlive, connectTimeout, backoffBase, backoffCap, commandMaxAge, version, configHash);
    }

    public MqttSettings withBackoff(Duration base, Duration cap) {
        return new MqttSettings(url, protocol, clientId, username, password, tls, topics, backlogRate, maxInFlight,
                keepAlive, connectTimeout, base, cap, commandMaxAge, version, configHash);
    }

    public MqttSettings withTls(Tls files) {
        return new MqttSettings(url, protocol, clientId, username, password, Optional.of(files), topics, backlogRate,
                maxInFlight, keepAlive, connectTimeout, backoffBase, backoffCap, commandMaxAge, version, configHash);
    }

    public MqttSettings withCredentials(String user, String secret) {
        return new MqttSettings(url, protocol, clientId, Optional.of(user), Optional.of(secret), tls, topics,
                backlogRate, maxInFlight, keepAlive, connectTimeout, backoffBase, backoffCap, commandMaxAge, version,
                configHash);
    }

    public boolean secure() {
        return url.startsWith("ssl://") || url.startsWith("wss://");
    }

    /** First 16 hex digits of the site file's SHA-256: the bureau sees which configuration runs. */
    static String hash(Path source) {
        if (source == null || !Files.isRegularFile(source)) {
            return "unknown";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unknown";
        }
    }
}
