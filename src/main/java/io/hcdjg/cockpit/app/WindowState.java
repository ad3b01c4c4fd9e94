package io.hcdjg.cockpit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.config.PrivateFiles;
import javafx.geometry.Rectangle2D;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the window was and which view it showed, remembered between starts in {@code $XDG_STATE_HOME/
 * hcd-janusgraph-cockpit/window.json}. A file that cannot be read is as no file: the window opens as the first time.
 *
 * @param view       the id of the view's tab ("tab-incidents"), null for the first
 * @param theme      "dark" or "light", null for the dark one
 * @param connection the podman connection switched to, null for the config's (or the environment's, or local)
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, String view,
                          String theme, String connection) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path file(Map<String, String> env) {
        return AppDirs.state(env).resolve("window.json");
    }

    public static Optional<WindowState> read(Path file) {
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            WindowState s = new WindowState(n.path("x").asDouble(Double.NaN), n.path("y").asDouble(Double.NaN),
                    n.path("width").asDouble(0), n.path("height").asDouble(0), n.path("maximized").asBoolean(false),
                    n.hasNonNull("view") ? n.get("view").asText() : null,
                    n.hasNonNull("theme") ? n.get("theme").asText() : null,
                    n.hasNonNull("connection") ? n.get("connection").asText() : null);
            return Double.isFinite(s.x()) && Double.isFinite(s.y()) && s.width() >= 200 && s.height() >= 150
                    ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void write(Path file) throws IOException {
        PrivateFiles.write(file, JSON.writeValueAsString(this));
    }

    /**
     * Whether the window would be seen at these bounds on these screens: its title bar (the top 40 px, 100 px of its
     * width) on one of them. A monitor unplugged since must not leave it off screen.
     */
    public boolean visibleOn(List<Rectangle2D> screens) {
        Rectangle2D bar = new Rectangle2D(x, y, Math.min(width, 100), 40);
        return screens.stream().anyMatch(s -> s.contains(bar));
    }
}
