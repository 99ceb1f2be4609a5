package dev.lantian.agent.cli.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * What a technician asked {@code probe} to do, already parsed from the command line.
 *
 * @param device   device kind, lower case (pms5003, sds011, sps30, modbus, sdm630, dlt645, ...)
 * @param port     serial port path, when the device is on a serial line
 * @param tcp      {@code host:port}, when the device is reached over TCP
 * @param baud     serial baud rate, when given (drivers pick their own default otherwise)
 * @param parity   serial parity (none, even, odd), when given
 * @param stopBits serial stop bits, when given
 * @param i2cBus   I2C bus number, for I2C devices
 * @param address  device address as typed: I2C {@code 0x69}, DL/T 645 {@code 123456789012}
 * @param unit     Modbus unit id
 * @param read     raw Modbus read spec {@code input|holding:ADDR:COUNT:TYPE}
 * @param count    how many readings to print
 * @param raw      also print each frame in hex
 * @param timeout  how long to wait for a valid reading before giving up
 */
public record ProbeRequest(
        String device,
        Optional<String> port,
        Optional<String> tcp,
        Optional<Integer> baud,
        Optional<String> parity,
        Optional<Integer> stopBits,
        Optional<Integer> i2cBus,
        Optional<String> address,
        Optional<Integer> unit,
        Optional<String> read,
        int count,
        boolean raw,
        Duration timeout) {
}
