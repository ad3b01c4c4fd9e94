package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.layout.VBox;

/** The host disk and memory gauges beside the tiles. */
final class HostGauges extends VBox {
    private final Tile disk = TileFactory.gaugeTile("Disk");
    private final Tile memory = TileFactory.gaugeTile("Memory");

    HostGauges() {
        super(12);
        setId("host-gauges");
        disk.setId("gauge-disk");
        memory.setId("gauge-memory");
        getChildren().addAll(disk, memory);
    }

    void apply(WallModel.Gauge d, WallModel.Gauge m) {
        apply(disk, d);
        apply(memory, m);
    }

    private static void apply(Tile tile, WallModel.Gauge g) {
        tile.setTitle(g.title());
        tile.setText(g.text());
        tile.setBarColor(Palette.of(g.level()));
        if (!Double.isNaN(g.percent())) {
            tile.setValue(g.percent());
        }
    }
}
