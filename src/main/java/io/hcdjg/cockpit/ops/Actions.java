package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionOutcome.Status;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one audited path for everything that changes the stack: restart, stop, start, up, down, scale and exec. Names are
 * checked against the project's real services before any process starts; destructive actions need the project name
 * typed in; the start, every process and the outcome go to the {@link AuditLog} before the action goes on; restart,
 * start and up are verified against the service's probe.
 */
public final class Actions {
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final Duration ACTION_TIMEOUT = Duration.ofMinutes(5);

    /** How the steps of an action ended, before the processes it ran are attached. */
    private record Ended(ActionOutcome.Status status, String message) {
    }

    private final Podman podman;
    private final String connectionLabel;
    private final String project;
    private final Supplier<List<Path>> configuredComposeFiles;
    private final AuditLog audit;
    private final Verifier verifier;
    private final Runnable changed;
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    /** @param changed told after every action, done or not, so the containers are listed again at once */
    public Actions(Podman podman, String connectionLabel, String project, Supplier<List<Path>> configuredComposeFiles,
                   AuditLog audit, Verifier verifier, Runnable changed) {
        this.podman = podman;
        this.connectionLabel = connectionLabel;
        this.project = project;
        this.configuredComposeFiles = configuredComposeFiles;
        this.audit = audit;
        this.verifier = verifier;
        this.changed = changed;
    }

    public String project() {
        return project;
    }

    public AuditLog audit() {
        return audit;
    }

    /**
     * Runs the request; {@code progress} gets lines as they happen, redacted (exec's are the command's own output).
     * Interrupting the thread cancels it.
     */
    public ActionOutcome run(ActionRequest r, Consumer<String> progress) throws IOException {
        Redaction redaction = audit.redaction();
        List<ProcessResult> ran = new ArrayList<>();
        Ended o;
        try {
            o = perform(r, line -> progress.accept(redaction.text(line)), ran);
        } catch (ProcessException e) {
            o = new Ended(Status.FAILED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = new Ended(Status.FAILED, r.describe() + " was cancelled");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        audit.outcome(connectionLabel, r.describe(), o.status().name().toLowerCase(Locale.ROOT), o.message());
        changed.run();
        return new ActionOutcome(o.status(), redaction.text(o.message()),
                ran.stream().map(p -> String.join(" ", redaction.argv(p.argv()))).toList());
    }

    private Ended perform(ActionRequest r, Consumer<String> progress, List<ProcessResult> ran)
            throws ProcessException, InterruptedException, IOException {
        if (r.service() != null && !SERVICE.matcher(r.service()).matches()) {
            // before any process: a name podman would read as an option ('-a') or a shell would expand is no service
            return refuse("'" + r.service() + "' is not a service name (letters, digits, '_', '.', '-'; not first)");
        }
        List<ContainerInfo> containers = podman.containers(project);
        List<Path> files = composeFiles(containers);
        Set<String> known = new TreeSet<>();
        containers.forEach(c -> known.add(c.service()));
        ComposeProject compose = files.isEmpty() ? null : ComposeProject.read(project, files);
        if (compose != null) {
            known.addAll(compose.services());
        }
        if (r.service() != null && !known.contains(r.service())) {
            return refuse("'" + r.service() + "' is not a service of " + project + " (services: "
                    + String.join(", ", known) + ")");
        }
        if (r.service() == null && (r.kind() == ActionRequest.Kind.SCALE || r.kind() == ActionRequest.Kind.EXEC)) {
            return refuse(r.kind().word() + " needs a service");
        }
        if (r.destructive() && !project.equals(r.confirm())) {
            return refuse(r.describe() + " is destructive: confirm it with the project name '" + project + "'");
        }
        if (r.kind() == ActionRequest.Kind.EXEC && r.command().isEmpty()) {
            return refuse("exec needs a command after --");
        }
        boolean needsCompose = r.kind() == ActionRequest.Kind.UP || r.kind() == ActionRequest.Kind.DOWN
                || r.kind() == ActionRequest.Kind.SCALE && r.replicas() > running(containers, r.service()).size();
        if (needsCompose && compose == null) {
            return refuse(r.kind().word() + " needs the project's compose files: none is configured "
                    + "(podman.composeFiles) and no container of " + project + " names one");
        }
        List<String> targets = (r.service() == null ? containers : mine(containers, r.service())).stream()
                .map(ContainerInfo::name).toList();
        audit.started(connectionLabel, r.describe()); // past the checks: from here on it changes the stack
        if (r.kind() != ActionRequest.Kind.EXEC) { // exec's progress is the command's own output
            progress.accept(r.describe() + " " + connectionLabel);
        }
        switch (r.kind()) {
            case RESTART -> checked(audited(r, ran, podman.restart(some(r, "restart", targets), STOP_GRACE,
                    ACTION_TIMEOUT, progress)));
            case STOP -> checked(audited(r, ran, podman.stop(some(r, "stop", targets), STOP_GRACE, ACTION_TIMEOUT,
                    progress)));
            case START -> checked(audited(r, ran, podman.start(some(r, "start", targets), ACTION_TIMEOUT, progress)));
            case UP -> checked(audited(r, ran, podman.composeUp(project, compose.files(), r.service(), ACTION_TIMEOUT,
                    composeLines(progress))));
            case DOWN -> {
                checked(audited(r, ran, podman.composeDown(project, compose.files(), ACTION_TIMEOUT,
                        composeLines(progress))));
                return leftovers(r, ran, progress);
            }
            case SCALE -> {
                return scale(r, ran, progress, compose, mine(containers, r.service()));
            }
            case EXEC -> {
                ContainerInfo first = running(containers, r.service()).stream().findFirst().orElse(null);
                if (first == null) {
                    return refuse("no running container of " + r.service() + " to exec in");
                }
                ProcessResult res = audited(r, ran, podman.exec(first.name(), r.command(), ACTION_TIMEOUT, progress));
                return new Ended(res.ok() ? Status.DONE : Status.FAILED, first.name() + ": exit " + res.exitCode());
            }
        }
        if (r.kind() == ActionRequest.Kind.STOP) {
            return new Ended(Status.DONE, r.describe() + ": stopped " + targets.size() + " container(s)");
        }
        return verify(r, progress, ran, containers);
    }

    private Ended verify(ActionRequest r, Consumer<String> progress, List<ProcessResult> ran,
                         List<ContainerInfo> before) throws InterruptedException {
        Set<String> services = new TreeSet<>();
        if (r.service() != null) {
            services.add(r.service());
        } else {
            before.forEach(c -> services.add(c.service()));
        }
        List<String> ok = new ArrayList<>();
        for (String s : services) {
            Verifier.Result v = verifier.await(s, progress);
            if (!v.ok()) {
                return new Ended(Status.NOT_VERIFIED, v.message());
            }
            ok.add(v.message());
        }
        return new Ended(Status.DONE, String.join("; ", ok));
    }

    private Ended scale(ActionRequest r, List<ProcessResult> ran, Consumer<String> progress, ComposeProject compose,
                          List<ContainerInfo> mine) throws ProcessException, IOException {
        int want = r.replicas();
        if (want > mine.size()) {
            String fixed = compose.fixedHostPort(r.service());
            if (fixed != null && want > 1) {
                return refuse(r.service() + " publishes the fixed host port " + fixed + ": replicas would stay Created "
                        + "('address already in use'). Publish it as 127.0.0.1::PORT to scale it");
            }
            // podman-compose 1.0.3 ignores `up --scale`; replicas come from deploy.replicas in an override file.
            Path override = Files.createTempFile("cockpit-scale-", ".yml");
            try {
                Files.writeString(override, "version: \"3\"\nservices:\n  " + r.service()
                        + ":\n    deploy:\n      replicas: " + want + "\n");
                List<Path> files = new ArrayList<>(compose.files());
                files.add(override);
                checked(audited(r, ran, podman.composeUp(project, files, r.service(), ACTION_TIMEOUT,
                        composeLines(progress))));
            } finally {
                Files.deleteIfExists(override);
            }
        } else {
            // podman-compose never removes replicas when scaling down: remove the highest numbers ourselves.
            List<ContainerInfo> extra = mine.stream().sorted(Comparator.comparingInt(ContainerInfo::number).reversed())
                    .limit(mine.size() - want).toList();
            for (ContainerInfo c : extra) {
                progress.accept("removing " + c.name());
                checked(audited(r, ran, podman.rm(c.name(), STOP_GRACE, ACTION_TIMEOUT, null)));
            }
        }
        // The tool's exit code says little (podman-compose exits 0 with replicas stuck in Created): count what runs.
        List<ContainerInfo> now = running(podman.containers(project), r.service());
        if (now.size() != want) {
            return new Ended(Status.NOT_VERIFIED, "scale " + r.service() + ": " + want + " wanted, " + now.size()
                    + " running");
        }
        return new Ended(Status.DONE, r.service() + " runs " + want + (want == 1 ? " replica" : " replicas"));
    }

    /** `down` leaves replicas above _1 and the project network behind. */
    private Ended leftovers(ActionRequest r, List<ProcessResult> ran, Consumer<String> progress)
            throws ProcessException, IOException {
        List<ContainerInfo> left = podman.containers(project);
        for (ContainerInfo c : left) {
            progress.accept("removing leftover " + c.name());
            checked(audited(r, ran, podman.rm(c.name(), STOP_GRACE, ACTION_TIMEOUT, null)));
        }
        audited(r, ran, podman.networkRm(project + "_default", Duration.ofSeconds(30)));
        int remaining = podman.containers(project).size();
        return remaining == 0 ? new Ended(Status.DONE, project + " is down: no container left")
                : new Ended(Status.NOT_VERIFIED, remaining + " containers of " + project + " are still there");
    }

    /** The containers an action on them acts on; none is a failure that says so. */
    private List<String> some(ActionRequest r, String verb, List<String> targets) throws ProcessException {
        if (targets.isEmpty()) {
            throw new ProcessException(List.of("podman", verb), "no container of " + (r.service() == null ? project
                    : r.service()) + " to " + verb);
        }
        return targets;
    }

    /** podman-compose echoes its merged config and every podman call; the calls and errors are the story. */
    private static Consumer<String> composeLines(Consumer<String> progress) {
        return line -> {
            if (line.startsWith("podman ") || line.startsWith("Error") || line.startsWith("exit code: ")
                    && !line.equals("exit code: 0")) {
                progress.accept(line);
            }
        };
    }

    private ProcessResult audited(ActionRequest r, List<ProcessResult> ran, ProcessResult result) throws IOException {
        ran.add(result);
        audit.process(connectionLabel, r.describe(), result);
        return result;
    }

    private static ProcessResult checked(ProcessResult r) throws ProcessException {
        if (!r.ok()) {
            throw new ProcessException.Failed(r);
        }
        return r;
    }

    private static Ended refuse(String why) {
        return new Ended(Status.REFUSED, why);
    }

    /** The compose files actions use: the configured ones, else those the containers' labels name. */
    public List<Path> composeFiles(List<ContainerInfo> containers) {
        List<Path> configured = configuredComposeFiles.get();
        if (!configured.isEmpty()) {
            return configured;
        }
        return containers.stream().map(ContainerInfo::composeFiles).filter(f -> !f.isEmpty()).findFirst()
                .map(f -> f.stream().map(Path::of).filter(Files::isRegularFile).toList()).orElse(List.of());
    }

    private static List<ContainerInfo> mine(List<ContainerInfo> all, String service) {
        return all.stream().filter(c -> c.service().equals(service)).toList();
    }

    private static List<ContainerInfo> running(List<ContainerInfo> all, String service) {
        return mine(all, service).stream().filter(ContainerInfo::running).toList();
    }
}
