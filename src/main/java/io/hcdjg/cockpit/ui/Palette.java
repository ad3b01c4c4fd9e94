package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.HealthLevel;
import javafx.scene.paint.Color;

/**
 * The semantic colours as {@link Color}s for TilesFX, which paints with colours rather than CSS. They are the values of
 * {@code -ck-ok}, {@code -ck-warn}, {@code -ck-crit} and {@code -ck-unknown} in cockpit.css; keep the two in step.
 */
final class Palette {
    static final Color OK = Color.web("#3ec46d");
    static final Color WARN = Color.web("#f0b429");
    static final Color CRIT = Color.web("#ef4e4e");
    static final Color UNKNOWN = Color.web("#8a94a6");
    static final Color TILE = Color.web("#23272f");
    static final Color TEXT = Color.web("#e6e9ef");
    static final Color MUTED = Color.web("#a3acbd");

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
}
