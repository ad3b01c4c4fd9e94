package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallModel;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.layout.VBox;

import java.util.List;

/** The host disk and memory gauges beside the tiles, and the cockpit's own health under them. */
final class HostGauges extends VBox {
    private final Tile disk = TileFactory.gaugeTile("Disk");
    private final Tile memory = TileFactory.gaugeTile("Memory");
    private final SelfPanel self = new SelfPanel();

    HostGauges() {
        super(12);
        setId("host-gauges");
        disk.setId("gauge-disk");
        memory.setId("gauge-memory");
        getChildren().addAll(disk, memory, self);
    }

    void apply(WallModel.Gauge d, WallModel.Gauge m, List<WallModel.SelfLine> cockpit) {
        apply(disk, d);
        apply(memory, m);
        self.apply(cockpit);
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
