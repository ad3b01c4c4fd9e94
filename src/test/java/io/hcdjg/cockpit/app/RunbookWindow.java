package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.testing.FxBackground;
import io.hcdjg.cockpit.testing.PodmanStack;

import io.hcdjg.cockpit.testing.DemoCql;
import io.hcdjg.cockpit.ui.MainView;
import io.hcdjg.cockpit.present.WallPresenter;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

/**
 * The window on a cockpit over the demo project whose runbook works on a keyspace of the test's own (with a row in
 * it), its data and state directories under a fresh home.
 */
record RunbookWindow(Cockpit cockpit, MainView view, Path home) {

    static RunbookWindow open(Stage stage, String keyspace) throws Exception {
        Path home = Files.createTempDirectory("cockpit-" + keyspace);
        Path config = home.resolve("cockpit.yaml");
        Files.writeString(config, PodmanStack.CONFIG + "runbook:\n  keyspace: " + keyspace + "\n");
        Cockpit cockpit = new Cockpit(new CockpitOptions(Optional.of(config), false, null, null),
                Map.of("HOME", home.toString()), false, s -> { });
        MainView view = new MainView(30, WindowPorts.of(() -> cockpit, name -> { }, PodmanStack.PROJECT),
                PodmanStack.PROJECT, FxBackground.threads());
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        DemoCql.smallKeyspace(keyspace);
        return new RunbookWindow(cockpit, view, home);
    }

    /** What the FX publisher does in the app: the latest snapshot onto the window. */
    void publish() throws Exception {
        var model = new WallPresenter(ZoneOffset.UTC).present(cockpit.store().get(), Instant.now());
        WaitForAsyncUtils.asyncFx(() -> view.apply(model)).get(10, TimeUnit.SECONDS);
    }
}
