package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionOutcome;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The planned-maintenance wizard: the steps on the left with their state, the running step's output on the right, and
 * Run next / Skip / Close. A step that fails can be run again or skipped; the whole output stays in the run's log.
 */
final class MaintenanceWizardView {
    private final Stage stage = new Stage();
    private final MaintenanceSteps run;
    private final List<Label> marks = new ArrayList<>();
    private final TextArea output = new TextArea();
    private final Button next = new Button("Run step 1");
    private final Button skip = new Button("Skip");
    private final Label outcome = new Label();
    private final Background background;
    /** Output lines from the step's thread, appended on the FX thread in batches. */
    private final Queue<String> arrived = new ConcurrentLinkedQueue<>();
    private final FxPublisher<Boolean> toFx;
    private int current;

    MaintenanceWizardView(MaintenanceSteps run, Window owner, Background background) {
        this.run = run;
        this.background = background;
        this.toFx = background.publisher(x -> appendArrived());
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Planned maintenance (runbook §5.2)");
        VBox steps = new VBox(8);
        steps.setId("maintenance-steps");
        steps.setPadding(new Insets(12));
        steps.getStyleClass().add("ck-maint-steps");
        for (int i = 0; i < run.steps().size(); i++) {
            Label l = new Label("○  " + (i + 1) + ". " + run.steps().get(i));
            l.setId("maintenance-step-" + (i + 1));
            marks.add(l);
            steps.getChildren().add(l);
        }
        output.setId("maintenance-output");
        output.setEditable(false);
        output.getStyleClass().add("ck-mono");
        outcome.setId("maintenance-outcome");
        outcome.setWrapText(true);
        next.setId("maintenance-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> runCurrent());
        skip.setId("maintenance-skip");
        skip.setOnAction(e -> {
            mark(current, "↷", "skipped");
            advance();
        });
        Button close = new Button("Close");
        close.setId("maintenance-close");
        close.setOnAction(e -> stage.close());
        Label log = new Label("output kept in " + run.log());
        log.getStyleClass().add("ck-muted");
        HBox buttons = new HBox(8, next, skip, close, log);
        buttons.setAlignment(Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(output, null, null, new VBox(6, outcome, buttons), steps);
        root.setId("maintenance-wizard");
        root.setPadding(new Insets(10));
        root.getStyleClass().add("ck-root");
        Scene scene = new Scene(root, 980, 560);
        Theme.dress(scene.getRoot());
        stage.setScene(scene);
        mark(0, "▶", "next");
    }

    void show() {
        stage.show();
    }

    private void runCurrent() {
        int step = current;
        next.setDisable(true);
        skip.setDisable(true);
        mark(step, "…", "running");
        output.appendText("== " + (step + 1) + ". " + run.steps().get(step) + "\n");
        background.run(() -> run.run(step, line -> {
            arrived.add("  " + line + "\n");
            toFx.accept(Boolean.TRUE);
        }), o -> finish(step, o), e -> finish(step, new ActionOutcome(ActionOutcome.Status.FAILED,
                String.valueOf(e.getMessage()), List.of())));
    }

    private void appendArrived() {
        StringBuilder b = new StringBuilder();
        for (String line = arrived.poll(); line != null; line = arrived.poll()) {
            b.append(line);
        }
        if (!b.isEmpty()) {
            output.appendText(b.toString());
        }
    }

    private void finish(int step, ActionOutcome o) {
        appendArrived();
        String word = o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        output.appendText("=> " + word + ": " + o.message() + "\n");
        outcome.setText((step + 1) + ". " + run.steps().get(step) + " — " + word + ": " + o.message());
        if (o.status() == ActionOutcome.Status.DONE) {
            mark(step, "✓", "done");
            advance();
        } else {
            mark(step, "✗", word);
            next.setText("Run step " + (step + 1) + " again");
            next.setDisable(false);
            skip.setDisable(false);
        }
    }

    private void advance() {
        current++;
        if (current >= run.steps().size()) {
            next.setText("Done");
            next.setDisable(true);
            skip.setDisable(true);
            return;
        }
        mark(current, "▶", "next");
        next.setText("Run step " + (current + 1));
        next.setDisable(false);
        skip.setDisable(false);
    }

    private void mark(int i, String symbol, String state) {
        Label l = marks.get(i);
        l.setText(symbol + "  " + (i + 1) + ". " + run.steps().get(i)
                + (state.equals("next") ? "" : "  (" + state + ")"));
        l.getStyleClass().removeIf(c -> c.startsWith("ck-step-"));
        l.getStyleClass().add("ck-step-" + state.replace(' ', '-'));
    }
}
