package io.hcdjg.cockpit.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log's outcomes as timeline entries: every action that changed the stack (or escalated an incident),
 * read from the one audited record rather than copied. Re-read only when the file changed.
 */
public final class ActionHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path auditFile;
    private long readSize = -1;
    private long readModified;
    private List<IncidentEvent> events = List.of();

    public ActionHistory(Path auditFile) {
        this.auditFile = auditFile;
    }

    public synchronized List<IncidentEvent> events() {
        try {
            if (!Files.exists(auditFile)) {
                return List.of();
            }
            long size = Files.size(auditFile);
            long modified = Files.getLastModifiedTime(auditFile).toMillis();
            if (size != readSize || modified != readModified) {
                events = read(Files.readAllLines(auditFile, StandardCharsets.UTF_8));
                readSize = size;
                readModified = modified;
            }
        } catch (IOException e) {
            // the audit log is shown elsewhere with its own error; the timeline keeps what it had
        }
        return events;
    }

    static List<IncidentEvent> read(List<String> lines) {
        List<IncidentEvent> out = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = JSON.readTree(line);
                if (!"outcome".equals(n.path("kind").asText())) {
                    continue;
                }
                String action = n.path("action").asText();
                String[] words = action.split(" ");
                String service = words.length > 1 && !words[1].startsWith("-") && !words[1].startsWith("INC-")
                        ? words[1] : null;
                out.add(new IncidentEvent(Instant.parse(n.path("time").asText()), IncidentEvent.ACTION, null, service,
                        action + ": " + n.path("outcome").asText() + " — " + n.path("detail").asText(),
                        Map.of("outcome", n.path("outcome").asText(), "connection", n.path("connection").asText())));
            } catch (IOException | RuntimeException e) {
                // a line the audit view reports; not a timeline entry
            }
        }
        return out;
    }
}
