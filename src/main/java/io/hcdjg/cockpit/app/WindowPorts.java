package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.ui.Ports;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The window's ports over the cockpit now running: the same audited paths as the CLI. */
final class WindowPorts {
    private WindowPorts() {
    }

    /**
     * @param cockpit          the cockpit now running (it changes when the connection is switched; null while it
     *                         starts)
     * @param switchConnection restarts the cockpit on another connection (null: the local engine)
     * @param project          the project named before the cockpit has started
     */
    static Ports of(Supplier<Cockpit> cockpit, Consumer<String> switchConnection, String project) {
        return of(cockpit, switchConnection, project, () -> false);
    }

    /** @param presenting presenter mode: the log pane's lines also without addresses and names */
    static Ports of(Supplier<Cockpit> cockpit, Consumer<String> switchConnection, String project,
                    BooleanSupplier presenting) {
        Running running = new Running(cockpit);
        return new Ports(new WindowActions(running, switchConnection, project),
                () -> running.now().map(c -> LogSources.of(c.logs(), presenting.getAsBoolean()
                        ? CockpitApp.wallboard(c.redaction(), c.loaded().config()) : c.redaction())).orElse(List.of()),
                new WindowMonitoring(running), new WindowIncidents(running), new WindowRunbook(running));
    }
}
