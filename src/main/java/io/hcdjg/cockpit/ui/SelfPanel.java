package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;

/** The cockpit as one more service: its own round, FX delay, log lag, heap, threads and start-up, under the gauges. */
final class SelfPanel extends GridPane {
    private List<WallModel.SelfLine> shown = List.of();
    private final List<Label> values = new ArrayList<>();

    SelfPanel() {
        setId("self-panel");
        getStyleClass().add("ck-self");
        setHgap(10);
        setVgap(2);
        Label title = new Label("This cockpit");
        title.getStyleClass().add("ck-self-title");
        add(title, 0, 0, 2, 1);
    }

    /** Sets only the figures that changed; the rows are made once. */
    void apply(List<WallModel.SelfLine> lines) {
        if (lines.equals(shown)) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            WallModel.SelfLine l = lines.get(i);
            if (i >= values.size()) {
                Label name = new Label(l.name());
                name.getStyleClass().add("ck-muted");
                Label value = new Label();
                value.setId("self-" + l.name().replaceAll("[^a-zA-Z0-9]+", "-"));
                setHgrow(value, Priority.ALWAYS);
                add(name, 0, i + 1);
                add(value, 1, i + 1);
                values.add(value);
            }
            Label value = values.get(i);
            value.setText(l.value());
            if (i >= shown.size() || shown.get(i).warn() != l.warn()) {
                value.getStyleClass().removeAll("ck-self-warn", "ck-self-value");
                value.getStyleClass().add(l.warn() ? "ck-self-warn" : "ck-self-value");
            }
        }
        shown = lines;
    }
}
