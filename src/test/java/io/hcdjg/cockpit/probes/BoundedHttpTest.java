package io.hcdjg.cockpit.probes;

import com.sun.net.httpserver.HttpServer;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.model.ProbeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a local HTTP server that answers too much or too slowly: a 400 MB body is cut at the ceiling (the server
 * gets to write little of it), a body trickled one byte every half second ends at the deadline, and the clients built
 * on it (a probe, Prometheus) say so instead of holding their poller.
 */
class BoundedHttpTest {
    static final long HUGE = 400L << 20;
    HttpServer server;
    final AtomicLong written = new AtomicLong();
    HttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/huge", x -> {
            x.sendResponseHeaders(200, HUGE);
            byte[] chunk = new byte[64 << 10];
            try (OutputStream out = x.getResponseBody()) {
                for (long sent = 0; sent < HUGE; sent += chunk.length) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheClient) {
                // what a capped reader does
            }
        });
        server.createContext("/trickle", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException closed) {
                // the client gave up
            }
        });
        server.createContext("/small", x -> {
            byte[] body = "{\"status\":\"healthy\"}".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aSmallBodyIsReadWhole() throws Exception {
        assertArrayEquals("{\"status\":\"healthy\"}".getBytes(),
                BoundedHttp.send(http, get("/small"), 1024, Duration.ofSeconds(5)).body());
    }

    @Test
    void aHugeBodyIsCutAtTheCeilingAndNotReadFurther() {
        IOException e = assertThrows(IOException.class,
                () -> BoundedHttp.send(http, get("/huge"), 4 << 20, Duration.ofSeconds(30)));
        assertEquals("answer larger than 4 MB: not read further", e.getMessage());
        assertTrue(written.get() < HUGE / 4, "the server wrote " + (written.get() >> 20) + " MB of 400");
    }

    @Test
    void aTrickledBodyEndsAtTheDeadline() {
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> BoundedHttp.send(http, get("/trickle"), 1 << 20, Duration.ofSeconds(1)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals("answer not complete in 1 s: its body was still arriving", e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took + " for a 1 s deadline");
    }

    @Test
    void aProbeOnATricklingOrHugeAnswerIsDownWithTheReason() {
        int port = server.getAddress().getPort();
        try (ProbeFactory probes = new ProbeFactory()) {
            Health slow = probes.create(at(port, "/trickle", Duration.ofSeconds(1))).check();
            assertEquals(HealthLevel.DOWN, slow.level(), slow.reason());
            assertEquals("answer not complete in 1 s: its body was still arriving", slow.reason());
            Health big = probes.create(at(port, "/huge", Duration.ofSeconds(30))).check();
            assertEquals("answer larger than 4 MB: not read further", big.reason());
        }
    }

    private static ServiceConfig at(int port, String path, Duration timeout) {
        return new ServiceConfig("grafana", ProbeKind.HTTP, "127.0.0.1", port, path, timeout, true, null, "dc1");
    }

    @Test
    void prometheusTricklingItsAnswerEndsWithinTheTimeout() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/trickle";
        MonitoringClient client = new MonitoringClient(http, url, url, Duration.ofSeconds(1));
        IOException e = assertThrows(IOException.class, client::targets);
        assertTrue(e.getMessage().startsWith("answer not complete in 1 s"), e.getMessage());
    }
}
