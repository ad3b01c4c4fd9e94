package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.WallPresenter;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;

/** Every TilesFX tile of the cockpit comes from here, so they share size, colours and behaviour. */
final class TileFactory {
    static final double SERVICE_W = 250;
    static final double SERVICE_H = 120;

    private TileFactory() {
    }

    /** Latency of the latest probe with its recent history as a sparkline; the card shows the service's name. */
    static Tile latencyTile(int history) {
        return colors(TileBuilder.create()
                .skinType(SkinType.SPARK_LINE)
                .prefSize(SERVICE_W, SERVICE_H)
                .unit("ms")
                .decimals(1)
                .tickLabelDecimals(0)
                .minValue(0)
                .maxValue(5000)
                .averagingPeriod(Math.max(4, history))
                .averageVisible(false)
                .smoothing(false)
                .textVisible(true)
                .animated(false)
                .barColor(Palette.UNKNOWN)
                .roundedCorners(true)
                .build());
    }

    /** A host gauge: percent used, coloured by the same thresholds as the alert rules (85 % warn, 95 % critical). */
    static Tile gaugeTile(String title) {
        return colors(TileBuilder.create()
                .skinType(SkinType.GAUGE)
                .prefSize(SERVICE_W, 220)
                .title(title)
                .unit("%")
                .decimals(0)
                .minValue(0)
                .maxValue(100)
                .threshold(WallPresenter.GAUGE_WARN)
                .thresholdVisible(true)
                .textVisible(true)
                .animated(false)
                .barColor(Palette.OK)
                .thresholdColor(Palette.WARN)
                .build());
    }

    /** The theme's colours on a tile (Palette: read from the stylesheet); the level colours stay. */
    static Tile colors(Tile t) {
        t.setBackgroundColor(Palette.get("-ck-card"));
        t.setTitleColor(Palette.get("-ck-text"));
        t.setValueColor(Palette.get("-ck-text"));
        t.setForegroundColor(Palette.get("-ck-text"));
        t.setUnitColor(Palette.get("-ck-muted"));
        t.setTextColor(Palette.get("-ck-muted"));
        t.setNeedleColor(Palette.get("-ck-muted"));
        return t;
    }

}
