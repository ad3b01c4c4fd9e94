package io.hcdjg.cockpit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A STAND-IN for a service that cannot run on this machine (Vault, OpenSearch, Pulsar, Grafana, Loki, Jupyter,
 * analytics-api, the exporter): a loopback HTTP server that answers one path with the status and body the service
 * documents. It is not the service; it only speaks its health API.
 */
public final class StandInServer implements AutoCloseable {
    private final HttpServer server;
    private volatile int status;
    private volatile String body;
    private volatile long delayMs;
    private volatile boolean trickle;

    private StandInServer(String path, int status, String body) {
        this.status = status;
        this.body = body;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(path, this::answer);
        server.start();
    }

    public static StandInServer answering(String path, int status, String body) {
        return new StandInServer(path, status, body);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Changes the answer, e.g. to unseal a stand-in Vault. */
    public void answer(int newStatus, String newBody) {
        this.status = newStatus;
        this.body = newBody;
    }

    /** Answers only after this long: a slow service. */
    public StandInServer delayed(long millis) {
        this.delayMs = millis;
        return this;
    }

    /** Sends its body one byte every half second: a server that never quite answers. */
    public StandInServer trickling(boolean on) {
        this.trickle = on;
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs); // the stand-in plays a slow service; the tests wait on futures, not on this
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") || body.startsWith("[")
                    ? "application/json" : "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            for (int i = 0; trickle && i < bytes.length; i++) {
                exchange.getResponseBody().write(bytes[i]);
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (bytes.length > 0 && !trickle) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout); nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
