package io.hcdjg.cockpit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A port that accepts connections and never answers a byte: the worst kind of hung service, because a connect timeout
 * does not fire. Accepted sockets are held open until close.
 */
public final class BlackHole implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new ArrayList<>();

    public BlackHole() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("black-hole").start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
