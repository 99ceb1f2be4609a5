package dev.lantian.simulator.demo;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay the demo stages broker outages with, between a real MQTT client and the embedded broker. */
class OutageRelayTest {

    @Test
    void aCutDropsTheClientAndRefusesItUntilRestoredWhileTheBrokerStaysUpForOthers() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(); OutageRelay relay = OutageRelay.start(broker.url())) {
            List<String> states = new CopyOnWriteArrayList<>();
            MqttClient watcher = client(broker.url(), "bureau");
            watcher.connect();
            watcher.subscribe("site/state", 1, (t, m) -> states.add(new String(m.getPayload(), StandardCharsets.UTF_8)));

            MqttClient board = client(relay.url(), "board");
            MqttConnectOptions o = new MqttConnectOptions();
            o.setWill("site/state", "offline".getBytes(StandardCharsets.UTF_8), 1, false);
            board.connect(o);
            board.publish("site/state", "online".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(Await.until(() -> states.contains("online"), Duration.ofSeconds(5))).isTrue();

            relay.cut();
            assertThat(relay.isCut()).isTrue();
            assertThat(Await.until(() -> states.contains("offline"), Duration.ofSeconds(5)))
                    .as("the broker saw the board vanish and sent its will").isTrue();
            assertThat(Await.until(() -> !board.isConnected(), Duration.ofSeconds(5))).isTrue();
            MqttClient again = client(relay.url(), "board-2");
            assertThatThrownBy(again::connect).isInstanceOf(MqttException.class);
            assertThat(watcher.isConnected()).as("the bureau's own connection is untouched").isTrue();

            relay.restore();
            again.connect();
            again.publish("site/state", "back".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(Await.until(() -> states.contains("back"), Duration.ofSeconds(5))).isTrue();
            again.disconnect();
            watcher.disconnect();
        }
    }

    @Test
    void aBrokerUrlTheRelayCannotCarryIsRefusedWithTheUrl() {
        assertThatThrownBy(() -> OutageRelay.start("ssl://broker.example:8883"))
                .hasMessageContaining("tcp://host:port").hasMessageContaining("ssl://broker.example:8883");
    }

    private static MqttClient client(String url, String id) throws MqttException {
        return new MqttClient(url, id, new MemoryPersistence());
    }
}
