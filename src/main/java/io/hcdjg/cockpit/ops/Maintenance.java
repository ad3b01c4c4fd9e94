package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.MaintenanceWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;

/**
 * Maintenance mode (§5.2): this stack's alerts (every alert carrying its labels) silenced in Alertmanager for the
 * window, and a small file in the data dir that says so — the window's tiles, the incident desk and the CLI all read
 * it. Both changes are audited (by the silence).
 */
public final class Maintenance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SILENCE_ID = Pattern.compile("\\(silence ([^)]+)\\)");

    private final Path file;
    private final Silences silences;
    private final Clock clock;
    private final Map<String, String> stackLabels;

    /** @param stackLabels the labels of this stack's alerts, which its silence matches (with every alert name) */
    public Maintenance(Path file, Silences silences, Clock clock, Map<String, String> stackLabels) {
        this.file = file;
        this.silences = silences;
        this.clock = clock;
        this.stackLabels = Map.copyOf(stackLabels);
    }

    /** The window in force now, if any (a window past its end is over, whatever the file says). */
    public Optional<MaintenanceWindow> active() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            JsonNode n = JSON.readTree(file.toFile());
            MaintenanceWindow w = new MaintenanceWindow(Instant.parse(n.path("since").asText()),
                    Instant.parse(n.path("until").asText()), n.path("silenceId").asText(), n.path("reason").asText(),
                    n.path("by").asText());
            return w.until().isAfter(clock.instant()) ? Optional.of(w) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public ActionOutcome enable(Duration window, String reason, String by) throws IOException {
        ActionOutcome o = silences.silence(null, stackLabels, window, by, "maintenance: " + reason);
        if (o.status() != ActionOutcome.Status.DONE) {
            return o;
        }
        Matcher m = SILENCE_ID.matcher(o.message());
        Instant now = clock.instant();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        PrivateFiles.write(tmp, JSON.writeValueAsString(JSON.createObjectNode().put("since", now.toString())
                .put("until", now.plus(window).toString()).put("silenceId", m.find() ? m.group(1) : "")
                .put("reason", reason).put("by", by)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ActionOutcome(ActionOutcome.Status.DONE, "maintenance mode on until " + now.plus(window) + ": "
                + o.message(), o.commands());
    }

    public ActionOutcome disable() throws IOException {
        Optional<MaintenanceWindow> w = active();
        Files.deleteIfExists(file);
        if (w.isEmpty() || w.get().silenceId().isEmpty()) {
            return new ActionOutcome(ActionOutcome.Status.DONE, "maintenance mode off (it was not on)", List.of());
        }
        ActionOutcome o = silences.expire(w.get().silenceId());
        return new ActionOutcome(o.status(), "maintenance mode off: " + o.message(), o.commands());
    }
}
