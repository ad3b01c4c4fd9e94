package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.nio.file.Path;

/**
 * The flow of every action the window starts: confirm (destructive ones by typing the project name), run it as a
 * background task with its progress shown and a Cancel button, and end on the outcome — done and verified, not
 * verified, refused or failed.
 */
public final class ActionController {
    private final ActionPort actions;
    private final RunbookPort runbook;
    private final Supplier<Window> owner;
    private final Background background;

    /**
     * @param owner      the window dialogs belong to (asked when a dialog opens: the scene may not exist yet)
     * @param background runs the action's task
     */
    public ActionController(ActionPort actions, RunbookPort runbook, Supplier<Window> owner, Background background) {
        this.actions = actions;
        this.runbook = runbook;
        this.owner = owner;
        this.background = background;
    }

    public ActionPort actions() {
        return actions;
    }

    public void act(ActionRequest request) {
        Optional<ActionRequest> confirmed = confirm(request);
        confirmed.ifPresent(r -> start(r.describe(), progress -> actions.run(r, progress)));
    }

    public void demo(boolean up) {
        if (!up && !ask("Remove the demo project's containers?", "demo down stops and removes the containers of "
                + actions.project() + " that `demo up` started (its volumes are kept).")) {
            return;
        }
        start(up ? "demo up" : "demo down", progress -> actions.demo(up, progress));
    }

    /** Runbook §6.1: a backup of hcd-server, its progress shown. */
    public void backup() {
        if (ask("Back up hcd-server now?", "nodetool snapshot in hcd-server, copied out with podman cp, packed as "
                + "tar.gz (and encrypted when runbook.gpgRecipient is set); old backups beyond the retention are "
                + "removed.")) {
            start("backup hcd-server", runbook::backup);
        }
    }

    /** Runbook §6.2: a restore, only with the project name typed in. */
    public void restore(Path backup) {
        TextInputDialog d = dialog("Restore " + backup.getFileName(), "Restoring replaces the keyspace's data in "
                + "hcd-server with this backup; the rest of the stack is stopped meanwhile and started again after. "
                + "Type the project name (" + actions.project() + ") to go on:", "");
        d.getEditor().setId("confirm-project");
        d.showAndWait().map(String::strip).ifPresent(typed ->
                start("restore " + backup.getFileName(), progress -> runbook.restore(backup, typed, progress)));
    }

    /** Asks for the replica count, then scales. */
    public void scale(String service, int current) {
        TextInputDialog d = dialog("Scale " + service, "Replicas of " + service + " (now " + current + "):",
                String.valueOf(current));
        d.showAndWait().map(String::strip).ifPresent(text -> {
            if (!text.matches("\\d{1,3}")) {
                error("Scale " + service, "'" + text + "' is not a number of replicas (0 to 999).");
                return;
            }
            act(new ActionRequest(ActionRequest.Kind.SCALE, service, Integer.parseInt(text), List.of(), null));
        });
    }

    /** Asks for a command line; its words become the argv as they are (no shell, no quoting). */
    public void exec(String service) {
        TextInputDialog d = dialog("Exec in " + service, "Command to run in " + service
                + "'s container (words are passed as they are, no shell):", "");
        d.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(line -> act(new ActionRequest(
                ActionRequest.Kind.EXEC, service, 0, Arrays.asList(line.split("\\s+")), null)));
    }

    Optional<ActionRequest> confirm(ActionRequest r) {
        if (r.destructive()) {
            TextInputDialog d = dialog("Confirm: " + r.describe(), r.describe() + " removes or stops the whole "
                    + "service. Type the project name (" + actions.project() + ") to go on:", "");
            d.getEditor().setId("confirm-project");
            return d.showAndWait().map(typed -> r.confirmedWith(typed.strip()));
        }
        if (r.kind() == ActionRequest.Kind.EXEC || r.kind() == ActionRequest.Kind.SCALE) {
            return Optional.of(r); // the command or count was just typed: that is the confirmation
        }
        return ask(r.describe() + "?", "This will " + r.describe() + " in project " + actions.project() + ".")
                ? Optional.of(r) : Optional.empty();
    }

    private void start(String title, Function<Consumer<String>, ActionOutcome> work) {
        ProgressView view = new ProgressView(title, owner.get(), background);
        Task<ActionOutcome> task = new Task<>() {
            @Override
            protected ActionOutcome call() {
                return work.apply(view::line);
            }
        };
        view.onCancel(() -> task.cancel(true));
        task.setOnSucceeded(e -> view.finish(task.getValue()));
        task.setOnFailed(e -> view.finish(new ActionOutcome(ActionOutcome.Status.FAILED,
                String.valueOf(task.getException().getMessage()), List.of())));
        task.setOnCancelled(e -> view.finish(new ActionOutcome(ActionOutcome.Status.FAILED, title + " was cancelled",
                List.of())));
        view.show();
        background.start(task);
    }

    private boolean ask(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        a.getDialogPane().setId("confirm-dialog");
        Theme.dress(a.getDialogPane());
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void error(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.initOwner(owner.get());
        a.setHeaderText(header);
        a.showAndWait();
    }

    private TextInputDialog dialog(String title, String text, String value) {
        TextInputDialog d = new TextInputDialog(value);
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(text);
        d.getDialogPane().setId("input-dialog");
        Theme.dress(d.getDialogPane());
        return d;
    }
}
