package io.hcdjg.cockpit.ui;

import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/** Ctrl+K: every command of the window by name — type to filter, Enter to run. */
final class CommandPalette {
    record Command(String label, Runnable action) {
        @Override
        public String toString() {
            return label;
        }
    }

    private CommandPalette() {
    }

    static void show(Window owner, List<Command> commands) {
        Dialog<Command> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Commands");
        TextField filter = new TextField();
        filter.setId("palette-filter");
        filter.setPromptText("Type a command: restart hcd, scale graph, demo up, audit …");
        FilteredList<Command> shown = new FilteredList<>(FXCollections.observableArrayList(commands));
        ListView<Command> list = new ListView<>(shown);
        list.setId("palette-list");
        list.getStyleClass().add("ck-list");
        list.setPrefSize(520, 360);
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
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
            }
        });
        dialog.getDialogPane().setContent(new VBox(8, filter, list));
        Theme.dress(dialog.getDialogPane());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                dialog.setResult(list.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        dialog.setOnShown(e -> { // before it shows, a request for focus is lost: type at once
            filter.getScene().getWindow().requestFocus();
            filter.requestFocus();
        });
        dialog.showAndWait().ifPresent(c -> c.action().run());
    }
}
