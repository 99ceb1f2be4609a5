package dev.lantian.agent.uplink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The retained state topic: {@code online} with version and configuration hash when a connection
 * comes up, {@code offline} as the last will (the broker sends it when the board vanishes) and
 * before a clean disconnect (when the broker would not).
 */
final class Presence {
    static final BrokerSession.Delivery IGNORE = new BrokerSession.Delivery() {
        @Override
        public void acknowledged() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MqttSettings settings;
    private final Clock clock;

    Presence(MqttSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    BrokerSession.Will will() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("state", "offline");
        o.put("device", settings.topics().device());
        return new BrokerSession.Will(settings.topics().state(), bytes(o));
    }

    void goOnline(BrokerSession session) throws java.io.IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("state", "online");
        o.put("device", settings.topics().device());
        o.put("version", settings.version());
        o.put("config_hash", settings.configHash());
        o.put("protocol", settings.protocol() == dev.lantian.agent.config.SiteConfig.MqttProtocol.V5 ? "5" : "3.1.1");
        o.put("at", clock.instant().toString());
        session.publish(settings.topics().state(), bytes(o), true, IGNORE);
    }

    /** Best effort, bounded: a clean shutdown says so, waiting at most a second for the broker. */
    void goOffline(BrokerSession session) {
        if (!session.isConnected()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            session.publish(settings.topics().state(), will().payload(), true, new BrokerSession.Delivery() {
                @Override
                public void acknowledged() {
                    done.countDown();
                }

                @Override
                public void failed(Throwable cause) {
                    done.countDown();
                }
            });
            done.await(1, TimeUnit.SECONDS);
        } catch (java.io.IOException | RuntimeException e) {
            // the will covers it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(ObjectNode o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
