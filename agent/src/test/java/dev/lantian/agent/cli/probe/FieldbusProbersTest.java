package dev.lantian.agent.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.digitalpetri.modbus.server.ModbusRtuServer;
import com.digitalpetri.modbus.server.ModbusServer;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.digitalpetri.modbus.tcp.server.NettyRtuServerTransport;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import dev.lantian.agent.acquire.VirtualDlt645Meter;
import dev.lantian.agent.cli.Main;
import dev.lantian.hardware.dlt645.DataIdentifier;
import dev.lantian.hardware.dlt645.Dlt645Address;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import dev.lantian.agent.cli.Logging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code lantian-agent probe} against virtual Modbus slaves and a virtual DL/T 645 meter on loopback. */
class FieldbusProbersTest {
    record Run(int status, String out, String err) {
    }

    private final Map<Integer, ProcessImage> units = new ConcurrentHashMap<>();
    private ModbusServer server;

    @BeforeAll
    static void quietLogs() {
        // netty (inside the virtual slaves) logs through slf4j-tinylog before the command configures it
        Logging.configureFromEnvironment();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private void put(int unit, boolean input, int address, int... words) {
        units.computeIfAbsent(unit, u -> new ProcessImage()).with(tx -> {
            java.util.function.Consumer<Map<Integer, byte[]>> w = regs -> {
                for (int i = 0; i < words.length; i++) {
                    regs.put(address + i, new byte[] {(byte) (words[i] >> 8), (byte) words[i]});
                }
            };
            if (input) {
                tx.writeInputRegisters(w);
            } else {
                tx.writeHoldingRegisters(w);
            }
        });
    }

    private void putFloat(int unit, int address, float value) {
        int bits = Float.floatToIntBits(value);
        put(unit, true, address, bits >>> 16, bits & 0xFFFF);
    }

    private ReadWriteModbusServices services() {
        return new ReadWriteModbusServices() {
            @Override
            protected Optional<ProcessImage> getProcessImage(int unitId) {
                return Optional.ofNullable(units.get(unitId));
            }
        };
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private int serveTcp() throws Exception {
        int port = freePort();
        server = ModbusTcpServer.create(NettyTcpServerTransport.create(c -> {
            c.setBindAddress("127.0.0.1");
            c.setPort(port);
        }), services());
        server.start();
        return port;
    }

    private int serveRtuOverTcp() throws Exception {
        int port = freePort();
        server = ModbusRtuServer.create(NettyRtuServerTransport.create(c -> {
            c.setBindAddress("127.0.0.1");
            c.setPort(port);
        }), services());
        server.start();
        return port;
    }

    @Test
    void sdm630PrintsNamedQuantitiesInTheirUnits() throws Exception {
        putFloat(3, 0x0000, 230.5f);
        putFloat(3, 0x0006, 12.25f);
        putFloat(3, 0x0034, 1500f);
        putFloat(3, 0x0048, 4321.5f);
        int port = serveTcp();
        Run r = run("probe", "--device", "sdm630", "--unit", "3", "--tcp", "127.0.0.1:" + port, "--timeout", "5");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("phase1_voltage=230.5 ").contains("phase1_current=12.25 ").contains("total_power=1.5 ")
                .contains("import_energy=4321.5 ").endsWith("flag=N" + System.lineSeparator());
    }

    @Test
    void sdm120OverAnRtuToEthernetConverter() throws Exception {
        putFloat(1, 0x0000, 229.0f);
        putFloat(1, 0x000C, 750f);
        int port = serveRtuOverTcp();
        Run r = run("probe", "--device", "sdm120", "--unit", "1", "--tcp", "rtu:127.0.0.1:" + port, "--timeout", "5");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("voltage=229 ").contains("active_power=0.75 ").contains("flag=N");
    }

    @Test
    void rawReadDecodesTheAskedType() throws Exception {
        put(2, false, 0x10, 0xFFFB, 7);
        int port = serveTcp();
        Run r = run("probe", "--device", "modbus", "--unit", "2", "--read", "holding:0x10:2:int16", "--tcp",
                "127.0.0.1:" + port, "--raw", "--timeout", "5");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("# holding 16+2: FFFB 0007").contains("holding_0x0010=-5 holding_0x0011=7 flag=N");
    }

    @Test
    void nothingAnsweringExitsOneWithAClearMessage() throws Exception {
        int port = serveRtuOverTcp();
        Run r = run("probe", "--device", "sdm630", "--unit", "9", "--tcp", "rtu:127.0.0.1:" + port, "--timeout", "1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("nothing valid from Modbus unit 9");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badCommandLinesAreInputErrors() {
        assertThat(run("probe", "--device", "sdm630", "--tcp", "127.0.0.1:1").status()).isEqualTo(2);
        assertThat(run("probe", "--device", "modbus", "--unit", "1", "--tcp", "127.0.0.1:1").err()).contains("--read");
        assertThat(run("probe", "--device", "modbus", "--unit", "1", "--read", "coil:1:1:int16", "--tcp", "127.0.0.1:1").status())
                .isEqualTo(2);
        assertThat(run("probe", "--device", "modbus", "--unit", "1", "--read", "input:0:100:float32", "--tcp", "127.0.0.1:1")
                .err()).contains("125");
        assertThat(run("probe", "--device", "dlt645", "--address", "12AB", "--tcp", "127.0.0.1:1").status()).isEqualTo(2);
    }

    @Test
    void dlt645DiscoversTheMeterAndReadsItsFields() throws Exception {
        try (VirtualDlt645Meter meter = new VirtualDlt645Meter(Dlt645Address.parse("000000123456"))) {
            meter.set(DataIdentifier.FORWARD_ENERGY, 12345.67).set(DataIdentifier.VOLTAGE_A, 231.4)
                    .set(DataIdentifier.CURRENT_A, 10.125).set(DataIdentifier.ACTIVE_POWER, -1.25);
            int port = meter.serveTcp();
            Run r = run("probe", "--device", "dlt645", "--tcp", "127.0.0.1:" + port, "--timeout", "3");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("# address=000000123456")
                    .contains("address=000000123456 forward_energy=12345.67 voltage_a=231.4 ")
                    .contains("current_a=10.125 ").contains("active_power=-1.25 ")
                    .contains("voltage_b=NaN").contains("flag=D");
        }
    }

    @Test
    void dlt645WithNobodyOnTheLineExitsOne() throws Exception {
        int port = freePort();
        Run r = run("probe", "--device", "dlt645", "--tcp", "127.0.0.1:" + port, "--timeout", "1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("DL/T 645");
    }
}
