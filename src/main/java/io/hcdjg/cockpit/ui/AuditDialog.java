package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.AuditFormat;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/** Ctrl+L: the newest actions from the append-only audit log, read off the FX thread. */
final class AuditDialog {
    private AuditDialog() {
    }

    static void show(Window owner, ActionPort actions, Background background) {
        ListView<String> list = new ListView<>();
        list.setId("audit-list");
        list.getStyleClass().addAll("ck-list", "ck-mono");
        list.setPrefSize(980, 480);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Audit log");
        d.setHeaderText("Every action that changed the stack, newest last");
        d.getDialogPane().setContent(list);
        Theme.dress(d.getDialogPane());
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        background.run(() -> actions.auditTail(500).stream().map(AuditFormat::line).toList(), lines -> {
            list.getItems().setAll(lines);
            list.scrollTo(Math.max(0, lines.size() - 1));
        }, e -> list.getItems().setAll("the audit log could not be read: " + e.getMessage()));
        d.show();
    }
}
