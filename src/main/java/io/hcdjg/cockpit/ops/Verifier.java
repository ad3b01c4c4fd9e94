package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.Health;
import io.hcdjg.cockpit.model.HealthLevel;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.probes.Failures;
import io.hcdjg.cockpit.probes.Probe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * After a restart, start or up, a service is reported done only when its probe answers UP again (a service without a
 * probe: when all its containers run); otherwise "still DOWN after N s: reason".
 */
public final class Verifier {
    private final Map<String, ServiceConfig> probed;
    private final Function<ServiceConfig, Probe> probes;
    private final Podman podman;
    private final String project;
    private final Duration timeout;
    private final Duration every;

    public Verifier(List<ServiceConfig> services, Function<ServiceConfig, Probe> probes, Podman podman, String project,
                    Duration timeout, Duration every) {
        this.probed = services.stream().collect(Collectors.toMap(ServiceConfig::name, s -> s));
        this.probes = probes;
        this.podman = podman;
        this.project = project;
        this.timeout = timeout;
        this.every = every;
    }

    public record Result(boolean ok, String message) {
    }

    public Result await(String service, Consumer<String> progress) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        ServiceConfig config = probed.get(service);
        String last = "not checked";
        try (Probe probe = config == null ? null : probes.apply(config)) {
            while (true) {
                String why = containersNotRunning(service);
                if (why == null && probe != null) {
                    Health h = probe.check();
                    if (h.level() == HealthLevel.UP) {
                        return new Result(true, service + " UP after " + elapsed(t0) + ": " + h.reason());
                    }
                    why = h.level() + ": " + h.reason();
                } else if (why == null) {
                    return new Result(true, service + " running after " + elapsed(t0));
                }
                last = why;
                if (System.nanoTime() > deadline) {
                    return new Result(false, service + " still DOWN after " + Failures.seconds(timeout) + ": " + last);
                }
                progress.accept("waiting for " + service + " (" + elapsed(t0) + "): " + why);
                Thread.sleep(every.toMillis());
            }
        }
    }

    /** Null when every container of the service runs; else what is wrong. */
    private String containersNotRunning(String service) {
        try {
            List<ContainerInfo> mine = podman.containers(project).stream().filter(c -> c.service().equals(service))
                    .toList();
            if (mine.isEmpty()) {
                return "no container of " + service;
            }
            return mine.stream().filter(c -> !c.running()).findFirst()
                    .map(c -> c.name() + " is " + c.state()).orElse(null);
        } catch (ProcessException e) {
            return e.getMessage();
        }
    }

    private static String elapsed(long t0) {
        return Failures.seconds(Duration.ofMillis(Duration.ofNanos(System.nanoTime() - t0).toMillis() / 100 * 100));
    }
}
