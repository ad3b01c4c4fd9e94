// analytics-api and graph-consumer of the demo stack, redone in one Java file (JDK + the Gremlin driver, run by the
// image's JRE 17 with `java -cp '/opt/analytics/lib/*' AnalyticsApi.java`). MODE=api (default) behaves like the real
// FastAPI service, MODE=consumer like banking.streaming.graph_consumer, MODE=flood / MODE=mix are fixtures for the
// cockpit's bench and tests. No line is made up: each one is what the real code writes on the same path.
//
// Facts and their sources (davidleconte/hcd-janusgraph; file versions read with the search tool: main.py 0799f73,
// routers + dependencies + waf + mfa + session_manager 74503e2, audit_logger 763aab8, query_sanitizer 31ee374,
// query_profiler + query_cache 3171f58, settings 0799f73, graph_consumer 0917661; uvicorn logging.py/config.py of
// encode/uvicorn; slowapi extension.py; Cassandra 5.0.5 class files for line numbers):
// - Process: docker/api/Dockerfile runs `uvicorn src.python.api.main:app --host 0.0.0.0 --port 8001`, so uvicorn's
//   default LOGGING_CONFIG: access lines on stdout as `INFO:     10.89.0.1:51240 - "POST /api/v1/auth/login
//   HTTP/1.1" 401 Unauthorized` (status + HTTPStatus phrase, no colours without a tty); uvicorn's own lines
//   (`INFO:     Started server process [1]` ...) on stderr.
// - App log (main.py _configure_logging): root StreamHandler -- i.e. stderr -- with
//   `%(asctime)s [%(levelname)s] %(name)s - %(message)s` (LOG_JSON=true: python-json-logger, keys timestamp, name,
//   level, message) and a PIISanitizer filter on the record's template and arguments (utils/log_sanitizer.py,
//   main.py 0799f73; emails, phone numbers, "user Firstname Lastname" -> [..._REDACTED]). Logger names are
//   module paths: src.python.api.main, src.python.api.routers.health, src.python.security.mfa, ...
// - A 401 writes no app line: routers/auth.py raises HTTPException(401, "Invalid credentials") and main.py's handler
//   answers {"error":"http_error","detail":"Invalid credentials","status_code":401,"timestamp":"<iso>"}. Login is
//   POST /api/v1/auth/login {username, password}; API_USER defaults to "admin", API_USER_PASSWORD to "" (no check),
//   API_USER_ROLES to "admin", and admin needs MFA, so good credentials get an MFA challenge. No route calls the
//   audit logger for logins or MFA: a failed login is NOT an auth_failed audit event.
// - MFA (security/mfa.py): `TOTP verification failed for user: %s`, `User %s locked out after %d failed MFA
//   attempts` (3 attempts, 300 s), `MFA verification blocked - user locked out: %s` -- printed as `MFA verification
//   blocked - locked out [NAME_REDACTED]: alice`: the PIISanitizer's case-insensitive customer_name pattern
//   rewrites "user locked out" in the template --, `Error verifying TOTP: %s`
//   (a secret that is not base32), then auth.py answers 401 "Invalid MFA token" or 429 "Account locked. Try again
//   in N seconds." (POST /api/v1/auth/mfa/verify {user_id, token, secret}).
// - WAF (api/waf_middleware.py): URL, query, a few headers and POST bodies matched against OWASP-style patterns;
//   `WAF blocked request: category=%s path=%s ip=%s detail=Suspicious pattern in URL/query: <category>` (body:
//   `WAF blocked request body: category=%s path=%s ip=%s`), answer 403 {"error":"waf_blocked",...}. Its patterns
//   are broad: `?q=DROP TABLE x`, `../`, `<script` in the User-Agent, even `&id=1` (command_injection) block.
// - Audit (banking/compliance/audit_logger.py): json.dumps (", " ": ", ASCII) of timestamp (datetime.now(utc)
//   .isoformat()), event_type, severity, user, resource, action, result, ip_address, session_id, metadata, one line
//   per event appended to $AUDIT_LOG_DIR/audit.log (default /var/log/janusgraph, not a volume) by a FileHandler.
//   Only the query sanitizer writes events on the API's paths: validation_failure (metadata query, reason,
//   query_hash) with `Query validation failed for user %s: %s`, and query_executed (query, pattern, complexity,
//   query_hash) when a query passes validation. Its rules: 11 dangerous patterns (system\(, drop\(, ...) then an
//   8-pattern allowlist, 60 queries/min per user.
// - Profiler (performance/query_profiler.py via routers/performance.py): threshold 1000 ms, keyed by a hash of the
//   normalised query, `Query profiled: <hash>_<ms> - 12.34ms, 1 results`; slow-queries answers a bare list of
//   {query_pattern, avg_time_ms, p95_time_ms, execution_count, slow_query_count}; report, frequent-queries,
//   config GET/PUT {slow_query_threshold_ms, expensive_query_threshold_scans, total_profiled_queries,
//   unique_patterns}, cache/stats. slowapi limits every route but health to 60/min per client address.
// - The real app has NO route that runs a caller's Gremlin, so nothing feeds its profiler or audit log: the demo adds
//   POST /api/v1/graph/query {query, user} that chains the real sanitizer, profiler and a traversal (the WAF's body
//   check would block Gremlin text, so that route skips it). Also demo-only: GET /metrics, left out of the access
//   log, for the demo Prometheus' ServiceDown rule (the real app has no /metrics and is not scraped).
// - graph-consumer: `python -m` imports banking.streaming, whose master_orchestrator (09b7974) calls
//   logging.basicConfig(INFO) at import:
//   stderr lines `INFO:__main__:event=graph_consumer_connect_pulsar component=graph_consumer pulsar_url=...`; with
//   no events it writes nothing more (no Pulsar in the demo: it idles as if the topics were empty).
// Left out on purpose: tracebacks after `Unhandled exception on ...` (only the record's first line is written),
// OpenSearch startup validation, the runpy RuntimeWarning, the Pulsar C++ client's own lines. Different on purpose:
// without API_JWT_SECRET the demo makes a secret up (the real login answers 500), and the demo consumer waits for
// janusgraph-server instead of dying at start.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.Result;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class AnalyticsApi {
    public static void main(String[] args) throws Exception {
        switch (Env.get("MODE", "api")) {
            case "mix" -> {
                Fixtures.mix(System.out);
                Thread.sleep(Long.MAX_VALUE);
            }
            case "flood" -> Fixtures.flood(Long.parseLong(Env.get("LINES", "1000000")));
            case "consumer" -> Consumer.run();
            default -> Api.run();
        }
    }
}

/** Environment with defaults; GREMLIN_* (as the exporter) fall back to the real service's JANUSGRAPH_*. */
final class Env {
    static String get(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    static String gremlinHost() {
        return get("GREMLIN_HOST", get("JANUSGRAPH_HOST", "janusgraph-server"));
    }

    static int gremlinPort() {
        return Integer.parseInt(get("GREMLIN_PORT", get("JANUSGRAPH_PORT", "8182")));
    }
}

/** What Python prints: asctime, isoformat, float repr, json.dumps, urllib quote/unquote. */
final class Py {
    static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static String asctime() {
        return LocalDateTime.now().format(ASCTIME);
    }

    /** datetime.now(timezone.utc).isoformat(): microseconds unless they are 0, then +00:00. */
    static String isoUtcNow() {
        Instant now = Instant.now();
        int micros = now.getNano() / 1000;
        return LocalDateTime.ofInstant(now, ZoneOffset.UTC).format(ISO)
                + (micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros)) + "+00:00";
    }

    /** repr(float): the shortest digits that read back, plain from 1e-4 to 1e16, else d.ddde+XX. */
    static String floatRepr(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal s = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                s = r;
                break;
            }
        }
        s = s.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale();
        String sign = s.signum() < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plain = s.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }

    /** json.dumps: FastAPI's responses are compact and UTF-8; the audit log uses the defaults (", ", ": ", ASCII). */
    static String dumps(Object o, boolean compact) {
        StringBuilder b = new StringBuilder();
        write(b, o, compact);
        return b.toString();
    }

    private static void write(StringBuilder b, Object o, boolean compact) {
        if (o == null) {
            b.append("null");
        } else if (o instanceof String s) {
            quote(b, s, !compact);
        } else if (o instanceof Boolean || o instanceof Integer || o instanceof Long) {
            b.append(o);
        } else if (o instanceof Double d) {
            b.append(floatRepr(d));
        } else if (o instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : compact ? "," : ", ");
                first = false;
                quote(b, String.valueOf(e.getKey()), !compact);
                b.append(compact ? ":" : ": ");
                write(b, e.getValue(), compact);
            }
            b.append('}');
        } else if (o instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : compact ? "," : ", ");
                write(b, l.get(i), compact);
            }
            b.append(']');
        } else if (o instanceof Number n) {
            b.append(n instanceof Float || n instanceof BigDecimal ? floatRepr(n.doubleValue()) : n.toString());
        } else {
            quote(b, o.toString(), !compact);
        }
    }

    private static void quote(StringBuilder b, String s, boolean ascii) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7e)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** urllib.parse.quote(path): what uvicorn prints of the request path. */
    static String quotePath(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "_.-~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** urllib.parse.unquote: %XX as UTF-8 (invalid bytes replaced), '+' kept. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                flush(out, b);
                b.append(c);
            }
        }
        flush(out, b);
        return b.toString();
    }

    private static void flush(ByteArrayOutputStream out, StringBuilder b) {
        if (out.size() > 0) {
            b.append(new String(out.toByteArray(), StandardCharsets.UTF_8));
            out.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    static String sha256(String s) {
        return digest("SHA-256", s);
    }

    static String md5(String s) {
        return digest("MD5", s);
    }

    private static String digest(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** secrets.token_urlsafe(n). */
    static String tokenUrlsafe(int n) {
        byte[] b = new byte[n];
        Api.RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

/** A small JSON reader for request bodies: objects, arrays, strings, numbers (Long or Double), booleans, null. */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        Json j = new Json(text);
        j.ws();
        Object v = j.value();
        j.ws();
        if (j.i != j.s.length()) {
            throw new IllegalArgumentException("Extra data");
        }
        return v;
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private Object value() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("Expecting value");
        }
        char c = s.charAt(i);
        if (c == '{') {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek('}')) {
                return m;
            }
            do {
                ws();
                if (i >= s.length() || s.charAt(i) != '"') {
                    throw new IllegalArgumentException("Expecting property name enclosed in double quotes");
                }
                String k = string();
                ws();
                expect(':');
                ws();
                m.put(k, value());
                ws();
            } while (peek(','));
            expect('}');
            return m;
        }
        if (c == '[') {
            List<Object> l = new ArrayList<>();
            i++;
            ws();
            if (peek(']')) {
                return l;
            }
            do {
                ws();
                l.add(value());
                ws();
            } while (peek(','));
            expect(']');
            return l;
        }
        if (c == '"') {
            return string();
        }
        for (String lit : List.of("true", "false", "null")) {
            if (s.startsWith(lit, i)) {
                i += lit.length();
                return lit.equals("null") ? null : Boolean.valueOf(lit);
            }
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String n = s.substring(start, i);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Expecting value");
        }
        if (n.contains(".") || n.contains("e") || n.contains("E")) {
            return Double.parseDouble(n);
        }
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            return Double.parseDouble(n);
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw new IllegalArgumentException("Unterminated string");
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("Expecting '" + c + "' delimiter");
        }
    }
}

/**
 * The service's outputs as the real process splits them: the app log goes to the root StreamHandler (stderr;
 * APP_LOG_STREAM=stdout moves it), uvicorn's own lines to stderr, its access lines to stdout.
 */
final class Log {
    static final PrintStream OUT = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final PrintStream ERR = new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    static final PrintStream APP = Env.get("APP_LOG_STREAM", "stderr").equals("stdout") ? OUT : ERR;
    static final boolean JSON = Env.get("LOG_JSON", "false").equalsIgnoreCase("true");
    static final boolean SANITIZE = !Env.get("LOG_SANITIZATION", "true").equalsIgnoreCase("false");
    static final AtomicLong ERRORS = new AtomicLong();
    /** utils/log_sanitizer.py PIISanitizer, IP addresses only with LOG_REDACT_IP=true (its default is false). */
    static final List<Map.Entry<Pattern, String>> PII = new ArrayList<>(List.of(
            Map.entry(Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Z|a-z]{2,}\\b"), "[EMAIL_REDACTED]"),
            Map.entry(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[SSN_REDACTED]"),
            Map.entry(Pattern.compile("\\b\\d{4}[\\s-]?\\d{4}[\\s-]?\\d{4}[\\s-]?\\d{4}\\b"), "[CARD_REDACTED]"),
            Map.entry(Pattern.compile("\\b(?:\\+?1[-.\\s]?)?\\(?\\d{3}\\)?[-.\\s]?\\d{3}[-.\\s]?\\d{4}\\b"), "[PHONE_REDACTED]"),
            Map.entry(Pattern.compile("\\bACC-\\d+\\b"), "[ACCOUNT_REDACTED]"),
            Map.entry(Pattern.compile("(?:customer|user|person)[\\s:]+([A-Z][a-z]+\\s+[A-Z][a-z]+)",
                    Pattern.CASE_INSENSITIVE), "$1 [NAME_REDACTED]")));

    static {
        if (Env.get("LOG_REDACT_IP", "false").equalsIgnoreCase("true")) {
            PII.add(Map.entry(Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"), "[IP_REDACTED]"));
        }
    }

    /** logger.log(level, template, *args): the template and each string argument go through the sanitizer. */
    static void app(String level, String logger, String template, Object... args) {
        Object[] clean = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            clean[i] = args[i] instanceof String s ? sanitize(s) : args[i] == null ? "None" : args[i];
        }
        String message = args.length == 0 ? sanitize(template) : String.format(Locale.ROOT, sanitize(template), clean);
        if (level.equals("ERROR")) {
            ERRORS.incrementAndGet();
        }
        if (JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", Py.asctime());
            m.put("name", logger);
            m.put("level", level);
            m.put("message", message);
            APP.println(Py.dumps(m, false));
        } else {
            APP.println(Py.asctime() + " [" + level + "] " + logger + " - " + message);
        }
    }

    static String sanitize(String s) {
        if (!SANITIZE) {
            return s;
        }
        for (Map.Entry<Pattern, String> p : PII) {
            s = p.getKey().matcher(s).replaceAll(p.getValue());
        }
        return s;
    }

    /** uvicorn's own logger: `INFO:     message` on stderr. */
    static void uvicorn(String level, String message) {
        ERR.println(level + ":" + " ".repeat(Math.max(0, 8 - level.length())) + " " + message);
    }

    /** uvicorn.access: client - "request line" status phrase, on stdout. */
    static void access(String client, String method, String path, String query, String version, int status) {
        OUT.println("INFO:     " + client + " - \"" + method + " " + Py.quotePath(path) + (query == null ? "" : "?" + query)
                + " HTTP/" + version + "\" " + status + " " + phrase(status));
    }

    static String phrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }
}

/** banking/compliance/audit_logger.py: one json.dumps line per event, appended and flushed by a FileHandler. */
final class Audit {
    private static OutputStream out;
    static Path file;

    static void open() throws IOException {
        Path dir = Path.of(Env.get("AUDIT_LOG_DIR", "/var/log/janusgraph"));
        Files.createDirectories(dir);
        file = dir.resolve("audit.log");
        out = new FileOutputStream(file.toFile(), true);
    }

    static synchronized void event(String type, String severity, String user, String resource, String action,
                                   String result, Map<String, Object> metadata) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("timestamp", Py.isoUtcNow());
        e.put("event_type", type);
        e.put("severity", severity);
        e.put("user", user);
        e.put("resource", resource);
        e.put("action", action);
        e.put("result", result);
        e.put("ip_address", null);
        e.put("session_id", null);
        e.put("metadata", metadata);
        try {
            out.write((Py.dumps(e, false) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException x) {
            // logging.FileHandler reports a failed emit on stderr and goes on
            Log.ERR.println("--- Logging error ---");
        }
    }
}

/** An HTTPException of the app: answered by main.py's handler as {"error":"http_error", ...}. */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String detail;

    HttpError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.detail = detail;
    }
}

/** A request FastAPI refuses before the route runs: 422 {"detail": [pydantic errors]}. */
final class Unprocessable extends Exception {
    private static final long serialVersionUID = 1L;
    final List<Object> errors;

    Unprocessable(List<Object> errors) {
        super(null, null, false, false);
        this.errors = errors;
    }
}

/**
 * The JanusGraph connection of dependencies.py: made on first use, eagerly connected (gremlin-python fills its pool
 * in the constructor), kept for the process; the failure messages are aiohttp's, as the real service prints them.
 */
final class Graph {
    static final String DEPENDENCIES = "src.python.api.dependencies";
    final String host = Env.gremlinHost();
    final int port = Env.gremlinPort();
    final long healthTimeoutMs = Long.parseLong(Env.get("HEALTH_TIMEOUT_MS", "5000"));
    private Cluster cluster;
    private Client client;
    private GraphTraversalSource g;

    synchronized GraphTraversalSource traversal() throws HttpError {
        ensure();
        return g;
    }

    synchronized Client client() throws HttpError {
        ensure();
        return client;
    }

    private void ensure() throws HttpError {
        if (g != null) {
            return;
        }
        String failure = unreachable();
        if (failure == null) {
            try {
                cluster = Cluster.build(host).port(port).maxWaitForConnection(5000).create();
                client = cluster.connect();
                g = AnonymousTraversalSource.traversal().withRemote(DriverRemoteConnection.using(cluster, "g"));
                Log.app("INFO", DEPENDENCIES, "Connected to JanusGraph at %s:%s (without TLS)", host, port);
                return;
            } catch (RuntimeException e) {
                failure = rootMessage(e);
                close();
            }
        }
        Log.app("ERROR", DEPENDENCIES, "Failed to connect to JanusGraph: %s", failure);
        throw new HttpError(503, "Graph database unavailable");
    }

    /** null when the Gremlin port accepts a connection, else what aiohttp would have said. */
    String unreachable() {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return "Cannot connect to host " + host + ":" + port + " ssl:default [Name or service not known]";
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 3000);
            return null;
        } catch (SocketTimeoutException e) {
            return "Connection timeout to host ws://" + host + ":" + port + "/gremlin";
        } catch (IOException e) {
            return "Cannot connect to host " + host + ":" + port + " ssl:default [Connect call failed ('"
                    + address.getHostAddress() + "', " + port + ")]";
        }
    }

    /** routers/health.py readiness: g.V().limit(1).count().next(), any failure logged and reported as false. */
    boolean healthy() {
        try {
            GraphTraversalSource t = traversal();
            t.V().limit(1).count().promise(x -> x.next()).get(healthTimeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (HttpError e) {
            Log.app("ERROR", "src.python.api.routers.health", "JanusGraph health check failed: %s", e.status + ": " + e.detail);
        } catch (Exception e) {
            String why = unreachable();
            Log.app("ERROR", "src.python.api.routers.health", "JanusGraph health check failed: %s",
                    why != null ? why : e instanceof java.util.concurrent.TimeoutException ? "" : rootMessage(e));
        }
        return false;
    }

    long count(java.util.function.Function<GraphTraversalSource, org.apache.tinkerpop.gremlin.process.traversal.Traversal<?, Long>> t)
            throws Exception {
        return t.apply(traversal()).promise(x -> x.next()).get(35, TimeUnit.SECONDS);
    }

    List<Object> script(String query) throws Exception {
        List<Result> results = client().submit(query).all().get(35, TimeUnit.SECONDS);
        List<Object> out = new ArrayList<>();
        for (Result r : results) {
            out.add(plain(r.getObject()));
        }
        return out;
    }

    /** Graph results as JSON values: elements as {id, label}, maps and lists kept, the rest as text. */
    static Object plain(Object o) {
        if (o == null || o instanceof String || o instanceof Boolean || o instanceof Long || o instanceof Integer
                || o instanceof Double) {
            return o;
        }
        if (o instanceof Number n) {
            return n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        if (o instanceof Element e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", plain(e.id()));
            m.put("label", e.label());
            if (e instanceof Edge edge) {
                m.put("outV", plain(edge.outVertex().id()));
                m.put("inV", plain(edge.inVertex().id()));
            }
            return m;
        }
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), plain(v)));
            return m;
        }
        if (o instanceof Iterable<?> it) {
            List<Object> l = new ArrayList<>();
            it.forEach(x -> l.add(plain(x)));
            return l;
        }
        return o.toString();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? "" : t.getMessage();
    }

    synchronized boolean connected() {
        return g != null;
    }

    synchronized void close() {
        if (cluster != null) {
            cluster.close();
        }
        cluster = null;
        client = null;
        g = null;
    }
}

/** performance/query_profiler.py: per-query metrics, statistics per hash of the normalised query, its report. */
final class Profiler {
    static final String LOGGER = "src.python.performance.query_profiler";
    double slowThresholdMs = 1000.0;
    long expensiveScans = 10000;
    private final List<double[]> metrics = new ArrayList<>();   // {time ms, slow 0/1, results}
    private final Map<String, Stats> stats = new LinkedHashMap<>();

    static final class Stats {
        String pattern;
        long count;
        long slow;
        long maxResults;
        double total;
        double avg;
        double p95;
        final List<Double> times = new ArrayList<>();
    }

    Profiler() {
        Log.app("INFO", LOGGER, "Query Profiler initialized");
    }

    /** profile_query: run, time, store, log; a failure is logged and goes on up. */
    <T extends List<?>> T profile(String query, java.util.concurrent.Callable<T> run) throws Exception {
        String hash = hash(query);
        String id = hash + "_" + System.currentTimeMillis();
        long t0 = System.nanoTime();
        T result;
        try {
            result = run.call();
        } catch (Exception e) {
            Log.app("ERROR", LOGGER, "Query execution failed: %s", Graph.rootMessage(e));
            throw e;
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        store(query, hash, ms, result.size());
        Log.app("INFO", LOGGER, "Query profiled: " + id + " - " + String.format(Locale.ROOT, "%.2f", ms) + "ms, "
                + result.size() + " results");
        return result;
    }

    static String hash(String query) {
        return Py.md5(String.join(" ", query.toLowerCase(Locale.ROOT).strip().split("\\s+"))).substring(0, 16);
    }

    static String pattern(String query) {
        return query.replaceAll("'[^']*'", "'?'").replaceAll("\"[^\"]*\"", "\"?\"").replaceAll("\\b\\d+\\b", "?");
    }

    private synchronized void store(String query, String hash, double ms, int results) {
        boolean slow = ms > slowThresholdMs;
        metrics.add(new double[]{ms, slow ? 1 : 0, results});
        Stats s = stats.computeIfAbsent(hash, h -> {
            Stats n = new Stats();
            n.pattern = pattern(query);
            return n;
        });
        s.times.add(ms);
        s.count++;
        s.total += ms;
        s.maxResults = Math.max(s.maxResults, results);
        s.slow += slow ? 1 : 0;
        s.avg = s.total / s.count;
        if (s.times.size() >= 2) {
            List<Double> sorted = new ArrayList<>(s.times);
            Collections.sort(sorted);
            s.p95 = sorted.get((int) (sorted.size() * 0.95));
        }
    }

    private List<Stats> sortedBy(java.util.Comparator<Stats> c, int limit) {
        List<Stats> l = new ArrayList<>(stats.values());
        l.sort(c);   // stable, as Python's sorted(reverse=True) keeps ties in insertion order
        return l.subList(0, Math.max(0, Math.min(limit, l.size())));
    }

    synchronized List<Object> slowQueries(int limit) {
        List<Object> out = new ArrayList<>();
        for (Stats s : sortedBy((a, b) -> Double.compare(b.avg, a.avg), limit)) {
            out.add(map("query_pattern", s.pattern, "avg_time_ms", s.avg, "p95_time_ms", s.p95,
                    "execution_count", s.count, "slow_query_count", s.slow));
        }
        return out;
    }

    synchronized List<Object> frequentQueries(int limit) {
        List<Object> out = new ArrayList<>();
        for (Stats s : sortedBy((a, b) -> Long.compare(b.count, a.count), limit)) {
            out.add(map("query_pattern", s.pattern, "execution_count", s.count, "avg_time_ms", s.avg));
        }
        return out;
    }

    synchronized Map<String, Object> config() {
        return map("slow_query_threshold_ms", slowThresholdMs, "expensive_query_threshold_scans", expensiveScans,
                "total_profiled_queries", (long) metrics.size(), "unique_patterns", (long) stats.size());
    }

    synchronized Map<String, Object> report() {
        int total = metrics.size();
        long slow = metrics.stream().filter(m -> m[1] > 0).count();
        List<Double> times = metrics.stream().map(m -> m[0]).sorted().toList();
        Object avg = total == 0 ? (Object) 0L : (Object) (times.stream().mapToDouble(Double::doubleValue).sum() / total);
        Object median = total == 0 ? (Object) 0L : (Object) (total % 2 == 1 ? times.get(total / 2)
                : (times.get(total / 2 - 1) + times.get(total / 2)) / 2);
        Map<String, Object> summary = map("total_queries", (long) total, "unique_patterns", (long) stats.size(),
                "slow_queries", slow, "expensive_queries", 0L, "avg_execution_time_ms", avg,
                "median_execution_time_ms", median,
                "slow_query_percentage", total == 0 ? (Object) 0L : (Object) (slow / (double) total * 100));
        List<Object> topSlow = new ArrayList<>();
        for (Stats s : sortedBy((a, b) -> Double.compare(b.avg, a.avg), 5)) {
            topSlow.add(map("pattern", s.pattern, "avg_time_ms", s.avg, "p95_time_ms", s.p95, "execution_count", s.count));
        }
        List<Object> topFrequent = new ArrayList<>();
        for (Stats s : sortedBy((a, b) -> Long.compare(b.count, a.count), 5)) {
            topFrequent.add(map("pattern", s.pattern, "execution_count", s.count, "avg_time_ms", s.avg));
        }
        List<Object> advice = new ArrayList<>();
        long slowPatterns = stats.values().stream().filter(s -> s.slow > 0).count();
        if (slowPatterns > 0) {
            advice.add("Found " + slowPatterns + " slow query patterns. Review and optimize these queries.");
        }
        long large = stats.values().stream().filter(s -> s.maxResults > 1000).count();
        if (large > 0) {
            advice.add("Found " + large + " queries returning large result sets. Implement pagination or result limiting.");
        }
        long frequentSlow = stats.values().stream().filter(s -> s.count > 100 && s.avg > slowThresholdMs).count();
        if (frequentSlow > 0) {
            advice.add("Found " + frequentSlow + " frequently executed slow queries. "
                    + "These should be prioritized for optimization or caching.");
        }
        return map("summary", summary, "top_slow_queries", topSlow, "top_frequent_queries", topFrequent,
                "optimization_recommendations", advice);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

/**
 * security/query_sanitizer.py QueryValidator: dangerous patterns, then the allowlist, then 60 queries a minute per
 * user; every outcome is an audit event, a refusal also a warning line.
 */
final class Sanitizer {
    static final String LOGGER = "src.python.security.query_sanitizer";
    static final List<String> DANGEROUS = List.of("system\\(", "exec\\(", "eval\\(", "__import__", "\\.\\./", "drop\\(",
            "addV\\(", "addE\\(", "property\\(.*drop", ";.*g\\.", "\\/\\*.*\\*\\/");
    static final String ID = "['\"]?[\\w-]+['\"]?";

    record Allowed(String name, Pattern pattern, String complexity) {
    }

    private final List<Allowed> allowlist = new ArrayList<>();
    private final Map<String, List<Long>> recent = new ConcurrentHashMap<>();

    Sanitizer() {
        add("get_vertex_by_id", "^g\\.V\\(" + ID + "\\)\\.valueMap\\(\\)$", "SIMPLE");
        add("get_vertex_by_property", "^g\\.V\\(\\)\\.has\\(['\"]?\\w+['\"]?,\\s*" + ID + "\\)\\.valueMap\\(\\)$", "SIMPLE");
        add("get_outgoing_edges", "^g\\.V\\(" + ID + "\\)\\.outE\\(\\)\\.limit\\(\\d+\\)$", "MODERATE");
        add("get_incoming_edges", "^g\\.V\\(" + ID + "\\)\\.inE\\(\\)\\.limit\\(\\d+\\)$", "MODERATE");
        add("two_hop_traversal", "^g\\.V\\(" + ID + "\\)\\.out\\(\\)\\.out\\(\\)\\.limit\\(\\d+\\)$", "COMPLEX");
        add("count_vertices_by_label", "^g\\.V\\(\\)\\.hasLabel\\(['\"]?\\w+['\"]?\\)\\.count\\(\\)$", "MODERATE");
        add("find_connected_accounts", "^g\\.V\\(" + ID + "\\)\\.out\\(['\"]?owns['\"]?\\)\\.hasLabel\\(['\"]?Account['\"]?\\)"
                + "\\.limit\\(\\d+\\)$", "MODERATE");
        add("find_transaction_chain", "^g\\.V\\(" + ID + "\\)\\.repeat\\(out\\(['\"]?transacted['\"]?\\)\\)\\.times\\(\\d+\\)"
                + "\\.limit\\(\\d+\\)$", "EXPENSIVE");
    }

    private void add(String name, String regex, String complexity) {
        allowlist.add(new Allowed(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS),
                complexity));
        Log.app("INFO", LOGGER, "Added query pattern: " + name);
    }

    /** validate(query, user): null when the query may run, else the reason (already audited and logged). */
    String validate(String query, String user) {
        for (String p : DANGEROUS) {
            if (Pattern.compile(p, Pattern.CASE_INSENSITIVE).matcher(query).find()) {
                return failure(query, user, "Dangerous pattern detected: " + p);
            }
        }
        Allowed match = allowlist.stream().filter(a -> a.pattern().matcher(query).lookingAt()).findFirst().orElse(null);
        if (match == null) {
            return failure(query, user, "Query not in allowlist");
        }
        long now = System.currentTimeMillis();
        List<Long> mine = recent.computeIfAbsent(user, u -> new ArrayList<>());
        synchronized (mine) {
            mine.removeIf(t -> now - t >= 60_000);
            if (mine.size() >= 60) {
                return failure(query, user, "Rate limit exceeded");
            }
            mine.add(now);
        }
        Audit.event("query_executed", "info", user, "gremlin_query", "validate", "success", Profiler.map("query", query,
                "pattern", match.name(), "complexity", match.complexity(), "query_hash", Py.sha256(query)));
        return null;
    }

    private String failure(String query, String user, String reason) {
        Audit.event("validation_failure", "warning", user, "gremlin_query", "validate", "failure",
                Profiler.map("query", query, "reason", reason, "query_hash", Py.sha256(query)));
        Log.app("WARNING", LOGGER, "Query validation failed for user " + user + ": " + reason);
        return reason;
    }
}

/** security/mfa.py MFAManager: TOTP (SHA1, 6 digits, 30 s, window 1), 3 failures lock a user out for 300 s. */
final class Mfa {
    static final String LOGGER = "src.python.security.mfa";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private final Map<String, long[]> failed = new ConcurrentHashMap<>();   // user -> {count, last attempt ms}

    Mfa() {
        Log.app("INFO", LOGGER, "MFA Manager initialized");
    }

    synchronized boolean verifyTotp(String secret, String token, String user) {
        try {
            if (user != null && !user.isEmpty() && lockedOut(user)) {
                Log.app("WARNING", LOGGER, "MFA verification blocked - user locked out: %s", user);
                return false;
            }
            byte[] key = base32(secret);
            long step = System.currentTimeMillis() / 1000 / 30;
            boolean valid = false;
            for (long i = -1; i <= 1 && !valid; i++) {
                valid = totp(key, step + i).equals(java.text.Normalizer.normalize(token, java.text.Normalizer.Form.NFKC));
            }
            if (valid) {
                Log.app("INFO", LOGGER, "TOTP verification successful for user: %s", user);
                if (user != null) {
                    failed.remove(user);
                }
            } else {
                Log.app("WARNING", LOGGER, "TOTP verification failed for user: %s", user);
                recordFailure(user);
            }
            return valid;
        } catch (IllegalArgumentException e) {
            Log.app("ERROR", LOGGER, "Error verifying TOTP: %s", e.getMessage());
            return false;
        }
    }

    private void recordFailure(String user) {
        if (user == null || user.isEmpty()) {
            return;
        }
        long[] f = failed.computeIfAbsent(user, u -> new long[2]);
        f[0]++;
        f[1] = System.currentTimeMillis();
        if (f[0] >= 3) {
            Log.app("WARNING", LOGGER, "User %s locked out after %d failed MFA attempts", user, 3);
        }
    }

    private boolean lockedOut(String user) {
        long[] f = failed.get(user);
        if (f == null || f[0] < 3) {
            return false;
        }
        if (System.currentTimeMillis() > f[1] + 300_000) {
            failed.remove(user);
            return false;
        }
        return true;
    }

    synchronized Integer lockoutRemaining(String user) {
        if (!lockedOut(user)) {
            return null;
        }
        // int() of the seconds left: some time has always passed since the last attempt, so 299 right after it
        return (int) Math.max(0, (failed.get(user)[1] + 300_000 - System.currentTimeMillis() - 1) / 1000);
    }

    /** pyotp's byte_secret: padded to 8, then base64.b32decode(casefold=True) with its two errors. */
    static byte[] base32(String secret) {
        for (char c : secret.toCharArray()) {
            if (c > 0x7f) {
                throw new IllegalArgumentException("string argument should contain only ASCII characters");
            }
        }
        String s = secret.toUpperCase(Locale.ROOT);
        s += "=".repeat((8 - s.length() % 8) % 8);
        String body = s.replaceAll("=+$", "");
        int pad = s.length() - body.length();
        long bits = 0;
        int nbits = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : body.toCharArray()) {
            int v = B32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("Non-base32 digit found");
            }
            bits = bits << 5 | v;
            nbits += 5;
            if (nbits >= 8) {
                out.write((int) (bits >> (nbits - 8)) & 0xff);
                nbits -= 8;
            }
        }
        if (!List.of(0, 1, 3, 4, 6).contains(pad)) {
            throw new IllegalArgumentException("Incorrect padding");
        }
        return out.toByteArray();
    }

    static String totp(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            // HMAC pads the key with zeros, so an empty key is the same as one zero byte (the JDK refuses empty keys)
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[19] & 0xf;
            int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
            return String.format("%06d", code);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomBase32() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(B32.charAt(Api.RANDOM.nextInt(32)));
        }
        return b.toString();
    }

    List<String> backupCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] b = new byte[8];
            Api.RANDOM.nextBytes(b);
            codes.add(HexFormat.of().formatHex(b).substring(0, 8).toUpperCase(Locale.ROOT));
        }
        Log.app("INFO", LOGGER, "Generated %d backup codes", 10);
        return codes;
    }
}

/** security/session_manager.py: HS256 access tokens (15 min) bound to an in-memory session, 5 sessions a user. */
final class Sessions {
    static final String LOGGER = "src.python.security.session_manager";
    static final String ISSUER = "graph-analytics-api";
    private final byte[] secret;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    record Session(String id, String user, List<String> roles, boolean mfa, long created, boolean[] revoked) {
    }

    Sessions() {
        String configured = Env.get("API_JWT_SECRET", "");
        // The real service answers 500 when no secret is configured; the demo makes one up instead.
        secret = configured.isEmpty() ? Py.tokenUrlsafe(48).getBytes(StandardCharsets.UTF_8)
                : configured.getBytes(StandardCharsets.UTF_8);
    }

    synchronized Map<String, Object> create(String user, List<String> roles, boolean mfa) {
        List<Session> active = sessions.values().stream().filter(s -> s.user().equals(user) && !s.revoked()[0]).toList();
        for (int i = 0; i <= active.size() - 5; i++) {
            active.get(i).revoked()[0] = true;
            Log.app("INFO", LOGGER, "Evicted oldest session %s for user %s (concurrent limit)", active.get(i).id(), user);
        }
        String id = Py.tokenUrlsafe(32);
        long now = System.currentTimeMillis() / 1000;
        sessions.put(id, new Session(id, user, roles, mfa, now, new boolean[1]));
        Map<String, Object> payload = Profiler.map("sub", user, "sid", id, "roles", roles, "mfa_verified", mfa,
                "iss", ISSUER, "iat", now, "exp", now + 900);
        String token = b64(Py.dumps(Profiler.map("alg", "HS256", "typ", "JWT"), true)) + "." + b64(Py.dumps(payload, true));
        token += "." + sign(token);
        Log.app("INFO", LOGGER, "Session created: user=%s session=%s", user, id);
        return Profiler.map("access_token", token, "refresh_token", Py.tokenUrlsafe(48), "session_id", id,
                "token_type", "Bearer", "expires_in", 900L);
    }

    /** verify_access_token: the payload's session, or SessionError's message. */
    synchronized Session verify(String token) throws HttpError {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new HttpError(401, "Invalid access token: Not enough segments");
        }
        if (!sign(parts[0] + "." + parts[1]).equals(parts[2])) {
            throw new HttpError(401, "Invalid access token: Signature verification failed");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        if (((Number) p.get("exp")).longValue() < System.currentTimeMillis() / 1000) {
            throw new HttpError(401, "Access token expired");
        }
        Session s = sessions.get(String.valueOf(p.get("sid")));
        if (s == null || s.revoked()[0]) {
            throw new HttpError(401, "Session no longer valid");
        }
        return s;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

/** api/waf_middleware.py: its pattern table, limits and content types, checked in its order. */
final class Waf {
    static final String LOGGER = "src.python.api.waf_middleware";
    static final List<String> EXEMPT = List.of("/health", "/healthz", "/readyz", "/docs", "/redoc", "/openapi.json");
    static final int CI = Pattern.CASE_INSENSITIVE;
    static final Map<String, List<Pattern>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("sql_injection", List.of(
                Pattern.compile("(\\b(SELECT|INSERT|UPDATE|DELETE|DROP|ALTER|UNION|CREATE)\\b\\s)", CI),
                Pattern.compile("(--|;)\\s*(SELECT|DROP|INSERT|UPDATE|DELETE)", CI),
                Pattern.compile("'\\s*(OR|AND)\\s+'", CI),
                Pattern.compile("'\\s*(OR|AND)\\s+\\d+\\s*=\\s*\\d+", CI),
                Pattern.compile("SLEEP\\s*\\(", CI), Pattern.compile("BENCHMARK\\s*\\(", CI),
                Pattern.compile("WAITFOR\\s+DELAY", CI)));
        CATEGORIES.put("gremlin_injection", List.of(
                Pattern.compile("g\\s*\\.\\s*V\\s*\\("), Pattern.compile("g\\s*\\.\\s*E\\s*\\("),
                Pattern.compile("\\.drop\\s*\\(\\s*\\)"), Pattern.compile("\\.submit\\s*\\("),
                Pattern.compile("System\\s*\\.\\s*(exit|getenv|getProperty)", CI),
                Pattern.compile("Runtime\\s*\\.\\s*getRuntime", CI), Pattern.compile("Thread\\s*\\.\\s*sleep", CI)));
        CATEGORIES.put("xss", List.of(
                Pattern.compile("<\\s*script", CI), Pattern.compile("javascript\\s*:", CI),
                Pattern.compile("on(load|error|click|mouseover|focus|blur)\\s*=", CI),
                Pattern.compile("<\\s*img[^>]+onerror\\s*=", CI), Pattern.compile("<\\s*iframe", CI),
                Pattern.compile("<\\s*object", CI), Pattern.compile("<\\s*embed", CI),
                Pattern.compile("<\\s*svg[^>]+onload\\s*=", CI), Pattern.compile("expression\\s*\\(", CI),
                Pattern.compile("url\\s*\\(\\s*['\"]?\\s*javascript:", CI)));
        CATEGORIES.put("path_traversal", List.of(
                Pattern.compile("\\.\\./"), Pattern.compile("\\.\\.\\\\"), Pattern.compile("%2e%2e[%2f/\\\\]", CI),
                Pattern.compile("\\.\\./etc/(passwd|shadow|hosts)", CI), Pattern.compile("/proc/self/", CI),
                Pattern.compile("\\\\\\\\[a-zA-Z0-9]")));
        CATEGORIES.put("command_injection", List.of(
                Pattern.compile("[;&|`]\\s*(cat|ls|id|whoami|uname|pwd|wget|curl|nc|bash|sh|cmd)\\b", CI),
                Pattern.compile("\\$\\(.*\\)"), Pattern.compile("`[^`]+`"),
                Pattern.compile("\\|\\|\\s*(cat|id|whoami|ls|rm|wget)", CI),
                Pattern.compile("&&\\s*(cat|id|whoami|ls|rm|wget)", CI)));
        CATEGORIES.put("protocol_abuse", List.of(Pattern.compile("(file|gopher|dict|ldap|ftp)://", CI)));
    }

    static String category(String value) {
        for (Map.Entry<String, List<Pattern>> c : CATEGORIES.entrySet()) {
            for (Pattern p : c.getValue()) {
                if (p.matcher(value).find()) {
                    return c.getKey();
                }
            }
        }
        return null;
    }

    /** _inspect_request: {category, detail} or null. */
    static String[] request(Api.Req r) {
        String url = "http://" + r.header("host", "0.0.0.0:" + Api.port) + r.path + (r.query == null ? "" : "?" + r.query);
        if (url.length() > 2048) {
            return new String[]{"request_limit", "URL exceeds maximum length"};
        }
        String qs = r.query == null ? "" : r.query;
        if (!qs.isEmpty() && qs.split("&", -1).length > 50) {
            return new String[]{"request_limit", "Too many query parameters"};
        }
        for (String surface : List.of(url, qs, Py.unquote(url), Py.unquote(qs))) {
            String hit = category(surface);
            if (hit != null) {
                return new String[]{hit, "Suspicious pattern in URL/query: " + hit};
            }
        }
        for (Map.Entry<String, String> h : r.headers.entrySet()) {
            if (h.getValue().length() > 8192) {
                return new String[]{"request_limit", "Header '" + h.getKey() + "' exceeds max length"};
            }
            if (List.of("cookie", "referer", "user-agent", "x-forwarded-for").contains(h.getKey())) {
                String hit = category(h.getValue());
                if (hit != null) {
                    return new String[]{hit, "Suspicious pattern in header '" + h.getKey() + "': " + hit};
                }
            }
        }
        if (List.of("POST", "PUT", "PATCH").contains(r.method)) {
            String ct = r.header("content-type", "").split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!ct.isEmpty() && !List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
                    .contains(ct)) {
                return new String[]{"content_type", "Disallowed content-type: " + ct};
            }
        }
        return null;
    }

    /** _inspect_body. */
    static String[] body(Api.Req r) {
        if (!List.of("POST", "PUT", "PATCH").contains(r.method) || r.body.length == 0) {
            return null;
        }
        if (r.body.length > 1_048_576) {
            return new String[]{"request_limit", "Request body exceeds maximum size"};
        }
        String text;
        try {   // body.decode("utf-8", errors="ignore")
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE).decode(java.nio.ByteBuffer.wrap(r.body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        String hit = category(text);
        return hit == null ? null : new String[]{hit, "Suspicious pattern in request body: " + hit};
    }
}

/** main.py's app: uvicorn's lines around the lifespan, WAF, routing, auth, slowapi limits, the routers. */
final class Api {
    static final SecureRandom RANDOM = new SecureRandom();
    static final String MAIN = "src.python.api.main";
    static final String AUTH = "src.python.api.routers.auth";
    static int port;
    static final Graph GRAPH = new Graph();
    static final Sessions SESSIONS = new Sessions();
    static final Map<String, Map<String, Object>> CHALLENGES = new ConcurrentHashMap<>();
    static final Map<String, long[]> LIMITS = new ConcurrentHashMap<>();   // "ip path" -> {window start, hits}
    static final int PER_MINUTE = Integer.parseInt(Env.get("RATE_LIMIT_PER_MINUTE", "60"));
    static final boolean AUTH_ENABLED = Env.get("AUTH_ENABLED", "false").equalsIgnoreCase("true");
    private static Mfa mfa;
    private static Profiler profiler;
    private static Sanitizer sanitizer;
    private static boolean cacheCreated;

    /** One request as the app sees it; path decoded (scope["path"]), query raw. */
    static final class Req {
        String method;
        String path;
        String query;
        String version;
        String ip;
        int clientPort;
        byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();
        String user;   // request.state.user_id when AUTH_ENABLED authenticated the caller

        String header(String name, String fallback) {
            return headers.getOrDefault(name, fallback);
        }

        String param(String name) {
            if (query == null) {
                return null;
            }
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                String k = Py.unquote((eq < 0 ? kv : kv.substring(0, eq)).replace('+', ' '));
                if (k.equals(name)) {
                    return Py.unquote((eq < 0 ? "" : kv.substring(eq + 1)).replace('+', ' '));
                }
            }
            return null;
        }
    }

    record Resp(int status, String body, String contentType) {
    }

    static void run() throws Exception {
        port = Integer.parseInt(Env.get("PORT", Env.get("API_PORT", "8001")));
        Audit.open();
        long pid = ProcessHandle.current().pid();
        Log.uvicorn("INFO", "Started server process [" + pid + "]");
        Log.uvicorn("INFO", "Waiting for application startup.");
        Log.app("INFO", "src.python.utils.tracing", "Jaeger exporter initialized (deprecated)");
        Log.app("INFO", "src.python.utils.tracing", "Tracing initialized for service: %s", "graph-analytics-api");
        Log.app("INFO", MAIN, "Starting Analytics API Service...");
        Log.uvicorn("INFO", "Application startup complete.");
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 2048);
        server.createContext("/", Api::handle);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        Log.uvicorn("INFO", "Uvicorn running on http://0.0.0.0:" + port + " (Press CTRL+C to quit)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Log.uvicorn("INFO", "Shutting down");
            server.stop(0);
            Log.uvicorn("INFO", "Waiting for application shutdown.");
            if (GRAPH.connected()) {
                GRAPH.close();
                Log.app("INFO", Graph.DEPENDENCIES, "Closed JanusGraph connection");
            }
            Log.app("INFO", "src.python.utils.tracing", "Tracing shutdown complete");
            Log.uvicorn("INFO", "Application shutdown complete.");
            Log.uvicorn("INFO", "Finished server process [" + pid + "]");
        }));
        // The real compose file's healthcheck: curl -f http://localhost:8001/health every 30 s, inside the container.
        long every = Long.parseLong(Env.get("HEALTHCHECK_INTERVAL_S", "30"));
        if (every > 0) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "healthcheck");
                t.setDaemon(true);
                return t;
            }).scheduleWithFixedDelay(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    // curl -f failing only marks the container unhealthy
                }
            }, every, every, TimeUnit.SECONDS);
        }
        Thread.currentThread().join();
    }

    static void handle(HttpExchange ex) throws IOException {
        Req r = new Req();
        try (InputStream in = ex.getRequestBody()) {
            r.method = ex.getRequestMethod();
            URI uri = ex.getRequestURI();
            r.path = uri.getPath() == null ? "/" : uri.getPath();
            r.query = uri.getRawQuery();
            r.version = ex.getProtocol().replace("HTTP/", "");
            r.ip = ex.getRemoteAddress().getAddress().getHostAddress();
            r.clientPort = ex.getRemoteAddress().getPort();
            ex.getRequestHeaders().forEach((k, v) -> r.headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            r.body = in.readNBytes(2 * 1_048_576 + 1);
        }
        Resp resp;
        try {
            resp = dispatch(r);
        } catch (HttpError e) {
            resp = error(e.status, "http_error", e.detail);
        } catch (Unprocessable e) {
            resp = json(422, Profiler.map("detail", e.errors));
        } catch (Exception e) {
            Log.app("ERROR", MAIN, "Unhandled exception on %s %s", r.method, r.path);
            resp = error(500, "internal_error", "An unexpected error occurred.");
        }
        byte[] body = resp.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("server", "uvicorn");
        ex.getResponseHeaders().add("content-type", resp.contentType());
        if (resp.status() == 405) {
            ex.getResponseHeaders().add("allow", r.path.equals("/api/v1/performance/profiler/config") ? "GET, PUT"
                    : r.path.startsWith("/api/v1/auth/") || r.path.equals("/api/v1/graph/query") ? "POST" : "GET");
        }
        ex.sendResponseHeaders(resp.status(), body.length);
        if (!r.path.equals("/metrics")) {
            Log.access(r.ip + ":" + r.clientPort, r.method, r.path, r.query, r.version, resp.status());
        }
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static Resp dispatch(Req r) throws Exception {
        if (!Waf.EXEMPT.contains(r.path)) {
            String[] hit = Waf.request(r);
            if (hit != null) {
                Log.app("WARNING", Waf.LOGGER, "WAF blocked request: category=%s path=%s ip=%s detail=%s", hit[0], r.path,
                        r.ip, hit[1]);
                return json(403, Profiler.map("error", "waf_blocked", "category", hit[0], "detail", hit[1]));
            }
            // The demo-only query route carries Gremlin text, which the body check would always block.
            hit = r.path.equals("/api/v1/graph/query") ? null : Waf.body(r);
            if (hit != null) {
                Log.app("WARNING", Waf.LOGGER, "WAF blocked request body: category=%s path=%s ip=%s", hit[0], r.path, r.ip);
                return json(403, Profiler.map("error", "waf_blocked", "category", hit[0], "detail", hit[1]));
            }
        }
        String p = r.path;
        String route = switch (p) {
            case "/healthz", "/health", "/readyz", "/stats", "/metrics", "/api/v1/performance/profiler/report",
                    "/api/v1/performance/profiler/slow-queries", "/api/v1/performance/profiler/frequent-queries",
                    "/api/v1/performance/cache/stats" -> "GET";
            case "/api/v1/auth/login", "/api/v1/auth/mfa/verify", "/api/v1/graph/query" -> "POST";
            case "/api/v1/performance/profiler/config" -> "GET PUT";
            default -> p.matches("/api/v1/auth/mfa/status/[^/]+") ? "GET" : null;
        };
        if (route == null) {
            return json(404, Profiler.map("detail", "Not Found"));
        }
        if (!List.of(route.split(" ")).contains(r.method)) {
            return json(405, Profiler.map("detail", "Method Not Allowed"));
        }
        authenticate(r);
        return switch (p) {
            case "/healthz" -> json(200, Profiler.map("status", "ok"));
            case "/health", "/readyz" -> health();
            case "/metrics" -> new Resp(200, "# HELP analytics_errors_total Error lines the service logged\n"
                    + "# TYPE analytics_errors_total counter\nanalytics_errors_total " + Log.ERRORS.get() + "\n",
                    "text/plain; version=0.0.4");
            case "/stats" -> limited(r, () -> stats());
            case "/api/v1/auth/login" -> login(r, Body.of(r));
            case "/api/v1/auth/mfa/verify" -> verifyMfa(r, Body.of(r));
            case "/api/v1/performance/profiler/report" -> limited(r, () -> json(200, profiler().report()));
            case "/api/v1/performance/profiler/slow-queries" -> {
                int limit = Body.intParam(r, "limit", 10);
                yield limited(r, () -> json(200, profiler().slowQueries(limit)));
            }
            case "/api/v1/performance/profiler/frequent-queries" -> {
                int limit = Body.intParam(r, "limit", 10);
                yield limited(r, () -> json(200, profiler().frequentQueries(limit)));
            }
            case "/api/v1/performance/profiler/config" -> r.method.equals("GET") ? limited(r, () -> json(200, profiler().config()))
                    : configure(r, Body.of(r));
            case "/api/v1/performance/cache/stats" -> limited(r, Api::cacheStats);
            case "/api/v1/graph/query" -> query(r, Body.of(r));
            default -> mfaStatus(r, Py.unquote(p.substring("/api/v1/auth/mfa/status/".length())));
        };
    }

    /** dependencies.py verify_auth, a no-op unless AUTH_ENABLED=true. */
    static void authenticate(Req r) throws HttpError {
        if (!AUTH_ENABLED || Waf.EXEMPT.contains(r.path) || r.path.startsWith("/api/v1/auth/") || r.path.equals("/metrics")) {
            return;
        }
        String auth = r.header("authorization", "");
        String token = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : "";
        if (token.isEmpty()) {
            throw new HttpError(401, "Invalid or missing authentication token");
        }
        String apiKey = Env.get("API_KEY", "");
        if (!apiKey.isEmpty() && token.equals(apiKey)) {
            r.user = "api-key-user";
            return;
        }
        Sessions.Session s = SESSIONS.verify(token);
        r.user = s.user();
        if (s.roles().stream().anyMatch(List.of(Env.get("MFA_REQUIRED_ROLES", "admin,developer").split(","))::contains)
                && !s.mfa()) {
            throw new HttpError(403, "MFA required for this role");
        }
    }

    interface Route {
        Resp run() throws Exception;
    }

    /** slowapi: a fixed one-minute window per client address and path; over it, a warning and a 429. */
    static Resp limited(Req r, Route route) throws Exception {
        long now = System.currentTimeMillis();
        long[] w = LIMITS.computeIfAbsent(r.ip + " " + r.path, k -> new long[]{now, 0});
        synchronized (w) {
            if (now - w[0] >= 60_000) {
                w[0] = now;
                w[1] = 0;
            }
            if (++w[1] > PER_MINUTE) {
                Log.app("WARNING", "slowapi", "ratelimit %s (%s) exceeded at endpoint: %s", PER_MINUTE + " per 1 minute",
                        r.ip, r.path);
                return error(429, "rate_limit_exceeded", "Too many requests. Slow down.");
            }
        }
        return route.run();
    }

    static Resp health() {
        boolean up = GRAPH.healthy();
        return json(200, Profiler.map("status", up ? "healthy" : "degraded", "timestamp", Py.isoUtcNow(),
                "services", Profiler.map("janusgraph", up)));
    }

    static Resp stats() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vertex_count", GRAPH.count(g -> g.V().count()));
        m.put("edge_count", GRAPH.count(g -> g.E().count()));
        for (String label : List.of("person", "company", "account", "transaction")) {
            m.put(label + "_count", GRAPH.count(g -> g.V().hasLabel(label).count()));
        }
        m.put("last_updated", Py.isoUtcNow());
        return json(200, m);
    }

    static synchronized Mfa mfa() {
        if (mfa == null) {
            mfa = new Mfa();
        }
        return mfa;
    }

    static synchronized Profiler profiler() {
        if (profiler == null) {
            profiler = new Profiler();
        }
        return profiler;
    }

    static synchronized Sanitizer sanitizer() {
        if (sanitizer == null) {
            sanitizer = new Sanitizer();
        }
        return sanitizer;
    }

    static synchronized Resp cacheStats() {
        if (!cacheCreated) {
            cacheCreated = true;
            Log.app("INFO", "src.python.performance.query_cache", "Query Cache initialized: 100MB, TTL=300s, strategy=lru");
        }
        return json(200, Profiler.map("hits", 0L, "misses", 0L, "hit_rate", "0.00%", "miss_rate", "100.00%",
                "evictions", 0L, "invalidations", 0L, "entry_count", 0L, "total_size_mb", 0.0, "max_size_mb", 100.0));
    }

    static List<String> roles() {
        List<String> roles = new ArrayList<>();
        for (String role : Env.get("API_USER_ROLES", "admin").split(",")) {
            if (!role.isBlank()) {
                roles.add(role.strip().toLowerCase(Locale.ROOT));
            }
        }
        return roles;
    }

    /** routers/auth.py login. */
    static Resp login(Req r, Body b) throws Exception {
        String username = b.string("username", true, 1, 100);
        String password = b.string("password", true, 1, 255);
        b.string("mfa_secret", false, 0, Integer.MAX_VALUE);
        String token = b.string("mfa_token", false, 0, Integer.MAX_VALUE);
        String challengeId = b.string("mfa_login_challenge", false, 0, Integer.MAX_VALUE);
        b.check();
        return limited(r, () -> {
            String expected = Env.get("API_USER_PASSWORD", "");
            if (!username.equals(Env.get("API_USER", "admin")) || !expected.isEmpty() && !password.equals(expected)) {
                throw new HttpError(401, "Invalid credentials");
            }
            List<String> roles = roles();
            Mfa m = mfa();
            if (roles.stream().noneMatch(List.of("admin", "developer")::contains)) {
                return loginOk(username, roles, SESSIONS.create(username, roles, true));
            }
            if (challengeId != null) {
                Map<String, Object> c = challenge(challengeId);
                if (c == null || !username.equals(c.get("user_id"))) {
                    throw new HttpError(401, "Invalid or expired MFA challenge");
                }
                if (token == null || token.isEmpty()) {
                    throw new HttpError(400, "MFA token is required for challenge completion");
                }
                if (!m.verifyTotp((String) c.get("secret"), token, username) && !backupCode(token, c)) {
                    Integer lockout = m.lockoutRemaining(username);
                    if (lockout != null) {
                        throw new HttpError(400, "Account locked. Try again in " + lockout + " seconds.");
                    }
                    throw new HttpError(401, "Invalid MFA token");
                }
                CHALLENGES.remove(challengeId);
                return loginOk(username, roles, SESSIONS.create(username, roles, true));
            }
            String secret = Mfa.randomBase32();
            List<Object> hashed = new ArrayList<>();
            m.backupCodes().forEach(code -> hashed.add(Py.sha256(code)));
            String id = Py.tokenUrlsafe(24);
            CHALLENGES.put(id, Profiler.map("user_id", username, "secret", secret, "hashed_backup_codes", hashed,
                    "issued_at", System.currentTimeMillis()));
            return json(200, Profiler.map("success", true, "user_id", username, "mfa_required", true, "mfa_secret", secret,
                    "mfa_login_challenge", id, "roles", roles, "access_token", null, "refresh_token", null,
                    "token_type", null, "expires_in", null,
                    "message", "MFA required. Provide mfa_token with mfa_login_challenge.", "session_id", null));
        });
    }

    static Resp loginOk(String user, List<String> roles, Map<String, Object> s) {
        return json(200, Profiler.map("success", true, "user_id", user, "mfa_required", false, "mfa_secret", null,
                "mfa_login_challenge", null, "roles", roles, "access_token", s.get("access_token"),
                "refresh_token", s.get("refresh_token"), "token_type", s.get("token_type"), "expires_in", s.get("expires_in"),
                "message", "Login successful", "session_id", s.get("session_id")));
    }

    static Map<String, Object> challenge(String id) {
        Map<String, Object> c = CHALLENGES.get(id);
        if (c != null && System.currentTimeMillis() - (Long) c.get("issued_at") > 300_000) {
            CHALLENGES.remove(id);
            return null;
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    static boolean backupCode(String token, Map<String, Object> challenge) {
        List<Object> codes = (List<Object>) challenge.getOrDefault("hashed_backup_codes", List.of());
        if (codes.isEmpty()) {
            return false;
        }
        boolean ok = codes.contains(Py.sha256(token));
        Log.app(ok ? "INFO" : "WARNING", Mfa.LOGGER, ok ? "Backup code verification successful" : "Backup code verification failed");
        return ok;
    }

    /** routers/auth.py verify_mfa: a login challenge, or an enrollment check with the caller's secret. */
    static Resp verifyMfa(Req r, Body b) throws Exception {
        String user = b.string("user_id", true, 1, Integer.MAX_VALUE);
        String token = b.string("token", true, 6, 8);
        String secret = b.string("secret", false, 0, Integer.MAX_VALUE);
        List<String> hashed = b.strings("hashed_backup_codes");
        String challengeId = b.string("mfa_login_challenge", false, 0, Integer.MAX_VALUE);
        b.check();
        return limited(r, () -> {
            Mfa m = mfa();
            if (challengeId != null && !challengeId.isEmpty()) {
                Map<String, Object> c = challenge(challengeId);
                if (c == null || !user.equals(c.get("user_id"))) {
                    throw new HttpError(401, "Invalid or expired MFA challenge");
                }
                if (m.verifyTotp((String) c.get("secret"), token, user) || backupCode(token, c)) {
                    CHALLENGES.remove(challengeId);
                    Map<String, Object> s = SESSIONS.create(user, roles(), true);
                    return json(200, Profiler.map("success", true, "message", "MFA verification successful", "user_id", user,
                            "access_token", s.get("access_token"), "refresh_token", s.get("refresh_token"),
                            "token_type", s.get("token_type"), "expires_in", s.get("expires_in"),
                            "session_id", s.get("session_id")));
                }
                Integer lockout = m.lockoutRemaining(user);
                if (lockout != null) {
                    throw new HttpError(400, "Account locked. Try again in " + lockout + " seconds.");
                }
                throw new HttpError(401, "Invalid MFA token");
            }
            if (secret == null || secret.isEmpty()) {
                throw new HttpError(400, "Secret is required for verification");
            }
            boolean valid = m.verifyTotp(secret, token, user);
            Log.app(valid ? "INFO" : "WARNING", Mfa.LOGGER, valid ? "MFA enrollment verification passed for untracked user: %s"
                    : "MFA enrollment verification failed for user: %s", user);
            if (!valid && hashed != null && !hashed.isEmpty()) {
                valid = backupCode(token, Profiler.map("hashed_backup_codes", new ArrayList<Object>(hashed)));
            }
            if (valid) {
                return json(200, Profiler.map("success", true, "message", "MFA verification successful", "user_id", user,
                        "access_token", null, "refresh_token", null, "token_type", null, "expires_in", null,
                        "session_id", null));
            }
            Integer lockout = m.lockoutRemaining(user);
            if (lockout != null) {
                throw new HttpError(429, "Account locked. Try again in " + lockout + " seconds.");
            }
            throw new HttpError(401, "Invalid MFA token");
        });
    }

    static Resp mfaStatus(Req r, String user) throws Exception {
        return limited(r, () -> {
            Integer lockout = mfa().lockoutRemaining(user);
            return json(200, Profiler.map("user_id", user, "is_locked_out", lockout != null,
                    "lockout_remaining_seconds", lockout == null ? null : (long) lockout, "is_enrolled", false, "status", null,
                    "method", null, "enrolled_at", null, "backup_codes_remaining", 0L));
        });
    }

    /** routers/performance.py update_profiler_config. */
    static Resp configure(Req r, Body b) throws Exception {
        Double threshold = b.number("slow_query_threshold_ms");
        Long scans = b.integer("expensive_query_threshold_scans");
        b.check();
        return limited(r, () -> {
            Profiler p = profiler();
            synchronized (p) {
                if (threshold != null) {
                    p.slowThresholdMs = threshold;
                }
                if (scans != null) {
                    p.expensiveScans = scans;
                }
            }
            return json(200, p.config());
        });
    }

    /**
     * Demo only (the real app has no such route): the query sanitizer, then the profiler around a real traversal.
     * Body {query, user}; user defaults to the authenticated caller, else "anonymous" (the sanitizer's default).
     */
    static Resp query(Req r, Body b) throws Exception {
        String query = b.string("query", true, 1, Integer.MAX_VALUE);
        String user = b.string("user", false, 1, 100);
        b.check();
        String who = user != null ? user : r.user != null ? r.user : "anonymous";
        return limited(r, () -> {
            String refused = sanitizer().validate(query, who);
            if (refused != null) {
                throw new HttpError(400, refused);
            }
            List<Object> results;
            long t0 = System.nanoTime();
            try {
                results = profiler().profile(query, () -> GRAPH.script(query));
            } catch (HttpError e) {
                throw e;
            } catch (Exception e) {
                throw new HttpError(502, "Query execution failed: " + Graph.rootMessage(e));
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            return json(200, Profiler.map("query", query, "results", results, "result_count", (long) results.size(),
                    "execution_time_ms", ms));
        });
    }

    static Resp json(int status, Object body) {
        return new Resp(status, Py.dumps(body, true), "application/json");
    }

    static Resp error(int status, String error, String detail) {
        return json(status, Profiler.map("error", error, "detail", detail, "status_code", (long) status,
                "timestamp", Py.isoUtcNow()));
    }
}

/** A JSON request body validated the way pydantic reports it: every field error at once, then a 422. */
final class Body {
    private final Map<String, Object> m;
    private final List<Object> errors = new ArrayList<>();

    private Body(Map<String, Object> m) {
        this.m = m;
    }

    @SuppressWarnings("unchecked")
    static Body of(Api.Req r) throws Unprocessable {
        String ct = r.header("content-type", "").split(";")[0].strip().toLowerCase(Locale.ROOT);
        String text = new String(r.body, StandardCharsets.UTF_8);
        boolean json = ct.isEmpty() || ct.equals("application/json") || ct.startsWith("application/") && ct.endsWith("+json");
        Object v;
        if (!json) {
            v = text;
        } else if (text.isEmpty()) {
            throw new Unprocessable(List.of(err("missing", List.of("body"), "Field required", null, null)));
        } else {
            try {
                v = Json.parse(text);
            } catch (RuntimeException e) {
                throw new Unprocessable(List.of(err("json_invalid", List.of("body", 0L), "JSON decode error", Map.of(),
                        Profiler.map("error", "Expecting value"))));
            }
        }
        if (!(v instanceof Map)) {
            throw new Unprocessable(List.of(err("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", v, null)));
        }
        return new Body((Map<String, Object>) v);
    }

    static Map<String, Object> err(String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {
        Map<String, Object> e = Profiler.map("type", type, "loc", loc, "msg", msg, "input", input);
        if (ctx != null) {
            e.put("ctx", ctx);
        }
        return e;
    }

    String string(String field, boolean required, int min, int max) {
        Object v = m.get(field);
        List<Object> loc = List.of("body", field);
        if (v == null) {
            if (required) {
                errors.add(err("missing", loc, "Field required", m, null));
            }
            return null;
        }
        if (!(v instanceof String s)) {
            errors.add(err("string_type", loc, "Input should be a valid string", v, null));
            return null;
        }
        if (s.length() < min) {
            errors.add(err("string_too_short", loc, "String should have at least " + min + (min == 1 ? " character" : " characters"),
                    s, Profiler.map("min_length", (long) min)));
        } else if (s.length() > max) {
            errors.add(err("string_too_long", loc, "String should have at most " + max + (max == 1 ? " character" : " characters"),
                    s, Profiler.map("max_length", (long) max)));
        }
        return s;
    }

    List<String> strings(String field) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
            errors.add(err("list_type", List.of("body", field), "Input should be a valid list", v, null));
            return null;
        }
        return l.stream().map(String::valueOf).toList();
    }

    Double number(String field) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                errors.add(err("float_parsing", List.of("body", field),
                        "Input should be a valid number, unable to parse string as a number", v, null));
                return null;
            }
        }
        errors.add(err("float_type", List.of("body", field), "Input should be a valid number", v, null));
        return null;
    }

    Long integer(String field) {
        Object v = m.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d)) {
                return d.longValue();
            }
            errors.add(err("int_from_float", List.of("body", field),
                    "Input should be a valid integer, got a number with a fractional part", v, null));
            return null;
        }
        errors.add(err("int_type", List.of("body", field), "Input should be a valid integer", v, null));
        return null;
    }

    void check() throws Unprocessable {
        if (!errors.isEmpty()) {
            throw new Unprocessable(errors);
        }
    }

    static int intParam(Api.Req r, String name, int fallback) throws Unprocessable {
        String v = r.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new Unprocessable(List.of(err("int_parsing", List.of("query", name),
                    "Input should be a valid integer, unable to parse string as an integer", v, null)));
        }
    }
}

/**
 * graph-consumer (MODE=consumer): banking.streaming.graph_consumer run with `python -m`, so its logger is __main__
 * and the root logger is basicConfig(INFO)'s `LEVEL:name:message` on stderr. The demo has no Pulsar: the consumer
 * idles as with empty topics (a batch line only comes with events), holding its Gremlin connection.
 */
final class Consumer {
    static void log(String event, String fields) {
        Log.ERR.println("INFO:__main__:event=" + event + " component=graph_consumer" + (fields.isEmpty() ? "" : " " + fields));
    }

    static void run() throws Exception {
        String pulsar = Env.get("PULSAR_URL", "pulsar://pulsar:6650");
        String gremlin = Env.get("JANUSGRAPH_URL", "ws://" + Env.gremlinHost() + ":" + Env.gremlinPort() + "/gremlin");
        log("graph_consumer_connect_pulsar", "pulsar_url=" + pulsar);
        log("graph_consumer_subscribe_topics", "topics=[persistent://public/banking/persons-events,"
                + "persistent://public/banking/accounts-events,persistent://public/banking/transactions-events,"
                + "persistent://public/banking/companies-events,persistent://public/banking/communications-events] "
                + "subscription_name=graph-loaders");
        log("graph_consumer_connect_janusgraph", "janusgraph_url=" + gremlin);
        Cluster cluster = Cluster.build(Env.gremlinHost()).port(Env.gremlinPort()).create();
        Client client = cluster.connect();
        // gremlin-python connects in DriverRemoteConnection's constructor, and the real consumer dies when it cannot
        // (compose restarts it); the demo starts janusgraph-server alongside, so it keeps trying quietly instead.
        Thread connect = new Thread(() -> {
            while (true) {
                try {
                    client.init();
                    return;
                } catch (RuntimeException e) {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException x) {
                        return;
                    }
                }
            }
        }, "connect");
        connect.setDaemon(true);
        connect.start();
        log("graph_consumer_connected", "");
        log("graph_consumer_main_started", "");
        log("graph_consumer_loop_started", "");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("graph_consumer_signal_received", "signal=15");
            log("graph_consumer_loop_stopped", "");
            log("graph_consumer_disconnect_start", "");
            cluster.close();
            log("graph_consumer_disconnected", "");
        }));
        Thread.currentThread().join();
    }
}

/** Output for the cockpit's bench (MODE=flood) and log tests (MODE=mix), made of lines the stack's services write. */
final class Fixtures {
    private static final String CNX = "Cannot connect to host janusgraph-server:8182 ssl:default "
            + "[Connect call failed ('10.89.0.4', 8182)]";

    private static String timeout(String traversal) {
        return (10_000 + Api.RANDOM.nextInt(90_000)) + " [gremlin-server-exec-1] WARN "
                + "org.apache.tinkerpop.gremlin.server.op.traversal.TraversalOpProcessor - A timeout occurred during traversal "
                + "evaluation of [RequestMessage{, requestId=" + java.util.UUID.randomUUID() + ", op='bytecode', "
                + "processor='traversal', args={gremlin=[[], " + traversal + "], aliases={g=g}}}] - consider increasing the "
                + "limit given to evaluationTimeout";
    }

    private static String cassandra(String level, String thread, String at, String message) {
        return String.format("%-5s [%s] %s %s - %s", level, thread, Py.asctime(), at, message);
    }

    private static String cqlAudit(String type, String category, String scope, String operation) {
        return cassandra("INFO", "Native-Transport-Requests-1", "FileAuditLogger.java:51", "user:anonymous|host:10.89.0.3:7000"
                + "|source:/10.89.0.9|port:41236|timestamp:" + System.currentTimeMillis() + "|type:" + type + "|category:"
                + category + "|ks:janusgraph|scope:" + scope + "|operation:" + operation);
    }

    /**
     * MODE=mix: 39 lines then silence: 10 errors, 6 slow queries, 4 authentication failures, 3 destructive CQL
     * statements, every line in one class at most, the awkward ones included (ANSI, invalid UTF-8, a NUL, a 1 MiB line
     * at index 35); "mix done" is the last line. Sources: uvicorn and the app (analytics-api), the exporter's
     * basicConfig format, Cassandra 5.0.5 (NoSpamLogger.java:104 and FileAuditLogger.java:51 with audit logging on),
     * Gremlin Server 3.7 (TraversalOpProcessor's timeout warning), graph_consumer's warning.
     */
    static void mix(PrintStream out) throws IOException {
        java.util.function.Supplier<String> slow = () -> cassandra("INFO", "ScheduledTasks:1", "NoSpamLogger.java:104",
                "Some operations were slow, details available at debug level (debug.log)");
        String exporter = " - __main__ - ERROR - ";
        List<String> lines = List.of(
                "INFO:     Started server process [1]",
                "INFO:     Waiting for application startup.",
                Py.asctime() + " [INFO] src.python.api.main - Starting Analytics API Service...",
                "INFO:     Application startup complete.",
                "INFO:     Uvicorn running on http://0.0.0.0:8001 (Press CTRL+C to quit)",
                Py.asctime() + " [ERROR] src.python.api.dependencies - Failed to connect to JanusGraph: " + CNX,
                Py.asctime() + " [ERROR] src.python.api.routers.health - JanusGraph health check failed: 503: Graph database unavailable",
                "INFO:     127.0.0.1:41876 - \"GET /health HTTP/1.1\" 200 OK",
                Py.asctime() + exporter + "Query execution error: " + CNX,
                Py.asctime() + exporter + "Error collecting basic metrics: " + CNX,
                Py.asctime() + exporter + "Query execution error: " + CNX,
                Py.asctime() + exporter + "Error collecting label metrics: " + CNX,
                Py.asctime() + " [INFO] src.python.api.dependencies - Connected to JanusGraph at janusgraph-server:8182 (without TLS)",
                slow.get(),
                timeout("[V(), hasLabel(account), repeat([[], [out(transferred_to)]]), times(6), path()]"),
                Py.asctime() + " [INFO] src.python.security.mfa - MFA Manager initialized",
                "INFO:     10.89.0.1:51240 - \"POST /api/v1/auth/login HTTP/1.1\" 401 Unauthorized",
                Py.asctime() + " [WARNING] src.python.security.mfa - TOTP verification failed for user: alice",
                "INFO:     10.89.0.1:51252 - \"POST /api/v1/auth/mfa/verify HTTP/1.1\" 401 Unauthorized",
                Py.asctime() + " [ERROR] src.python.security.mfa - Error verifying TOTP: Non-base32 digit found",
                Py.asctime() + " [WARNING] src.python.security.mfa - MFA verification blocked - locked out [NAME_REDACTED]: alice",
                Py.asctime() + " [WARNING] src.python.api.waf_middleware - WAF blocked request: category=sql_injection "
                        + "path=/api/v1/fraud/rings ip=10.89.0.1 detail=Suspicious pattern in URL/query: sql_injection",
                Py.asctime() + " [WARNING] src.python.security.query_sanitizer - Query validation failed for user carol: "
                        + "Dangerous pattern detected: system\\(",
                Py.asctime() + " [INFO] src.python.performance.query_profiler - Query profiled: 9c1d3e5f7a2b4c6d_"
                        + System.currentTimeMillis() + " - 1532.04ms, 1 results",
                Py.asctime() + " [ERROR] src.python.api.main - Unhandled exception on GET /stats",
                "INFO:     10.89.0.1:51262 - \"GET /stats HTTP/1.1\" 500 Internal Server Error",
                cqlAudit("DROP_TABLE", "DDL", "tmp_import", "DROP TABLE IF EXISTS janusgraph.tmp_import;"),
                cqlAudit("TRUNCATE", "DDL", "staging", "TRUNCATE TABLE janusgraph.staging;"),
                cqlAudit("DELETE", "DML", "edgestore", "DELETE FROM janusgraph.edgestore WHERE key = 0x00000000000a2c01;"),
                slow.get(),
                timeout("[V(), repeat([[], [both()]]), times(24), count()]"),
                "event=graph_consumer_update_stale component=graph_consumer entity_id=p-1042 current_version=3 incoming_version=2");
        for (String l : lines) {
            out.println(l);
        }
        // The awkward ones: ANSI colours, invalid UTF-8, a NUL byte, a 1 MiB line.
        out.println(Py.asctime() + " \u001B[31m[ERROR]\u001B[0m src.python.api.routers.health - JanusGraph health check "
                + "failed: 503: Graph database unavailable");
        out.write((Py.asctime() + " [INFO] bytes: ").getBytes(StandardCharsets.UTF_8));
        out.write(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' ', 'o', 'k', '\n'});
        out.println(Py.asctime() + " [INFO] a NUL\u0000byte inside");
        out.println(Py.asctime() + " [INFO] " + "x".repeat(1 << 20));
        out.println(timeout("[V(), hasLabel(person), both(), both(), both(), dedup(), count()]"));
        out.println(slow.get());
        out.println(Py.asctime() + " [INFO] mix done");
        out.flush();
    }

    /** MODE=flood: LINES lines on stdout as fast as the JVM writes them, then exit (the log benchmark). */
    static void flood(long n) {
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out),
                1 << 16), false, StandardCharsets.UTF_8);
        String ts = Py.asctime();
        String[] lines = {
                "INFO:     10.89.0.1:%d - \"GET /health HTTP/1.1\" 200 OK",
                ts + " [INFO] src.python.performance.query_profiler - Query profiled: 3f8a1c2e9b7d4a60_1795845600000 - 12.48ms, 1 results",
                "INFO:     10.89.0.1:%d - \"GET /stats HTTP/1.1\" 200 OK",
                ts + " [WARNING] src.python.security.mfa - TOTP verification failed for user: alice",
                "INFO:     10.89.0.1:%d - \"POST /api/v1/auth/login HTTP/1.1\" 401 Unauthorized",
                "INFO:     10.89.0.1:%d - \"GET /api/v1/ubo/network/GB33BUKB20201555555555?depth=3 HTTP/1.1\" 404 Not Found",
                ts + " [ERROR] src.python.api.routers.health - JanusGraph health check failed: 503: Graph database unavailable",
                ts + " [WARNING] src.python.api.waf_middleware - WAF blocked request: category=sql_injection "
                        + "path=/api/v1/fraud/rings ip=10.89.0.1 detail=Suspicious pattern in URL/query: sql_injection",
        };
        for (long i = 0; i < n; i++) {
            String l = lines[(int) (i % lines.length)];
            if (l.startsWith("INFO:")) {
                int at = l.indexOf("%d");
                out.print(l.substring(0, at));
                out.print(32768 + i % 28232);   // the ephemeral port range
                out.println(l.substring(at + 2));
            } else {
                out.println(l);
            }
        }
        out.flush();
    }
}
