package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.HealthFormat;
import io.hcdjg.cockpit.model.ActionOutcome;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A long action's window: what it does as it happens, a Cancel button while it runs, and its outcome in colour at the
 * end. Lines arrive from the action's thread and reach the FX thread through one {@link FxPublisher}.
 */
final class ProgressView {
    private final Stage stage = new Stage();
    private final TextArea log = new TextArea();
    private final Label outcome = new Label("running…");
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Button cancel = new Button("Cancel");
    private final List<String> lines = new ArrayList<>();
    private final FxPublisher<String> toFx;
    private Runnable onCancel = () -> { };

    ProgressView(String title, Window owner, Background background) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        log.setEditable(false);
        log.setId("progress-log");
        log.getStyleClass().add("ck-progress-log");
        outcome.setId("progress-outcome");
        outcome.getStyleClass().add("ck-progress-outcome");
        outcome.setWrapText(true);
        cancel.setId("progress-cancel");
        cancel.setOnAction(e -> onCancel.run());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        VBox root = new VBox(8, new Label(title), log, outcome, new HBox(8, bar, cancel));
        root.getStyleClass().addAll("ck-root", "ck-progress");
        VBox.setVgrow(log, Priority.ALWAYS);
        Scene scene = new Scene(root, 720, 420);
        Theme.dress(scene.getRoot());
        stage.setScene(scene);
        toFx = background.publisher(text -> {
            log.setText(text);
            log.positionCaret(text.length());
        });
    }

    void show() {
        stage.show();
    }

    void onCancel(Runnable r) {
        onCancel = r;
    }

    /** From any thread. */
    void line(String line) {
        String text;
        synchronized (lines) {
            lines.add(line);
            text = String.join("\n", lines.subList(Math.max(0, lines.size() - 2000), lines.size()));
        }
        toFx.accept(text);
    }

    /** On the FX thread. */
    void finish(ActionOutcome o) {
        outcome.setText(o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + o.message());
        outcome.getStyleClass().add(switch (o.status()) {
            case DONE -> HealthFormat.STYLE_OK;
            case NOT_VERIFIED, REFUSED -> HealthFormat.STYLE_WARN;
            case FAILED -> HealthFormat.STYLE_CRIT;
        });
        bar.setProgress(1);
        cancel.setText("Close");
        cancel.setOnAction(e -> stage.close());
    }
}
