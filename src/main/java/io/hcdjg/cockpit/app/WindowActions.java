package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.model.PodmanConnection;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.ui.ActionPort;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** The window's {@link ActionPort}: the CLI's audited actions on the running cockpit. */
final class WindowActions implements ActionPort {
    private final Running running;
    private final Consumer<String> switchConnection;
    private final String project;

    /**
     * @param switchConnection restarts the cockpit on another connection (null: the local engine)
     * @param project          the project named before the cockpit has started
     */
    WindowActions(Running running, Consumer<String> switchConnection, String project) {
        this.running = running;
        this.switchConnection = switchConnection;
        this.project = project;
    }

    @Override
    public String project() {
        return running.now().map(c -> c.actions().project()).orElse(project);
    }

    @Override
    public ActionOutcome run(ActionRequest request, Consumer<String> progress) {
        return running.outcome(c -> c.podman().problem() != null
                ? Running.failed("podman " + c.podman().label() + ": " + c.podman().problem())
                : c.actions().run(request, progress));
    }

    @Override
    public ActionOutcome demo(boolean up, Consumer<String> progress) {
        return running.outcome(c -> {
            try {
                return DemoRun.run(c, up, progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Running.failed((up ? "demo up" : "demo down") + " was cancelled");
            }
        });
    }

    @Override
    public List<String> auditTail(int max) {
        return running.now().map(c -> {
            try {
                return c.actions().audit().tail(max);
            } catch (IOException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }

    @Override
    public List<String> connections() {
        return running.now().map(c -> {
            try {
                return c.podman().podman().connections().stream()
                        .map((PodmanConnection p) -> p.name() + "  " + p.uri()).toList();
            } catch (ProcessException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }

    @Override
    public void useConnection(String name) {
        switchConnection.accept(name);
    }

    @Override
    public void probeNow() {
        running.now().ifPresent(c -> c.poller().runRound());
    }
}
