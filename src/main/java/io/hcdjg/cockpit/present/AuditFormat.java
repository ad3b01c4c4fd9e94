package io.hcdjg.cockpit.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Locale;

/** One audit log line (JSON, as {@code ops.AuditLog} writes it) as a line of text for the audit view. Pure. */
public final class AuditFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditFormat() {
    }

    public static String line(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            String who = n.path("user").asText() + (n.hasNonNull("host") ? "@" + n.path("host").asText() : "");
            String head = n.path("time").asText().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z") + "  "
                    + (who.isEmpty() ? "" : who + "  ") + n.path("action").asText() + "  ";
            return switch (n.path("kind").asText()) {
                case "started" -> head + "started  (" + n.path("connection").asText() + ")";
                case "outcome" -> head + "→ " + n.path("outcome").asText().toUpperCase(Locale.ROOT).replace('_', ' ')
                        + ": " + n.path("detail").asText() + "  (" + n.path("connection").asText() + ")";
                case "http" -> head + n.path("method").asText() + " " + n.path("url").asText() + "  → HTTP "
                        + n.path("status").asInt() + " in " + n.path("durationMs").asLong() + " ms";
                default -> {
                    StringBuilder argv = new StringBuilder();
                    n.path("argv").forEach(a -> argv.append(argv.isEmpty() ? "" : " ").append(a.asText()));
                    yield head + "$ " + argv + "  → exit " + n.path("exitCode").asInt() + " in "
                            + n.path("durationMs").asLong() + " ms";
                }
            };
        } catch (IOException e) {
            return "unreadable audit line: " + json;
        }
    }
}
