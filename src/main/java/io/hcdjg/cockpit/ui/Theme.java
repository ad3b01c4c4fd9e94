package io.hcdjg.cockpit.ui;

import eu.hansolo.tilesfx.Tile;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;

import java.util.Locale;

/** The window's two themes from one stylesheet: the light one is a style class on the root (cockpit.css). */
public enum Theme {
    DARK, LIGHT;

    static final String LIGHT_CLASS = "ck-light";
    /** The window's theme, for the dialogs it opens (FX thread). */
    private static Theme current = DARK;

    /** The theme the window is in. FX thread. */
    public static Theme current() {
        return current;
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "dark", "light"; anything else (a file from another version) is the dark theme. */
    public static Theme of(String word) {
        return "light".equalsIgnoreCase(word) ? LIGHT : DARK;
    }

    /** Puts this theme on the window's root and repaints what paints with colours (the tiles). FX thread. */
    void apply(Pane root) {
        current = this;
        mark(root);
        Palette.resolve(root);
        recolor(root);
    }

    /** A dialog's or a second window's root: the stylesheet, in the window's theme. FX thread. */
    static void dress(Parent root) {
        root.getStylesheets().add(MainView.STYLESHEET);
        current.mark(root);
    }

    private void mark(Parent root) {
        root.getStyleClass().remove(LIGHT_CLASS);
        if (this == LIGHT) {
            root.getStyleClass().add(LIGHT_CLASS);
        }
    }

    private static void recolor(Node n) {
        if (n instanceof Tile t) {
            TileFactory.colors(t);
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(Theme::recolor);
        }
    }
}
