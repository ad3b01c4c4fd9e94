package io.hcdjg.cockpit.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.SecurityEvent;
import io.hcdjg.cockpit.model.SecurityEvent.Category;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads security events out of what the real stack writes (stack-reference §4.10; the analytics-api's own code):
 * uvicorn's access lines (a failed login is written only there: the app logs nothing for it and audits nothing), the
 * MFA, WAF and query sanitizer lines, destructive statements wherever the log classifier finds them, and the
 * analytics-api's audit log — JSON lines in {@value #AUDIT_FILE} inside its container, with {@code event_type}
 * auth_failed, authz_denied, validation_failure, query_executed and vault_access. Pure.
 */
public final class SecurityLines {
    /** Where the analytics-api's AuditLogger writes (banking/compliance/audit_logger.py), not on a volume. */
    public static final String AUDIT_FILE = "/var/log/janusgraph/audit.log";
    /** The services that keep an audit log inside their container, and where. */
    public static final Map<String, String> AUDIT_LOGS = Map.of("analytics-api", AUDIT_FILE);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** uvicorn's default access format: {@code INFO:     10.89.0.1:51240 - "POST /path HTTP/1.1" 401 Unauthorized}. */
    private static final Pattern ACCESS = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[^\\s\"]+):\\d+ - \"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (40[13])\\b");
    private static final Pattern TOTP = Pattern.compile("TOTP verification failed for user: (\\S+)");
    private static final Pattern LOCKOUT = Pattern.compile("User (\\S+) locked out after \\d+ failed MFA attempts");
    /** mfa.py writes "… - user locked out: %s"; its PII filter prints "… - locked out [NAME_REDACTED]: alice". */
    private static final Pattern BLOCKED = Pattern.compile(
            "MFA verification blocked - (?:user )?locked out(?: \\[[A-Z_]+])?: (\\S+)");
    private static final Pattern WAF = Pattern.compile(
            "WAF blocked request(?: body)?: category=(\\S+) path=(\\S+) ip=(\\S+)");
    private static final Pattern VALIDATION = Pattern.compile("Query validation failed for user ([^\\s:]+)");
    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(?:DROP\\s+(?:MATERIALIZED\\s+VIEW|\\w+)"
            + "(?:\\s+IF\\s+EXISTS)?\\s+[\\w.\"]+|TRUNCATE(?:\\s+(?:TABLE|COLUMNFAMILY))?\\s+[\\w.\"]+"
            + "|DELETE\\b[^;]{0,200}?\\bFROM\\s+[\\w.\"]+|ALTER\\s+TABLE\\s+[\\w.\"]+\\s+DROP\\s+\\w+)"
            + "|\\bg\\.[^\\s\"]{0,120}?\\.drop\\(\\)");

    private SecurityLines() {
    }

    /** Cheap test on a log line's text before {@link #fromLog}: could it be anything but a destructive statement? */
    public static boolean candidate(String line) {
        return line.contains("\" 401") || line.contains("\" 403") || line.contains("TOTP verification failed")
                || line.contains("locked out") || line.contains("WAF blocked request")
                || line.contains("Query validation failed");
    }

    /** A container log line with the classes the log classifier gave it. */
    public static Optional<SecurityEvent> fromLog(String service, Instant at, int classes, String line) {
        Matcher m;
        if ((m = ACCESS.matcher(line)).find()) {
            boolean denied = m.group(4).equals("403");
            return event(at, service, denied ? Category.AUTHZ_DENIED : Category.AUTH_FAILURE,
                    m.group(4) + " " + m.group(2) + " " + m.group(3), unbracket(m.group(1)), line);
        }
        if ((m = TOTP.matcher(line)).find()) {
            return event(at, service, Category.AUTH_FAILURE, "TOTP failure", m.group(1), line);
        }
        if ((m = LOCKOUT.matcher(line)).find()) {
            return event(at, service, Category.AUTH_FAILURE, "MFA lock-out", m.group(1), line);
        }
        if ((m = BLOCKED.matcher(line)).find()) {
            return event(at, service, Category.AUTH_FAILURE, "MFA attempt while locked out", m.group(1), line);
        }
        if ((m = WAF.matcher(line)).find()) {
            return event(at, service, Category.AUTH_FAILURE, "WAF block (" + m.group(1) + ") " + m.group(2),
                    m.group(3), line);
        }
        if ((m = VALIDATION.matcher(line)).find()) {
            return event(at, service, Category.VALIDATION_FAILURE, "query rejected by the sanitizer", m.group(1), line);
        }
        if ((classes & LogClassifier.DESTRUCTIVE) != 0) {
            return event(at, service, Category.DESTRUCTIVE, statement(line), "", line);
        }
        return Optional.empty();
    }

    /**
     * One line of an audit log. {@code classifier} decides whether an executed query is destructive, with the same
     * grammar as the log pane; lines that are not audit JSON are skipped.
     */
    public static Optional<SecurityEvent> fromAudit(String service, String source, String line,
                                                    LogClassifier classifier) {
        JsonNode e;
        try {
            e = JSON.readTree(line);
        } catch (Exception notJson) {
            return Optional.empty();
        }
        if (e == null || !e.isObject()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(e.path("timestamp").asText()).toInstant();
        } catch (DateTimeParseException badTime) {
            return Optional.empty();
        }
        String user = text(e, "user");
        String who = user.isEmpty() ? text(e, "ip_address") : user;
        String action = text(e, "action");
        String resource = text(e, "resource");
        Category category = switch (e.path("event_type").asText()) {
            case "auth_failed" -> Category.AUTH_FAILURE;
            case "authz_denied" -> Category.AUTHZ_DENIED;
            case "validation_failure" -> Category.VALIDATION_FAILURE;
            case "vault_access" -> Category.VAULT_ACCESS;
            case "query_executed" -> {
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                yield (classifier.classify(b, 0, b.length) & LogClassifier.DESTRUCTIVE) != 0 ? Category.DESTRUCTIVE
                        : null;
            }
            default -> null;
        };
        if (category == null) {
            return Optional.empty();
        }
        String what = switch (category) {
            case DESTRUCTIVE -> statement(e.path("metadata").path("query").asText(line));
            case VAULT_ACCESS -> (action + " " + resource + " " + text(e, "result")).strip();
            case VALIDATION_FAILURE -> e.path("metadata").has("query") ? "query rejected: "
                    + e.path("metadata").path("query").asText() + (e.path("metadata").has("reason") ? " ("
                    + e.path("metadata").path("reason").asText() + ")" : "") : "audit validation_failure: " + resource;
            default -> ("audit " + e.path("event_type").asText() + ": " + action + " " + resource).strip();
        };
        return Optional.of(new SecurityEvent(at, service, category, what, who, source, line));
    }

    /** Cassandra's own records of a TRUNCATE and of the flush a DROP causes (ColumnFamilyStore). */
    private static final Pattern TRUNCATING = Pattern.compile("Truncating (\\S+)$");
    private static final Pattern DROP_FLUSH = Pattern.compile("Enqueuing flush of (\\S+), Reason: DROP");

    /** The destructive statement in a line, as written (JSON escapes undone), or what Cassandra recorded of it. */
    static String statement(String line) {
        Matcher c = TRUNCATING.matcher(line.strip());
        if (c.find()) {
            return "TRUNCATE " + c.group(1) + " (Cassandra's record)";
        }
        if ((c = DROP_FLUSH.matcher(line)).find()) {
            return "DROP of " + c.group(1) + " (Cassandra's record: its flush)";
        }
        Matcher m = STATEMENT.matcher(line.replace("\\\"", "\""));
        if (!m.find()) {
            return "destructive statement";
        }
        String s = m.group().strip().replaceAll("\"+$", "");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static Optional<SecurityEvent> event(Instant at, String service, Category c, String what, String who,
                                                 String line) {
        return Optional.of(new SecurityEvent(at, service, c, what, who, SecurityEvent.LOG, line));
    }

    private static String unbracket(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static String text(JsonNode e, String field) {
        JsonNode n = e.get(field);
        return n == null || n.isNull() ? "" : n.asText("");
    }
}
