package dev.lantian.simulator.demo;

import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import dev.lantian.simulator.bureau.BureauReceiver;
import dev.lantian.simulator.bureau.BureauTally;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBrokerTest {

    @Test
    void aReportPublishedAtQos1ReachesTheBureauThroughTheEmbeddedBroker() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             BureauReceiver bureau = new BureauReceiver(broker.url(), "lantian")) {
            assertThat(broker.url()).startsWith("tcp://127.0.0.1:");
            bureau.start();
            MqttClient board = new MqttClient(broker.url(), "board-1", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            board.connect(o);
            MqttMessage state = new MqttMessage("online".getBytes(StandardCharsets.UTF_8));
            state.setRetained(true);
            state.setQos(1);
            board.publish("lantian/ent1/b1/state", state);
            for (long seq = 1; seq <= 3; seq++) {
                Report r = MinuteReports.minute("b1", seq);
                MqttMessage m = new MqttMessage(ReportJson.write(r).getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                board.publish("lantian/ent1/b1/minute", m);
            }
            board.disconnect();
            board.close();

            assertThat(Await.until(() -> bureau.tally().accepted() == 3, Duration.ofSeconds(10))).isTrue();
            BureauTally t = bureau.tally();
            assertThat(t.gaps()).isZero();
            assertThat(t.invalid()).isZero();
            assertThat(t.device("b1").orElseThrow().state()).isEqualTo("online");
        }
    }

    @Test
    void closingTheBrokerFreesItsPort() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start();
        int port = broker.port();
        broker.close();
        broker.close();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(java.io.IOException.class);
    }
}
