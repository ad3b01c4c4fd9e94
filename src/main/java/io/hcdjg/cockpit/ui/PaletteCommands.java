package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.present.IncidentsModel;
import io.hcdjg.cockpit.present.WallModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the command palette (Ctrl+K) finds: the window's own commands, the project's actions, each service's verbs,
 * each runbook procedure and playbook, each open incident's acknowledge and escalate, each firing alert's silence. What
 * it runs is what the click runs: the same button, dialog, confirmation and audited path.
 */
final class PaletteCommands {
    /** An open incident's verbs, and the ids of their buttons in its detail. */
    private static final String[][] VERBS = {{"Acknowledge", "incident-ack"}, {"Escalate", "incident-escalate"}};

    private PaletteCommands() {
    }

    /**
     * The views' parts the palette reaches.
     *
     * @param runbook  the Runbook tab's content: every button with an id and a text in it is a procedure or a playbook
     * @param view     shows a view by its tab id
     * @param incident presses an incident's button (IncidentsView.press)
     * @param silence  opens the silence dialog for an alert
     */
    record Views(Node runbook, Consumer<String> view, BiConsumer<String, String> incident,
                 Consumer<WallModel.AlertRow> silence) {
    }

    /** @param latest the wall's latest model (its services, incidents and alerts), or null before the first */
    static List<CommandPalette.Command> of(ActionController controller, List<CommandPalette.Command> window,
                                           WallModel latest, Views views) {
        List<CommandPalette.Command> all = new ArrayList<>(window);
        for (Button b : buttons(views.runbook(), new ArrayList<>())) {
            all.add(new CommandPalette.Command("Runbook: " + b.getText(), () -> {
                views.view().accept("tab-runbook");
                if (!b.isDisabled()) {
                    b.fire();
                }
            }));
        }
        if (latest != null) {
            for (IncidentsModel.Row r : latest.incidents().rows()) {
                for (String[] verb : VERBS) {
                    // what the detail's buttons allow: an acknowledged incident offers only its escalation
                    if (!r.resolved() && (verb[1].equals("incident-escalate") || r.detail().canAcknowledge())) {
                        all.add(new CommandPalette.Command(verb[0] + " " + r.head() + "…", () -> {
                            views.view().accept("tab-incidents");
                            views.incident().accept(r.id(), verb[1]);
                        }));
                    }
                }
            }
            for (WallModel.AlertRow a : latest.alerts()) {
                if (a.firing()) {
                    all.add(new CommandPalette.Command("Silence alert " + a.name()
                            + (a.service().isEmpty() ? "" : " on " + a.service()) + "…", () -> {
                                views.view().accept("tab-alerts");
                                views.silence().accept(a);
                            }));
                }
            }
        }
        all.add(new CommandPalette.Command("Demo up (build and start the demo project)", () -> controller.demo(true)));
        all.add(new CommandPalette.Command("Demo down", () -> controller.demo(false)));
        all.add(new CommandPalette.Command("Up all services",
                () -> controller.act(ActionRequest.of(ActionRequest.Kind.UP, null))));
        all.add(new CommandPalette.Command("Restart all services",
                () -> controller.act(ActionRequest.of(ActionRequest.Kind.RESTART, null))));
        all.add(new CommandPalette.Command("Stop all services…",
                () -> controller.act(ActionRequest.of(ActionRequest.Kind.STOP, null))));
        all.add(new CommandPalette.Command("Down (remove the project's containers)…",
                () -> controller.act(ActionRequest.of(ActionRequest.Kind.DOWN, null))));
        if (latest != null) {
            for (WallModel.Card c : latest.cards()) {
                String n = c.name();
                for (ActionRequest.Kind k : List.of(ActionRequest.Kind.RESTART, ActionRequest.Kind.STOP,
                        ActionRequest.Kind.START, ActionRequest.Kind.UP)) {
                    all.add(new CommandPalette.Command(k.word() + " " + n,
                            () -> controller.act(ActionRequest.of(k, n))));
                }
                all.add(new CommandPalette.Command("scale " + n + "…", () -> controller.scale(n, c.replicas())));
                all.add(new CommandPalette.Command("exec in " + n + "…", () -> controller.exec(n)));
            }
        }
        return all;
    }

    private static List<Button> buttons(Node n, List<Button> into) {
        if (n instanceof Button b && b.getId() != null && !b.getText().isBlank()) {
            into.add(b);
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> buttons(c, into));
        }
        return into;
    }
}
