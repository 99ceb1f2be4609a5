package dev.lantian.hardware.dlt645;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** DL/T 645 through an RS-485-to-Ethernet converter in transparent TCP mode. */
public final class SocketDlt645Transport implements Dlt645Transport {
    private final Socket socket;
    private final InputStream in;

    public SocketDlt645Transport(String host, int port, Duration connectTimeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    @Override
    public int read(byte[] buf, Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("the converter closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void discardInput() throws IOException {
        while (in.available() > 0) {
            if (in.read(new byte[in.available()]) < 0) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
