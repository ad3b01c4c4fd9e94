package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.List;

/** The cockpit as one more service: its own round, FX delay, log lag, heap, threads and start-up, under the gauges. */
final class SelfPanel extends GridPane {
    private List<WallModel.SelfLine> shown = List.of();

    SelfPanel() {
        setId("self-panel");
        getStyleClass().add("ck-self");
        setHgap(10);
        setVgap(2);
        Label title = new Label("This cockpit");
        title.getStyleClass().add("ck-self-title");
        add(title, 0, 0, 2, 1);
    }

    /** Redraws only when a figure changed. */
    void apply(List<WallModel.SelfLine> lines) {
        if (lines.equals(shown)) {
            return;
        }
        shown = lines;
        getChildren().removeIf(n -> getRowIndex(n) != null && getRowIndex(n) > 0);
        for (int i = 0; i < lines.size(); i++) {
            WallModel.SelfLine l = lines.get(i);
            Label name = new Label(l.name());
            name.getStyleClass().add("ck-muted");
            Label value = new Label(l.value());
            value.getStyleClass().add(l.warn() ? "ck-self-warn" : "ck-self-value");
            value.setId("self-" + l.name().replaceAll("[^a-zA-Z0-9]+", "-"));
            setHgrow(value, Priority.ALWAYS);
            add(name, 0, i + 1);
            add(value, 1, i + 1);
        }
    }
}
