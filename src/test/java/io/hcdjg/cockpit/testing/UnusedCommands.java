package io.hcdjg.cockpit.testing;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.ui.Commands;

import java.util.List;
import java.util.function.Consumer;

/** For view tests that only look at what is shown: any command reaching the cockpit fails the test (unless overridden). */
public class UnusedCommands implements Commands {
    @Override
    public String project() {
        return "janusgraph-demo";
    }

    @Override
    public ActionOutcome run(ActionRequest request, Consumer<String> progress) {
        throw new AssertionError("unexpected action " + request.describe());
    }

    @Override
    public ActionOutcome demo(boolean up, Consumer<String> progress) {
        throw new AssertionError("unexpected demo " + up);
    }

    @Override
    public List<String> auditTail(int max) {
        throw new AssertionError("unexpected audit read");
    }

    @Override
    public List<String> connections() {
        throw new AssertionError("unexpected connection list");
    }

    @Override
    public void useConnection(String name) {
        throw new AssertionError("unexpected switch to " + name);
    }

    @Override
    public void probeNow() {
        throw new AssertionError("unexpected probe");
    }

    @Override
    public List<double[]> range(String metric, java.time.Duration range) {
        throw new AssertionError("unexpected range query " + metric);
    }

    @Override
    public ActionOutcome silence(String alertName, java.util.Map<String, String> labels, java.time.Duration duration,
                                 String author, String comment) {
        throw new AssertionError("unexpected silence " + alertName);
    }

    @Override
    public ActionOutcome expireSilence(String id) {
        throw new AssertionError("unexpected expiry " + id);
    }

    @Override
    public List<io.hcdjg.cockpit.ui.LogSource> logSources() {
        return List.of();
    }

    @Override
    public io.hcdjg.cockpit.ui.IncidentCommands incidents() {
        return (io.hcdjg.cockpit.ui.IncidentCommands) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{io.hcdjg.cockpit.ui.IncidentCommands.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("ladder")) {
                        return List.of();
                    }
                    throw new AssertionError("unexpected incident command " + method.getName());
                });
    }

    @Override
    public List<io.hcdjg.cockpit.model.CheckResult> checklist() {
        throw new AssertionError("unexpected checklist");
    }

    @Override
    public ActionOutcome backup(Consumer<String> progress) {
        throw new AssertionError("unexpected backup");
    }

    @Override
    public ActionOutcome restore(java.nio.file.Path backup, String confirm, Consumer<String> progress) {
        throw new AssertionError("unexpected restore of " + backup);
    }

    @Override
    public io.hcdjg.cockpit.ui.MaintenanceSteps maintenance(java.time.Duration window, String reason) {
        throw new AssertionError("unexpected maintenance");
    }

    @Override
    public ActionOutcome maintenanceMode(boolean on, java.time.Duration window, String reason) {
        throw new AssertionError("unexpected maintenance mode " + on);
    }

    @Override
    public List<java.nio.file.Path> report(java.nio.file.Path dir) {
        throw new AssertionError("unexpected report");
    }

    @Override
    public List<io.hcdjg.cockpit.model.RecoveryStep> recovery() {
        throw new AssertionError("unexpected recovery check");
    }

    @Override
    public io.hcdjg.cockpit.model.PlaybookResult playbook(String id) {
        throw new AssertionError("unexpected playbook " + id);
    }
}
