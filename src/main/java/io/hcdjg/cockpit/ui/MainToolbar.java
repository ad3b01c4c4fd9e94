package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionRequest;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

/** The window's toolbar: the project, the podman connection switcher, and the main actions with their shortcuts. */
final class MainToolbar extends HBox {
    static final String LOCAL = "local engine";

    private final ComboBox<String> connection = new ComboBox<>();
    private final Background background;

    MainToolbar(String projectName, ActionController controller, Background background, Runnable showAudit,
                Runnable showPalette) {
        super(8);
        this.background = background;
        ActionPort commands = controller.actions();
        Label project = new Label(projectName);
        project.getStyleClass().add("ck-toolbar-project");
        connection.setId("connection");
        connection.setPromptText("podman connection");
        connection.setTooltip(new Tooltip("The podman connection the cockpit watches and acts on"));
        connection.setOnShowing(e -> loadConnections(commands));
        connection.setOnAction(e -> {
            String picked = connection.getValue();
            if (picked != null && connection.isShowing()) {
                background.execute(() -> commands.useConnection(picked.equals(LOCAL) ? null : picked.split("\\s+")[0]));
            }
        });
        getChildren().addAll(project, connection,
                button("Probe now", "F5", "probe-now", commands::probeNow),
                button("Up all", null, "up-all", () -> controller.act(ActionRequest.of(ActionRequest.Kind.UP, null))),
                button("Restart all", null, "restart-all",
                        () -> controller.act(ActionRequest.of(ActionRequest.Kind.RESTART, null))),
                button("Down…", null, "down-all",
                        () -> controller.act(ActionRequest.of(ActionRequest.Kind.DOWN, null))),
                button("Demo up", null, "demo-up", () -> controller.demo(true)),
                button("Demo down", null, "demo-down", () -> controller.demo(false)),
                button("Audit log", "Ctrl+L", "audit", showAudit),
                button("Commands", "Ctrl+K", "palette", showPalette));
        setId("toolbar");
        getStyleClass().add("ck-toolbar");
        setAlignment(Pos.CENTER_LEFT);
    }

    /** The connection watched, as the switcher's prompt. */
    void connectionPrompt(String text) {
        connection.setPromptText(text);
    }

    private void loadConnections(ActionPort commands) {
        background.run(() -> {
            List<String> names = new ArrayList<>(List.of(LOCAL));
            names.addAll(commands.connections());
            return names;
        }, names -> connection.getItems().setAll(names), e -> connection.getItems().setAll(LOCAL));
    }

    private static Button button(String text, String key, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        if (key != null) {
            b.setTooltip(new Tooltip(text + " (" + key + ")"));
        }
        return b;
    }
}
