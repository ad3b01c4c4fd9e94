package io.hcdjg.cockpit.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import io.hcdjg.cockpit.config.PrivateFiles;
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
 * read (a log of months is not read again for each new line), followed across the audit log's rotations.
 */
public final class ActionHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The newest entries kept in memory: the timeline of a year of actions is in the audit files, not here. */
    static final int KEPT = 20_000;

    private final Path auditFile;
    private long readUpTo;
    private Object readKey; // the identity of the file being read: a rotation gives the name to a new one
    private final List<IncidentEvent> events = new ArrayList<>();

    public ActionHistory(Path auditFile) {
        this.auditFile = auditFile;
    }

    public synchronized List<IncidentEvent> events() {
        try {
            Object key = PrivateFiles.identity(auditFile);
            if (readKey != null && !readKey.equals(key)) { // rotated: the rest of the old file, then the new one
                Path old = renamed(readKey);
                if (old != null) {
                    readFrom(old, readKey);
                }
                readUpTo = 0;
            }
            readKey = key;
            if (key != null) {
                readFrom(auditFile, key);
            }
        } catch (IOException e) {
            // the audit log is shown elsewhere with its own error; the timeline keeps what it had
        }
        if (events.size() > KEPT) {
            events.subList(0, events.size() - KEPT).clear();
        }
        return List.copyOf(events);
    }

    /** The archive that holds the file read so far (a rotation's second name for it), null if there is none. */
    private Path renamed(Object key) throws IOException {
        try (Stream<Path> files = Files.list(auditFile.toAbsolutePath().getParent())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.equals(auditFile) && key.equals(PrivateFiles.identity(f))) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The whole lines from {@code readUpTo} to the end of {@code file}, if it is still the file {@code key} names; a
     * last line still being written waits for the next read. A file that got shorter (replaced) is read anew.
     */
    private void readFrom(Path file, Object key) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!key.equals(PrivateFiles.identity(file))) {
                return; // rotated between the look and the opening: the next read follows it
            }
            long size = ch.size();
            if (size < readUpTo) {
                events.clear();
                readUpTo = 0;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - readUpTo, Integer.MAX_VALUE - 8));
            while (buf.hasRemaining() && ch.read(buf, readUpTo + buf.position()) > 0) {
                // read on
            }
            byte[] bytes = buf.array();
            int end = buf.position();
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            events.addAll(read(new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList()));
            readUpTo += end;
        }
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
