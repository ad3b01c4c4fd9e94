package io.hcdjg.cockpit.bench;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * {@link IdleBench}'s baseline: a bare JavaFX window with the cockpit's number of tiles (14 sparkline tiles, 2 gauges)
 * and nothing behind it. Prints {@value IdleBench#FIRST_FRAME} once its first frame is laid out.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        FlowPane wall = new FlowPane(8, 8);
        wall.setPadding(new Insets(8));
        for (int i = 0; i < 14; i++) {
            Tile t = TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).title("service " + i).unit("ms")
                    .prefSize(220, 220).build();
            t.setValue(10 + i);
            wall.getChildren().add(t);
        }
        VBox gauges = new VBox(8);
        for (String name : new String[]{"disk", "memory"}) {
            gauges.getChildren().add(TileBuilder.create().skinType(Tile.SkinType.GAUGE).title(name).unit("%")
                    .prefSize(220, 190).value(40).build());
        }
        wall.getChildren().add(gauges);
        Scene scene = new Scene(wall, 1420, 900);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                System.out.println(IdleBench.FIRST_FRAME);
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    public static void main(String[] args) {
        launch(BareWindow.class, args);
    }
}
