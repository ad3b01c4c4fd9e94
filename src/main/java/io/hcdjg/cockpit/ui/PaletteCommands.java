package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.present.WallModel;

import java.util.ArrayList;
import java.util.List;

/** What the command palette (Ctrl+K) finds: the window's own commands, the project's actions, each service's verbs. */
final class PaletteCommands {
    private PaletteCommands() {
    }

    /** @param latest the wall's latest model (its services), or null before the first */
    static List<CommandPalette.Command> of(ActionController controller, List<CommandPalette.Command> window,
                                           WallModel latest) {
        List<CommandPalette.Command> all = new ArrayList<>(window);
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
}
