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
