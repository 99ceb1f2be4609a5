package dev.lantian.agent.assembly;

import dev.lantian.agent.config.Bus;
import dev.lantian.hardware.dlt645.Dlt645Transport;
import dev.lantian.hardware.dlt645.SerialDlt645Transport;
import dev.lantian.hardware.dlt645.SocketDlt645Transport;
import dev.lantian.hardware.modbus.ModbusLink;
import dev.lantian.hardware.modbus.ModbusLinks;
import dev.lantian.hardware.modbus.SerialSettings;
import dev.lantian.hardware.serial.ByteLink;
import dev.lantian.hardware.serial.ReconnectBackoff;
import dev.lantian.hardware.serial.SerialByteLink;
import dev.lantian.hardware.time.BoardClock;
import java.io.IOException;
import java.time.Duration;

/**
 * How the board reaches the wires of its buses: real serial ports and sockets on a board, in-memory
 * links in tests (the Pi4J seam for I2C and GPIO is {@link dev.lantian.hardware.i2c.BoardIo}). Only
 * the transport is chosen here; protocols, drivers and scheduling are the same either way.
 */
public interface BusLinks {

    ModbusLink modbusRtu(Bus.Serial bus, SerialSettings framing, Duration longestTimeout) throws IOException;

    ModbusLink modbusTcp(Bus.ModbusTcp bus, Duration longestTimeout) throws IOException;

    ModbusLink modbusRtuOverTcp(Bus.RtuOverTcp bus, Duration longestTimeout) throws IOException;

    Dlt645Transport dlt645Serial(Bus.Serial bus, SerialSettings framing) throws IOException;

    Dlt645Transport dlt645Tcp(Bus.RtuOverTcp bus, Duration longestTimeout) throws IOException;

    /** The byte stream of a UART sensor's line. */
    ByteLink uart(Bus.Serial bus, dev.lantian.hardware.serial.SerialSettings settings, BoardClock clock) throws IOException;

    /** The board's own ports and sockets. */
    BusLinks REAL = new BusLinks() {
        @Override
        public ModbusLink modbusRtu(Bus.Serial bus, SerialSettings framing, Duration longestTimeout) {
            return AbsentPortModbusLink.open(bus.port(), () -> ModbusLinks.rtuSerial(bus.port(), framing, longestTimeout));
        }

        @Override
        public ModbusLink modbusTcp(Bus.ModbusTcp bus, Duration longestTimeout) {
            return ModbusLinks.tcp(bus.host(), bus.port(), longestTimeout);
        }

        @Override
        public ModbusLink modbusRtuOverTcp(Bus.RtuOverTcp bus, Duration longestTimeout) {
            return ModbusLinks.rtuOverTcp(bus.host(), bus.port(), longestTimeout);
        }

        @Override
        public Dlt645Transport dlt645Serial(Bus.Serial bus, SerialSettings framing) throws IOException {
            return new SerialDlt645Transport(bus.port(), framing);
        }

        @Override
        public Dlt645Transport dlt645Tcp(Bus.RtuOverTcp bus, Duration longestTimeout) throws IOException {
            return new SocketDlt645Transport(bus.host(), bus.port(), longestTimeout);
        }

        @Override
        public ByteLink uart(Bus.Serial bus, dev.lantian.hardware.serial.SerialSettings settings, BoardClock clock) {
            return new SerialByteLink(settings, clock, ReconnectBackoff.standard());
        }
    };
}
