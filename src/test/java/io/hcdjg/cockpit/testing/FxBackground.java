package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.ui.Background;
import javafx.application.Platform;

import java.util.concurrent.Executors;

/** The window's background seam as the app wires it (virtual threads, Platform.runLater), for tests on a real stack. */
public final class FxBackground {
    private FxBackground() {
    }

    public static Background threads() {
        return new Background(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("test-ui-work-", 0).factory()),
                Platform::runLater);
    }
}
