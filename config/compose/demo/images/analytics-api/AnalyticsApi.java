// analytics-api (and graph-consumer) of the demo stack: a small real service in one file, run by the image's JRE 17
// with `java AnalyticsApi.java`. It answers the health API of the real analytics-api (stack-reference §2) — /healthz,
// and /health whose status depends on whether janusgraph-server really answers on its port — serves /metrics, and
// writes log lines in the real service's format: requests, slow queries, errors, authentication failures and
// destructive statements, so that the cockpit's log tails have the real mix to classify.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

public class AnalyticsApi {
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    static final AtomicLong requests = new AtomicLong();
    static final AtomicLong errors = new AtomicLong();

    static final String[] API_LINES = {
            "[INFO] banking.api - GET /api/v1/persons?limit=20 200 12ms",
            "[INFO] uvicorn.access - 10.89.0.1:51234 - \"GET /health HTTP/1.1\" 200",
            "[WARNING] banking.api.profiler - Slow query: g.V().has('person','name','Alice Johnson').out('owns') took 1532 ms",
            "[INFO] banking.api - POST /api/v1/screening 200 48ms",
            "[INFO] uvicorn.access - 10.89.0.1:51240 - \"POST /api/v1/auth/login HTTP/1.1\" 401",
            "[WARNING] banking.security.mfa - TOTP verification failed for user: alice",
            "[ERROR] banking.api - Unhandled exception on GET /api/v1/graph/stats: ConnectionRefusedError: [Errno 111] Connection refused",
            "[INFO] banking.api - GET /api/v1/accounts/GB33BUKB20201555555555 200 9ms",
            "[WARNING] banking.compliance.audit - query_executed: DROP TABLE IF EXISTS janusgraph.tmp_import by admin",
            "[INFO] banking.api - GET /stats 200 31ms",
    };
    static final String[] CONSUMER_LINES = {
            "[INFO] banking.streaming.graph_consumer - consumed 25 events from persistent://public/banking/transactions-events",
            "[INFO] banking.streaming.graph_consumer - upserted 25 vertices, 31 edges in 212 ms",
            "[WARNING] banking.streaming.graph_consumer - batch took 1204 ms (slow query on janusgraph-server)",
            "[ERROR] banking.streaming.graph_consumer - Failed to connect to JanusGraph: timeout after 5000 ms; retrying",
    };

    public static void main(String[] args) throws Exception {
        String mode = System.getenv().getOrDefault("MODE", "api");
        if (mode.equals("mix")) {
            mix();
            Thread.sleep(Long.MAX_VALUE);
        }
        if (mode.equals("flood")) {
            flood(Long.parseLong(System.getenv().getOrDefault("LINES", "1000000")));
            return;
        }
        String logger = mode.equals("api") ? "analytics-api" : "graph-consumer";
        if (mode.equals("api")) {
            serve(Integer.parseInt(System.getenv().getOrDefault("PORT", "8001")));
        }
        long every = Long.parseLong(System.getenv().getOrDefault("LOG_EVERY_MS", "2000"));
        String[] lines = mode.equals("api") ? API_LINES : CONSUMER_LINES;
        log("[INFO] " + logger + " - started (mode " + mode + ")");
        for (long i = 0; ; i++) {
            Thread.sleep(every);
            String line = lines[(int) (i % lines.length)];
            if (line.contains("[ERROR]")) {
                errors.incrementAndGet();
            }
            log(line);
        }
    }

    /**
     * MODE=mix (for the cockpit's tests): a known mix of lines, then silence. Exactly 10 errors, 6 slow queries,
     * 4 authentication failures and 3 destructive statements among 39 lines, the awkward ones included: ANSI
     * colours, invalid UTF-8, a NUL byte and a 1 MiB line.
     */
    static void mix() throws Exception {
        java.io.PrintStream out = System.out;
        String[] lines = {
                "[ERROR] banking.api - Unhandled exception on GET /api/v1/graph: boom",
                "[ERROR] banking.api - JanusGraph health check failed: timeout",
                "[ERROR] banking.api - Failed to connect to JanusGraph: refused",
                "java.lang.IllegalStateException: pool closed",
                "FATAL: cannot allocate memory",
                "[INFO] banking.api - GET /api/v1/persons 200 12ms",
                "[WARNING] banking.api.profiler - Slow query: g.V().out() took 1532 ms",
                "[WARNING] banking.api.profiler - Slow query: g.E().count() took 2500 ms",
                "[INFO] uvicorn.access - 10.89.0.1:51240 - \"POST /api/v1/auth/login HTTP/1.1\" 401",
                "[WARNING] banking.security.mfa - TOTP verification failed for user: alice",
                "[WARNING] banking.security.mfa - MFA verification blocked - user locked out: bob",
                "[WARNING] banking.compliance.audit - query_executed: DROP TABLE IF EXISTS janusgraph.tmp by admin",
                "[WARNING] banking.compliance.audit - query_executed: TRUNCATE TABLE janusgraph.staging by admin",
                "[WARNING] banking.compliance.audit - query_executed: DELETE FROM janusgraph.edges WHERE id=7 by admin",
                "[INFO] banking.api - GET /stats 200 31ms",
                "[INFO] banking.api - POST /api/v1/screening 200 48ms",
                "WARN  [ScheduledTasks:1] 2026-11-28 05:52:16,491 MonitoringTask.java:173 - 3 operations were slow in the last 5000 msecs",
                "WARN  [ScheduledTasks:1] 2026-11-28 05:52:21,491 MonitoringTask.java:173 - 1 operations were slow in the last 5000 msecs",
                "[INFO] gremlin - timeout occurred during traversal evaluation of [g.V().repeat(out())]",
                "[INFO] banking.streaming.graph_consumer - batch took 1204 ms (slow query on janusgraph-server)",
                "[WARNING] banking.api - Query validation failed for user carol: Invalid credentials",
                "[ERROR] exporter - Gremlin server error: 597",
                "[ERROR] exporter - Query execution error: NoHostAvailable",
                "[ERROR] exporter - Error collecting basic metrics",
                "[INFO] banking.api - GET /healthz 200 1ms",
                "[INFO] banking.api - GET /api/v1/accounts 200 9ms",
                "[INFO] banking.api - GET /api/v1/companies 200 11ms",
                "[INFO] banking.api - shutting down workers",
                "[INFO] banking.api - workers ready",
                "Vault: security barrier not initialized",
                "[INFO] banking.api - cache hit ratio 0.97",
                "[INFO] banking.api - GET /api/v1/persons?limit=5 200 8ms",
        };
        for (String l : lines) {
            log(l);
        }
        // The awkward ones (7 more lines, 2 of them errors): ANSI, invalid UTF-8, NUL, 1 MiB.
        log("\u001B[31m[ERROR]\u001B[0m banking.api - coloured error line");
        out.write(("2026-11-28 06:00:00,000 [INFO] bytes: ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' ', 'o', 'k', '\n'});
        out.write("2026-11-28 06:00:00,001 [INFO] a NUL\u0000byte inside\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        log("[INFO] " + "x".repeat(1 << 20));
        log("[ERROR] last of the mix");
        log("[INFO] mix done");
        log("[INFO] 39 lines written");
        out.flush();
    }

    /** MODE=flood: LINES lines as fast as the JVM can write them, then exit (the log benchmark). */
    static void flood(long n) {
        java.io.PrintStream out = new java.io.PrintStream(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false);
        String[] lines = {
                "[INFO] banking.api - GET /api/v1/persons?limit=20 200 12ms",
                "[INFO] uvicorn.access - 10.89.0.1:51234 - \"GET /health HTTP/1.1\" 200",
                "[WARNING] banking.api.profiler - Slow query: g.V().has('person','name','Alice Johnson') took 1532 ms",
                "[INFO] banking.api - POST /api/v1/screening 200 48ms",
                "[ERROR] banking.api - Unhandled exception on GET /api/v1/graph/stats: ConnectionRefusedError",
                "[INFO] banking.api - GET /stats 200 31ms",
                "[WARNING] banking.security.mfa - TOTP verification failed for user: alice",
                "[INFO] banking.api - GET /api/v1/accounts/GB33BUKB20201555555555 200 9ms",
        };
        for (long i = 0; i < n; i++) {
            out.print("2026-11-28 06:00:00,000 ");
            out.print(lines[(int) (i % lines.length)]);
            out.print(" #");
            out.println(i);
        }
        out.flush();
    }

    static void log(String line) {
        System.out.println(LocalDateTime.now().format(TS) + " " + line);
        System.out.flush();
    }

    static void serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 50);
        server.createContext("/healthz", ex -> answer(ex, 200, "{\"status\":\"ok\"}"));
        server.createContext("/health", ex -> {
            boolean graph = reachable(System.getenv().getOrDefault("JANUSGRAPH_HOST", "janusgraph-server"),
                    Integer.parseInt(System.getenv().getOrDefault("JANUSGRAPH_PORT", "8182")));
            answer(ex, 200, "{\"status\":\"" + (graph ? "healthy" : "degraded") + "\",\"timestamp\":\"" + Instant.now()
                    + "\",\"services\":{\"janusgraph\":" + graph + "}}");
        });
        server.createContext("/metrics", ex -> answer(ex, 200,
                "# HELP analytics_requests_total Requests served\n# TYPE analytics_requests_total counter\n"
                        + "analytics_requests_total " + requests.get() + "\n"
                        + "# HELP analytics_errors_total Errors logged\n# TYPE analytics_errors_total counter\n"
                        + "analytics_errors_total " + errors.get() + "\n"));
        server.start();
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        requests.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain; version=0.0.4");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
