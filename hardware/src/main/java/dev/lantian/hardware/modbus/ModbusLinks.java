package dev.lantian.hardware.modbus;

import com.digitalpetri.modbus.client.ModbusRtuClient;
import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.serial.client.SerialPortClientTransport;
import com.digitalpetri.modbus.tcp.client.NettyRtuClientTransport;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;

/**
 * Opens the three kinds of Modbus line a site has: RTU on an RS-485 port, RTU carried byte for byte
 * over TCP by an RS-485-to-Ethernet converter (digitalpetri 2.x ships that framing as
 * {@link NettyRtuClientTransport}: RTU ADU with CRC-16, no MBAP header), and Modbus TCP.
 *
 * <p>{@code longestTimeout} is digitalpetri's request timeout for the whole line: pass the longest
 * per-device timeout of the line. A device timeout shorter than it is reported as such, but the line
 * stays held until digitalpetri gives up on the request, so a late RTU answer (which carries no
 * transaction id) can never be taken for the next device's.
 */
public final class ModbusLinks {
    private ModbusLinks() {
    }

    public static ModbusLink tcp(String host, int port, Duration longestTimeout) {
        var transport = NettyTcpClientTransport.create(cfg -> {
            cfg.setHostname(host);
            cfg.setPort(port);
            cfg.setConnectTimeout(longestTimeout);
        });
        var client = ModbusTcpClient.create(transport, cfg -> cfg.setRequestTimeout(longestTimeout));
        return new DigitalPetriLink(client, "Modbus TCP " + host + ":" + port, longestTimeout);
    }

    public static ModbusLink rtuOverTcp(String host, int port, Duration longestTimeout) {
        var transport = NettyRtuClientTransport.create(cfg -> {
            cfg.setHostname(host);
            cfg.setPort(port);
            cfg.setConnectTimeout(longestTimeout);
        });
        var client = ModbusRtuClient.create(transport, cfg -> cfg.setRequestTimeout(longestTimeout));
        return new DigitalPetriLink(client, "Modbus RTU over TCP " + host + ":" + port, longestTimeout);
    }

    public static ModbusLink rtuSerial(String port, SerialSettings settings, Duration longestTimeout) {
        var transport = SerialPortClientTransport.create(cfg -> {
            cfg.setSerialPort(port);
            cfg.setBaudRate(settings.baud());
            cfg.setDataBits(settings.dataBits());
            cfg.setParity(switch (settings.parity()) {
                case NONE -> SerialPort.NO_PARITY;
                case EVEN -> SerialPort.EVEN_PARITY;
                case ODD -> SerialPort.ODD_PARITY;
            });
            cfg.setStopBits(settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT);
        });
        var client = ModbusRtuClient.create(transport, cfg -> cfg.setRequestTimeout(longestTimeout));
        return new DigitalPetriLink(client, "Modbus RTU " + port + " " + settings, longestTimeout);
    }

    /** Meaning of a Modbus exception code, for messages. */
    public static String exceptionMeaning(int code) {
        return DigitalPetriLink.exceptionMeaning(code);
    }
}
