package io.hcdjg.cockpit.ui;

import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

import java.util.List;

/** A small line of recent values (a container's CPU %), scaled to its own maximum; for rows too small for a tile. */
final class Sparkline extends Region {
    private final Polyline line = new Polyline();
    private List<Double> values = List.of();

    Sparkline(double width, double height) {
        getStyleClass().add("ck-sparkline");
        line.getStyleClass().add("ck-sparkline-line");
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        getChildren().add(line);
    }

    void setValues(List<Double> newValues) {
        if (!newValues.equals(values)) {
            values = newValues;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = max <= 0 ? 0 : (h - 2) / max;
        Double[] points = new Double[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            points[2 * i] = values.size() == 1 ? w : i * w / (values.size() - 1);
            points[2 * i + 1] = h - 1 - values.get(i) * scale;
        }
        line.getPoints().setAll(points);
    }
}
