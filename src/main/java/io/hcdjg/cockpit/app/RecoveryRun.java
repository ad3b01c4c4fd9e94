package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.ProofStatus;
import io.hcdjg.cockpit.model.RecoveryStep;
import io.hcdjg.cockpit.model.ServiceStatus;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.ops.RecoveryChain;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Gathers the recovery chain's live checks on a cockpit: the connection, the image, the containers, the probes. */
public final class RecoveryRun {
    static final String HCD_IMAGE = "localhost/hcd:1.2.3";

    private RecoveryRun() {
    }

    /** @param running true in the window (its pollers hold the probes' answers); false in the CLI: one round now */
    public static List<RecoveryStep> run(Cockpit c, boolean running) throws Exception {
        if (!running) {
            c.poller().runRound().get(60, TimeUnit.SECONDS);
        }
        StackSnapshot s = c.store().get();
        List<ContainerInfo> containers = List.of();
        String image = HCD_IMAGE;
        boolean imageExists = false;
        List<String> apiLog = List.of();
        String problem = c.podman().problem();
        if (problem == null) {
            try {
                containers = c.podman().podman().containers(c.actions().project());
                image = containers.stream().filter(x -> x.service().equals("hcd-server")).map(ContainerInfo::image)
                        .findFirst().orElse(HCD_IMAGE);
                imageExists = c.podman().podman().imageExists(image, Duration.ofSeconds(30));
                var api = containers.stream().filter(x -> x.service().equals("analytics-api")).findFirst();
                if (api.isPresent()) {
                    ProcessResult r = c.podman().podman().logTail(api.get().name(), 200, Duration.ofSeconds(30));
                    apiLog = (r.stdout() + "\n" + r.stderr()).lines().toList();
                }
            } catch (Exception e) {
                problem = e.getMessage();
            }
        }
        List<ContainerInfo> all = containers;
        ProofStatus proof = c.runbookState(running).proof();
        boolean vaultDeployed = all.stream().anyMatch(x -> x.service().equals("vault"));
        return RecoveryChain.run(new RecoveryChain.Inputs(c.podman().label(), problem, image, imageExists, all,
                vaultDeployed ? health(s, all, "vault") : null, health(s, all, "analytics-api"),
                health(s, all, "jupyter"), apiLog, proof, notebookLogs(proof)));
    }

    /** The service's probe; when nothing answered it and the project has no container of it, that instead. */
    private static Health health(StackSnapshot s, List<ContainerInfo> containers, String service) {
        Health probed = s.services().stream().filter(x -> x.name().equals(service)).map(ServiceStatus::health)
                .findFirst().orElse(null);
        if ((probed == null || !probed.reached()) && !containers.isEmpty()
                && containers.stream().noneMatch(x -> x.service().equals(service))) {
            return Health.unreachable("no container of " + service + " in the project");
        }
        return probed;
    }

    /** The last lines of the logs of the notebooks that did not pass, where the report says they are. */
    private static List<String> notebookLogs(ProofStatus p) {
        List<String> out = new ArrayList<>();
        for (ProofStatus.Row r : p.notebooks().rows()) {
            Path log = r.log().isBlank() ? null : Path.of(r.log());
            if (!r.pass() && log != null && Files.isRegularFile(log)) {
                try {
                    List<String> lines = Files.readAllLines(log);
                    out.addAll(lines.subList(Math.max(0, lines.size() - 50), lines.size()));
                } catch (Exception e) {
                    out.add(r.notebook() + ": log unreadable: " + e.getMessage());
                }
            }
        }
        return out;
    }
}
