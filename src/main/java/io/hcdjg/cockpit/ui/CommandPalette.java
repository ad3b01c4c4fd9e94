package io.hcdjg.cockpit.ui;

import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/**
 * Ctrl+K: every command of the window by name — type to filter, arrows to choose, Enter to run, Esc to close. A popup
 * over the window rather than a dialog of its own: it takes the keys from the window at once, whatever the window
 * manager does with new windows' focus (a dialog got none under a bare X server, so the typing went to the window).
 */
final class CommandPalette {
    static final double WIDTH = 560;

    record Command(String label, Runnable action) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The palette showing, if any: Ctrl+K again starts it afresh rather than stacking a second. FX thread. */
    private static Popup open;

    private CommandPalette() {
    }

    static void show(Window owner, List<Command> commands) {
        TextField filter = new TextField();
        filter.setId("palette-filter");
        filter.setPromptText("Type a command: restart hcd, scale graph, runbook, acknowledge, silence …");
        FilteredList<Command> shown = new FilteredList<>(FXCollections.observableArrayList(commands));
        ListView<Command> list = new ListView<>(shown);
        list.setId("palette-list");
        list.getStyleClass().add("ck-list");
        list.setPrefSize(WIDTH, 360);
        list.setFocusTraversable(false); // the filter keeps the keys; arrows move the choice from there
        filter.textProperty().addListener((o, a, text) -> {
            String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
            shown.setPredicate(c -> {
                String label = c.label().toLowerCase(Locale.ROOT);
                for (String w : words) {
                    if (!label.contains(w)) {
                        return false;
                    }
                }
                return true;
            });
            list.getSelectionModel().selectFirst();
        });
        list.getSelectionModel().selectFirst();
        Label hint = new Label("↑ ↓ choose · Enter runs · Esc closes");
        hint.getStyleClass().add("ck-muted");
        VBox box = new VBox(8, filter, list, hint);
        box.setId("palette-popup");
        box.getStyleClass().addAll("root", "ck-palette"); // the semantic colours (.root) inside the popup too
        Theme.dress(box);
        if (open != null) {
            open.hide();
        }
        Popup popup = new Popup();
        open = popup;
        popup.getContent().add(box);
        popup.setAutoHide(true);
        Runnable run = () -> {
            Command c = list.getSelectionModel().getSelectedItem();
            popup.hide();
            if (c != null) {
                c.action().run();
            }
        };
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int at = list.getSelectionModel().getSelectedIndex();
            switch (e.getCode()) {
                case DOWN -> list.getSelectionModel().select(Math.min(at + 1, shown.size() - 1));
                case UP -> list.getSelectionModel().select(Math.max(at - 1, 0));
                case ENTER -> run.run();
                default -> {
                    return;
                }
            }
            list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex() - 3));
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                run.run();
            }
        });
        // Esc goes to the window's focused control (a combo box takes it) before the popup sees it: catch it first
        EventHandler<KeyEvent> escape = e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            }
        };
        owner.getScene().addEventFilter(KeyEvent.KEY_PRESSED, escape);
        popup.setOnHidden(e -> owner.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, escape));
        popup.show(owner, owner.getX() + Math.max(0, (owner.getWidth() - WIDTH) / 2), owner.getY() + 90);
        filter.requestFocus();
    }
}
