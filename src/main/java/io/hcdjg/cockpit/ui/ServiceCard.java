package io.hcdjg.cockpit.ui;

import eu.hansolo.tilesfx.Tile;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.Objects;

/**
 * One service: its name, the TilesFX tile with the latest probe latency and its sparkline, and under it the state and
 * the reason in words. (TilesFX sizes a title by the tile's short side, too small to read across a room.)
 */
final class ServiceCard extends VBox {
    private final Tile tile;
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label reason = new Label();
    private final Label retry = new Label();
    private final Tooltip tooltip = new Tooltip();
    private Instant lastSample;
    private String styleClass;

    ServiceCard(String name, int history) {
        setId("card-" + name);
        getStyleClass().add("ck-card");
        tile = TileFactory.latencyTile(history);
        title.setText(name);
        title.getStyleClass().add("ck-card-title");
        state.setId("state-" + name);
        state.getStyleClass().add("ck-state");
        reason.setId("reason-" + name);
        reason.getStyleClass().add("ck-reason");
        reason.setWrapText(true);
        reason.setMaxHeight(Region.USE_PREF_SIZE);
        retry.getStyleClass().add("ck-muted");
        VBox words = new VBox(2, state, reason, retry);
        words.getStyleClass().add("ck-card-words");
        getChildren().addAll(title, tile, words);
        Tooltip.install(this, tooltip);
    }

    void apply(WallModel.Card c) {
        if (!Objects.equals(styleClass, c.styleClass())) {
            getStyleClass().remove(styleClass);
            getStyleClass().add(c.styleClass());
            styleClass = c.styleClass();
            tile.setBarColor(Palette.of(c.level()));
        }
        state.setText(c.state());
        tile.setValueVisible(!Double.isNaN(c.latencyMs()));
        reason.setText(c.reason());
        retry.setText(c.retry());
        retry.setManaged(!c.retry().isEmpty());
        tooltip.setText(c.name() + "  " + c.endpoint() + "\n" + c.state() + ": " + c.reason() + "\nlatency " + c.latency());
        if (c.sampleAt() != null && !c.sampleAt().equals(lastSample) && !Double.isNaN(c.latencyMs())) {
            lastSample = c.sampleAt();
            // The sparkline adds a point when the value changes; an identical latency must still count as a sample.
            double v = c.latencyMs() == tile.getValue() ? Math.nextUp(c.latencyMs()) : c.latencyMs();
            tile.setValue(v);
        }
    }
}
