package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.HealthLevel;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic colours as {@link Color}s, for what paints with colours rather than CSS (TilesFX tiles, the log pane's
 * canvas). The stylesheet is their one source: {@link #resolve} reads the names of the theme in force from the scene.
 * The level colours (tile bars) are the same in both themes.
 */
final class Palette {
    static final Color OK = Color.web("#3ec46d");
    static final Color WARN = Color.web("#f0b429");
    static final Color CRIT = Color.web("#ef4e4e");
    static final Color UNKNOWN = Color.web("#8a94a6");
    /** The names the painted parts use; cockpit.css defines each in both themes. */
    static final List<String> NAMES = List.of("-ck-card", "-ck-text", "-ck-muted", "-ck-sunken", "-ck-selected",
            "-ck-hit", "-ck-warn", "-ck-log-error", "-ck-log-auth", "-ck-log-destructive", "-ck-log-warn",
            "-ck-log-debug", "-ck-log-info");
    /** The dark theme's values (cockpit.css) until a scene has been read: what is painted before the window shows. */
    private static Map<String, Color> current = Map.ofEntries(Map.entry("-ck-card", Color.web("#23272f")),
            Map.entry("-ck-text", Color.web("#e6e9ef")), Map.entry("-ck-muted", Color.web("#a3acbd")),
            Map.entry("-ck-sunken", Color.web("#111318")), Map.entry("-ck-selected", Color.web("#2f3a50")),
            Map.entry("-ck-hit", Color.web("#3b3520")), Map.entry("-ck-warn", WARN),
            Map.entry("-ck-log-error", Color.web("#ef6e6e")), Map.entry("-ck-log-auth", Color.web("#b48cf2")),
            Map.entry("-ck-log-destructive", Color.web("#f08a4b")), Map.entry("-ck-log-warn", Color.web("#e8d27a")),
            Map.entry("-ck-log-debug", Color.web("#7b8496")), Map.entry("-ck-log-info", Color.web("#cfd5df")));

    private Palette() {
    }

    static Color of(HealthLevel level) {
        return switch (level) {
            case UP -> OK;
            case DEGRADED -> WARN;
            case DOWN -> CRIT;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** A semantic colour of the theme last resolved ("-ck-card"); grey for a name not read. FX thread. */
    static Color get(String name) {
        return current.getOrDefault(name, Color.GRAY);
    }

    /** Reads every painted name from {@code root}'s scene as its style classes now say (after a theme change). */
    static void resolve(Pane root) {
        root.applyCss();
        Map<String, Color> read = new HashMap<>();
        for (String name : NAMES) {
            Region probe = new Region();
            probe.setManaged(false);
            probe.setStyle("-fx-background-color: " + name + ";");
            root.getChildren().add(probe);
            probe.applyCss();
            Paint fill = probe.getBackground() == null ? null : probe.getBackground().getFills().get(0).getFill();
            root.getChildren().remove(probe);
            if (fill instanceof Color c) {
                read.put(name, c);
            }
        }
        current = Map.copyOf(read);
    }
}
