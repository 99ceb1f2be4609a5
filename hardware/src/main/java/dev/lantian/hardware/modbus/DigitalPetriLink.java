package dev.lantian.hardware.modbus;

import com.digitalpetri.modbus.client.ModbusClient;
import com.digitalpetri.modbus.exceptions.ModbusCrcException;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
import com.digitalpetri.modbus.pdu.ModbusResponsePdu;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * A {@link ModbusLink} over one digitalpetri client (Modbus TCP, RTU over TCP, or RTU over a serial
 * port). Connects lazily and again after a failure, so a converter that reboots comes back by itself.
 */
final class DigitalPetriLink implements ModbusLink {
    private final ModbusClient client;
    private final String description;
    private final Duration clientTimeout;

    DigitalPetriLink(ModbusClient client, String description, Duration clientTimeout) {
        this.client = client;
        this.description = description;
        this.clientTimeout = clientTimeout;
    }

    @Override
    public int[] read(int unit, RegisterFunction function, int address, int count, Duration timeout)
            throws FieldbusException, InterruptedException {
        if (count < 1 || count > 125) {
            throw new IllegalArgumentException("a Modbus read takes 1..125 registers, not " + count);
        }
        ensureConnected();
        CompletableFuture<ModbusResponsePdu> future = client.sendAsync(unit, function == RegisterFunction.INPUT
                ? new ReadInputRegistersRequest(address, count)
                : new ReadHoldingRegistersRequest(address, count)).toCompletableFuture();
        ModbusResponsePdu response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // RTU answers carry no transaction id: until the client itself gives up on this request
            // (its own timeout, the line's longest), a late answer could be matched to the next
            // device's request. Hold the line until then so that can never happen.
            awaitSettled(future);
            throw new FieldbusException(FieldbusException.Kind.TIMEOUT,
                    "unit " + unit + " did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw classify(unit, e.getCause());
        }
        byte[] bytes = response instanceof ReadInputRegistersResponse r ? r.registers()
                : ((ReadHoldingRegistersResponse) response).registers();
        if (bytes.length != count * 2) {
            throw new FieldbusException(FieldbusException.Kind.DEVICE_ERROR,
                    "unit " + unit + " returned " + bytes.length + " bytes for " + count + " registers");
        }
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        return words;
    }

    private void awaitSettled(CompletableFuture<ModbusResponsePdu> future) throws InterruptedException {
        try {
            future.get(clientTimeout.toNanos() + 100_000_000L, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // settled (or the client is stuck, which the next request will show)
        }
    }

    private void ensureConnected() throws FieldbusException {
        if (client.isConnected()) {
            return;
        }
        try {
            client.connect();
        } catch (Exception e) {
            throw new FieldbusException(FieldbusException.Kind.LINK, "cannot open " + description + ": " + e.getMessage(), e);
        }
    }

    private static FieldbusException classify(int unit, Throwable cause) {
        if (cause instanceof ModbusResponseException r) {
            return new FieldbusException(FieldbusException.Kind.DEVICE_ERROR,
                    "unit " + unit + " answered exception code " + r.getExceptionCode() + " (" + exceptionMeaning(r.getExceptionCode()) + ")");
        }
        if (cause instanceof ModbusCrcException) {
            return new FieldbusException(FieldbusException.Kind.CHECKSUM, "unit " + unit + ": bad CRC in response");
        }
        if (cause instanceof TimeoutException || cause instanceof ModbusTimeoutException) {
            return new FieldbusException(FieldbusException.Kind.TIMEOUT, "unit " + unit + " did not answer");
        }
        return new FieldbusException(FieldbusException.Kind.LINK, "unit " + unit + ": " + cause, cause);
    }

    /** The standard exception codes, so a technician sees "illegal data address" instead of "2". */
    public static String exceptionMeaning(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "slave device failure";
            case 5 -> "acknowledge";
            case 6 -> "slave device busy";
            case 8 -> "memory parity error";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target failed to respond";
            default -> "unknown";
        };
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (Exception e) {
            Logger.debug(e, "closing {}", description);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
