package io.hcdjg.cockpit.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log's outcomes as timeline entries: every action that changed the stack (or escalated an incident),
 * read from the one audited record rather than copied. Read incrementally: only what was appended since the last
 * read (a log of months is not read again for each new line); a file that got shorter (replaced) is read anew.
 */
public final class ActionHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path auditFile;
    private long readUpTo;
    private final List<IncidentEvent> events = new ArrayList<>();

    public ActionHistory(Path auditFile) {
        this.auditFile = auditFile;
    }

    public synchronized List<IncidentEvent> events() {
        try {
            if (!Files.exists(auditFile)) {
                return List.of();
            }
            long size = Files.size(auditFile);
            if (size < readUpTo) {
                events.clear();
                readUpTo = 0;
            }
            if (size > readUpTo) {
                readFrom(size);
            }
        } catch (IOException e) {
            // the audit log is shown elsewhere with its own error; the timeline keeps what it had
        }
        return List.copyOf(events);
    }

    /** The whole lines from {@code readUpTo} to {@code size}; a last line still being written waits for the next. */
    private void readFrom(long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - readUpTo, Integer.MAX_VALUE - 8));
        try (FileChannel ch = FileChannel.open(auditFile, StandardOpenOption.READ)) {
            while (buf.hasRemaining() && ch.read(buf, readUpTo + buf.position()) > 0) {
                // read on
            }
        }
        byte[] bytes = buf.array();
        int end = buf.position();
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return;
        }
        events.addAll(read(new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList()));
        readUpTo += end;
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
