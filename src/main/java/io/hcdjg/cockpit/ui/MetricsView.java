package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.layout.Region;

/**
 * The runbook's §1.3 review: a tile per configured metric (value, thresholds as colour, sparkline, why), and for the
 * selected one a chart over the last hour or day from {@code query_range}.
 */
final class MetricsView extends VBox {
    private final MonitoringPort commands;
    private final Background background;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final Map<String, MetricCard> cards = new LinkedHashMap<>();
    private final LineChart<Number, Number> chart;
    private final Label chartTitle = new Label("Select a metric to see its history");
    private final ToggleGroup range = new ToggleGroup();
    private String selected;

    MetricsView(MonitoringPort commands, Background background) {
        super(12);
        this.commands = commands;
        this.background = background;
        setId("metrics-view");
        getStyleClass().add("ck-metrics");
        NumberAxis x = new NumberAxis();
        x.setLabel("minutes ago");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        chart = new LineChart<>(x, y);
        chart.setId("metric-chart");
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(300);
        ToggleButton hour = toggle("1 h", Duration.ofHours(1));
        ToggleButton day = toggle("24 h", Duration.ofHours(24));
        hour.setSelected(true);
        range.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                loadChart();
            }
        });
        chartTitle.getStyleClass().add("ck-chart-title");
        HBox bar = new HBox(8, chartTitle, new Region(), hour, day);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        tiles.setId("metric-tiles");
        getChildren().addAll(tiles, bar, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    private ToggleButton toggle(String text, Duration d) {
        ToggleButton b = new ToggleButton(text);
        b.setUserData(d);
        b.setToggleGroup(range);
        b.setId("range-" + d.toHours() + "h");
        return b;
    }

    void apply(List<WallModel.Metric> metrics) {
        for (WallModel.Metric m : metrics) {
            cards.computeIfAbsent(m.name(), n -> {
                MetricCard card = new MetricCard(n, () -> select(n));
                tiles.getChildren().add(card);
                return card;
            }).apply(m);
        }
        if (selected == null && !metrics.isEmpty()) {
            select(metrics.get(0).name());
        }
    }

    void select(String metric) {
        selected = metric;
        cards.forEach((n, c) -> c.setSelected(n.equals(metric)));
        loadChart();
    }

    private void loadChart() {
        String metric = selected;
        if (metric == null) {
            return;
        }
        Duration d = (Duration) range.getSelectedToggle().getUserData();
        MetricCard card = cards.get(metric);
        String span = " — last " + (d.toHours() == 1 ? "hour" : d.toHours() + " hours");
        chartTitle.setText(card.title() + span + " (loading…)");
        background.run(() -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            List<double[]> points = commands.range(metric, d);
            double now = Instant.now().getEpochSecond();
            for (double[] p : points) {
                if (Double.isFinite(p[1])) {
                    series.getData().add(new XYChart.Data<>((p[0] - now) / 60.0, p[1]));
                }
            }
            return series;
        }, series -> {
            if (Objects.equals(metric, selected)) {
                chartTitle.setText(card.title() + span + (series.getData().isEmpty() ? ": no data" : ""));
                chart.getData().setAll(List.of(series));
            }
        }, e -> {
            if (Objects.equals(metric, selected)) {
                chartTitle.setText(card.title() + ": " + e.getMessage());
                chart.getData().clear();
            }
        });
    }

    /** One metric: title, a TilesFX tile with the value and its sparkline, and why. */
    private static final class MetricCard extends VBox {
        private final Tile tile = TileFactory.latencyTile(30);
        private final Label title = new Label();
        private final Label value = new Label();
        private final Label source = new Label();
        private final Label reason = new Label();
        private String styleClass;
        private List<Double> fed = List.of();

        MetricCard(String name, Runnable onSelect) {
            setId("metric-" + name);
            getStyleClass().addAll("ck-card", "ck-metric");
            title.getStyleClass().add("ck-card-title");
            value.getStyleClass().add("ck-metric-value");
            value.setId("metric-value-" + name);
            reason.getStyleClass().add("ck-reason");
            reason.setWrapText(true);
            source.getStyleClass().add("ck-muted");
            source.setWrapText(true);
            source.setId("metric-source-" + name);
            tile.setValueVisible(false);
            tile.setUnit("");
            VBox words = new VBox(2, value, reason, source);
            words.getStyleClass().add("ck-card-words");
            getChildren().addAll(title, tile, words);
            setOnMouseClicked(e -> onSelect.run());
        }

        String title() {
            return title.getText();
        }

        void setSelected(boolean on) {
            if (on) {
                getStyleClass().add("ck-selected");
            } else {
                getStyleClass().remove("ck-selected");
            }
        }

        void apply(WallModel.Metric m) {
            title.setText(m.title());
            value.setText(m.text());
            reason.setText(m.reason());
            source.setText(m.source());
            if (!Objects.equals(styleClass, m.styleClass())) {
                getStyleClass().remove(styleClass);
                getStyleClass().add(m.styleClass());
                styleClass = m.styleClass();
                tile.setBarColor(Palette.of(m.level()));
            }
            double max = m.history().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            tile.setMaxValue(max <= 0 ? 1 : max * 1.2);
            // The sparkline appends on each value: feed it the whole history once, then each new point.
            List<Double> h = m.history();
            if (!h.equals(fed) && !h.isEmpty()) {
                List<Double> fresh = fed.isEmpty() ? h : h.subList(h.size() - 1, h.size());
                for (double v : fresh) {
                    tile.setValue(v == tile.getValue() ? Math.nextUp(v) : v);
                }
                fed = h;
            }
        }
    }
}
