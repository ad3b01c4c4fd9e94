package io.hcdjg.cockpit.ui;

import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/**
 * Every key of the window in one list: installed on the scene and shown by {@code ?} (or F1), so the help is never
 * out of date with the keys. FX thread.
 */
public final class Shortcuts {
    /** One key and what it does, in words. */
    public record Shortcut(KeyCombination keys, String what, Runnable run) {
    }

    private final List<Shortcut> all = new ArrayList<>();

    /**
     * The window's keys: the views by number, the palette, probe, audit, find, and the help itself.
     *
     * @param probeNow  the stack's probe round, now
     * @param presenter presenter mode on or off
     * @param quit     how the application ends
     */
    public static Shortcuts of(MainView view, TabPane tabs, Runnable probeNow, Runnable presenter, Runnable quit) {
        Shortcuts s = new Shortcuts();
        s.add(new KeyCodeCombination(KeyCode.F11), "Presenter mode: the wall for a big screen (F11 again leaves)",
                presenter);
        s.add(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), "Command palette: every action by name",
                view::showPalette);
        s.add(new KeyCodeCombination(KeyCode.F5), "Probe every service now", probeNow);
        List<Tab> views = tabs.getTabs();
        for (int i = 0; i < views.size() && i < 9; i++) {
            Tab tab = views.get(i);
            s.add(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN),
                    "Show " + tab.getText().replaceAll(" \\(.*\\)$", ""), () -> tabs.getSelectionModel().select(tab));
        }
        s.add(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), "Show the incidents",
                view::showIncidents);
        s.add(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "Find in the log pane", view::find);
        s.add(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), "The audit log: every action taken",
                view::showAudit);
        Runnable help = () -> s.help(view.getScene());
        s.add(new KeyCharacterCombination("?"), "These keys", help);
        s.add(new KeyCodeCombination(KeyCode.F1), "These keys", help);
        s.add(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), "Theme: dark or light",
                () -> view.theme(view.theme().other()));
        s.add(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), "Quit", quit);
        return s;
    }

    private void add(KeyCombination keys, String what, Runnable run) {
        all.add(new Shortcut(keys, what, run));
    }

    public List<Shortcut> all() {
        return List.copyOf(all);
    }

    /**
     * Puts every key on the scene. A character ({@code ?}) is taken as it is typed, whatever keys make it on the
     * keyboard's layout, and not while a text field has the focus.
     */
    public void install(Scene scene) {
        for (Shortcut s : all) {
            if (s.keys() instanceof KeyCharacterCombination c) {
                scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
                    if (c.getCharacter().equals(e.getCharacter())
                            && !(scene.getFocusOwner() instanceof TextInputControl)) {
                        e.consume();
                        s.run().run();
                    }
                });
            } else {
                scene.getAccelerators().put(s.keys(), s.run());
            }
        }
    }

    /** The help overlay: every key and what it does. */
    void help(Scene scene) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts-help");
        grid.setHgap(24);
        grid.setVgap(6);
        for (int i = 0; i < all.size(); i++) {
            Label keys = new Label(all.get(i).keys().getDisplayText());
            keys.getStyleClass().add("ck-mono");
            grid.addRow(i, keys, new Label(all.get(i).what()));
        }
        Dialog<Void> d = new Dialog<>();
        d.initOwner(scene.getWindow());
        d.setTitle("Keys");
        d.setHeaderText("Every key of the window (Esc closes this)");
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Theme.dress(d.getDialogPane());
        d.show();
    }
}
