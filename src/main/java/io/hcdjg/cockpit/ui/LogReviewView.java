package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.LogFormat;
import io.hcdjg.cockpit.model.LogClass;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The runbook's daily log review as a table: per service, errors, slow queries, authentication failures and
 * destructive statements over the last hour and 24 hours. A click on a count opens those lines.
 */
final class LogReviewView extends GridPane {
    private final BiConsumer<String, Integer> open;
    private List<WallModel.LogReview> shown = List.of();

    LogReviewView(BiConsumer<String, Integer> open) {
        this.open = open;
        setId("log-review");
        getStyleClass().add("ck-log-review");
        setHgap(18);
        setVgap(2);
    }

    void apply(List<WallModel.LogReview> rows) {
        if (rows.equals(shown)) {
            return;
        }
        shown = rows;
        getChildren().clear();
        List<String> head = new ArrayList<>(List.of("service"));
        LogClass.ALL.forEach(c -> head.add(c.plural() + " 1 h / 24 h"));
        head.add("lines");
        for (int c = 0; c < head.size(); c++) {
            Label h = new Label(head.get(c));
            h.getStyleClass().add("ck-log-review-head");
            add(h, c, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            WallModel.LogReview row = rows.get(r);
            Label name = new Label(row.service());
            name.getStyleClass().add("ck-log-review-service");
            name.setOnMouseClicked(e -> open.accept(row.service(), 0));
            add(name, 0, r + 1);
            for (int i = 0; i < LogClass.ALL.size(); i++) {
                int bit = LogClass.ALL.get(i).bit();
                Label l = new Label(row.hour().get(i) + " / " + row.day().get(i));
                l.setId("review-" + row.service() + "-" + i);
                l.getStyleClass().addAll("ck-log-count", LogFormat.CLASS_STYLES[i]);
                l.setOpacity(row.day().get(i) == 0 ? 0.45 : 1);
                l.setOnMouseClicked(e -> open.accept(row.service(), bit));
                add(l, i + 1, r + 1);
            }
            Label lines = new Label(row.lines() + (row.status().isEmpty() ? "" : " · " + row.status()));
            lines.getStyleClass().add("ck-muted");
            add(lines, LogClass.ALL.size() + 1, r + 1);
        }
    }
}
