package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.present.IncidentFormat;
import io.hcdjg.cockpit.present.IncidentsModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The incident panel's dialogs: new incident, escalate, a line of text, export, and an error. FX thread. */
final class IncidentDialogs {
    private final IncidentPort commands;
    private final Supplier<Window> owner;
    private final BiConsumer<String, IncidentsView.Request> act;

    /** @param act runs a labelled request off the FX thread and reports a refusal */
    IncidentDialogs(IncidentPort commands, Supplier<Window> owner, BiConsumer<String, IncidentsView.Request> act) {
        this.commands = commands;
        this.owner = owner;
        this.act = act;
    }

    void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        Theme.dress(a.getDialogPane());
        a.show();
    }

    void info(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        a.getDialogPane().setId("incident-info");
        a.getDialogPane().setMinWidth(720); // a path on one line
        Theme.dress(a.getDialogPane());
        a.show();
    }

    /** @param level null: the next level of its ladder */
    void confirmEscalation(IncidentsModel.Row i, Integer level) {
        Optional<IncidentFormat.Escalation> target = IncidentFormat.escalation(i.id(), i.level(), i.priority(),
                commands.ladder(), level);
        if (target.isEmpty()) {
            error("Escalate " + i.id(), IncidentFormat.topOfLadder(i.id(), i.level(), i.priority()));
            return;
        }
        IncidentFormat.Escalation e = target.get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, e.body(), ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setHeaderText(e.header());
        a.getDialogPane().setId("escalate-dialog");
        Theme.dress(a.getDialogPane());
        if (a.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            act.accept("escalate", () -> commands.escalate(i.id(), e.level()));
        }
    }

    Optional<String> text(String title, String prompt) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(prompt);
        d.getDialogPane().setId("incident-text-dialog");
        Theme.dress(d.getDialogPane());
        d.getEditor().setPrefColumnCount(40);
        return d.showAndWait();
    }

    void export(String id) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report of " + id);
        chooser.setInitialFileName(id + ".md");
        File f = chooser.showSaveDialog(owner.get());
        if (f != null) {
            act.accept("export", () -> {
                commands.report(id, f.toPath());
                return null;
            });
        }
    }

    /** The New incident dialog. @param services the services on the wall */
    void newIncident(List<String> services) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("New incident");
        d.setHeaderText("Open an incident by hand (a user report, a problem the checks do not see)");
        TextField title = new TextField();
        title.setId("new-incident-title");
        title.setPromptText("what is wrong");
        title.setPrefColumnCount(40);
        ComboBox<Priority> priority = new ComboBox<>();
        priority.setId("new-incident-priority");
        priority.getItems().setAll(Priority.values());
        priority.setValue(Priority.P2);
        CheckComboBox<String> affected = new CheckComboBox<>();
        affected.setId("new-incident-services");
        affected.getItems().setAll(services);
        TextField note = new TextField();
        note.setId("new-incident-note");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Title"), title);
        g.addRow(1, new Label("Priority"), priority);
        g.addRow(2, new Label("Services"), affected);
        g.addRow(3, new Label("Note"), note);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("new-incident-dialog");
        Theme.dress(d.getDialogPane());
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(title.textProperty().isEmpty());
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            List<String> picked = List.copyOf(affected.getCheckModel().getCheckedItems());
            act.accept("open", () -> commands.open(title.getText(), priority.getValue(), picked, note.getText()));
        }
    }
}
