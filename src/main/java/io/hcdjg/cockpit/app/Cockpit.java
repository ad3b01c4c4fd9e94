package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.demo.DemoStack;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.probes.HostStatsReader;
import io.hcdjg.cockpit.probes.Probe;
import io.hcdjg.cockpit.probes.ProbeFactory;
import io.hcdjg.cockpit.probes.Reachability;
import io.hcdjg.cockpit.ops.Actions;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Backups;
import io.hcdjg.cockpit.ops.Maintenance;
import io.hcdjg.cockpit.ops.Playbooks;
import io.hcdjg.cockpit.ops.MaintenanceWizard;
import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.ops.RunbookPaths;
import io.hcdjg.cockpit.ops.Silences;
import io.hcdjg.cockpit.probes.MonitoringClient;
import io.hcdjg.cockpit.runtime.MonitoringPoller;
import io.hcdjg.cockpit.runtime.LogHub;
import io.hcdjg.cockpit.runtime.SecurityWatcher;
import io.hcdjg.cockpit.logs.SecurityLedger;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.ops.Verifier;
import io.hcdjg.cockpit.podman.HostTools;
import io.hcdjg.cockpit.podman.PodmanTarget;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.runtime.ContainerPoller;
import io.hcdjg.cockpit.runtime.HealthPoller;
import io.hcdjg.cockpit.runtime.IncidentWatcher;
import io.hcdjg.cockpit.runtime.RunbookPoller;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.RunbookState;
import io.hcdjg.cockpit.runtime.SelfWatch;
import io.hcdjg.cockpit.runtime.SnapshotStore;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.time.Instant;
import java.util.Optional;

/**
 * The composition root: the whole object graph, wired by hand, in the order it is built. The window and the CLI both
 * start here, so they run the same probes through the same poller.
 */
public final class Cockpit implements AutoCloseable {
    private final List<AutoCloseable> closers = new ArrayList<>();
    private final ConfigLoader.Loaded loaded;
    private final SnapshotStore store;
    private final HealthPoller poller;
    private final PodmanTarget podman;
    private final HostTools hostTools;
    private final ContainerPoller containers;
    private final Actions actions;
    private final Verifier verifier;
    private final MonitoringPoller monitoring;
    private final Silences silences;
    private final LogHub logs;
    private final SecurityWatcher security;
    private final ScheduledExecutorService securityThread;
    private final IncidentDesk desk;
    private final Backups backups;
    private final RunbookPoller runbook;
    private final Maintenance maintenance;
    private final Playbooks playbooks;
    private final IncidentWatcher incidents;
    private final SelfWatch self;
    private final Map<String, String> env;
    private final Redaction redaction;
    private final Clock clock;

    /**
     * @param demoWhenUnreachable start the demo stack when nothing of the configured stack answers (the window's
     *                            default)
     */
    public Cockpit(CockpitOptions options, Map<String, String> env, boolean demoWhenUnreachable,
                   Consumer<StackSnapshot> listener) throws Exception {
        this(options, env, demoWhenUnreachable, listener, Clock.systemUTC());
    }

    /** @param clock every timer's and every record's time */
    public Cockpit(CockpitOptions options, Map<String, String> env, boolean demoWhenUnreachable,
                   Consumer<StackSnapshot> listener, Clock clock) throws Exception {
        this.env = env;
        this.clock = clock;
        loaded = new ConfigLoader(env).load(options.config());
        CockpitConfig config = loaded.config();
        redaction = Redaction.of(config, env);

        ProbeFactory probeFactory = new ProbeFactory();
        closers.add(probeFactory);
        Function<ServiceConfig, Probe> probes = probeFactory::create;

        boolean demo = Boolean.TRUE.equals(options.demo()) || options.demo() == null && demoWhenUnreachable
                && !Reachability.anyAccepting(coreServices(config), Duration.ofMillis(400));
        String project = options.project() != null ? options.project() : config.stack().project();
        String label = project + " on " + config.stack().host();
        if (demo) {
            DemoStack stack = DemoStack.start();
            closers.add(stack);
            config = stack.apply(config);
            probes = stack.probes(probes);
            label = DemoStack.NOTICE + " (127.0.0.1:" + stack.gremlinPort() + ")";
        }

        Path disk = HostStatsReader.resolveDiskPath(config.host().diskPath(), env);
        HostStatsReader host = new HostStatsReader(disk, Path.of("/proc/meminfo"));

        ScheduledExecutorService scheduler = thread("cockpit-scheduler");
        // Platform threads, not virtual: the drivers block inside native and synchronized code, and a few pinned
        // carrier threads would stall every other probe (docs/decisions/0002-probe-threads.md).
        ExecutorService probeThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("probe-", 0).daemon(true).factory());
        closers.add(probeThreads::shutdownNow);

        store = new SnapshotStore(StackSnapshot.initial(clock.instant(), loaded.source(), label, demo,
                loaded.problems()), listener);
        poller = new HealthPoller(config, store, probes, host::read, clock, scheduler, probeThreads);
        closers.add(poller);

        ProcessGateway processes = new ProcessGateway(PodmanTarget.environment(env), redaction);
        podman = PodmanTarget.resolve(processes, options.connection(), config.podman().connection(),
                env.get("PODMAN_CONNECTION"));
        hostTools = new HostTools(processes);
        // Its own thread: a slow podman call must never delay the probes' timeouts.
        ScheduledExecutorService podmanThread = thread("podman-poller");
        containers = new ContainerPoller(podman.podman(), project, podman.label(), config.podman().poll(),
                config.round().history(), store, clock, podmanThread, podman.problem());
        closers.add(containers);

        CockpitConfig cfg = config;
        verifier = new Verifier(cfg.shownServices(), probeFactory::create, podman.podman(), project,
                Duration.ofSeconds(90), Duration.ofSeconds(1));
        actions = new Actions(podman.podman(), podman.label(), project,
                () -> cfg.podman().composeFiles().stream().map(f -> Path.of(f).toAbsolutePath()).toList(),
                new AuditLog(AuditLog.defaultFile(env), clock, redaction), verifier, () -> containers.list(false));

        CockpitConfig.Monitoring mon = cfg.monitoring();
        HttpClient http = HttpClient.newBuilder().connectTimeout(mon.timeout()).build();
        closers.add(http::shutdownNow);
        MonitoringClient client = new MonitoringClient(http, mon.prometheus(), mon.alertmanager(), mon.timeout());
        ScheduledExecutorService monitoringThread = thread("monitoring-poller");
        // The analytics-api's profiler is where the stack keeps the timings of real queries (stack-reference §4.10).
        String apiUrl = cfg.shownServices().stream().filter(x -> x.probe() == ProbeKind.ANALYTICS_API).findFirst()
                .map(x -> "http://" + x.host() + ":" + x.port()).orElse(null);
        monitoring = new MonitoringPoller(mon, cfg.metrics(), client, store, clock, monitoringThread,
                cfg.round().history(), apiUrl);
        closers.add(monitoring);
        silences = new Silences(client, actions.audit(), clock, monitoring::refresh);

        ScheduledExecutorService logThread = thread("log-hub");
        logs = new LogHub(podman.podman(), LogClassifier.from(cfg.logs()), cfg.logs().maxLines(),
                "--since=" + cfg.logs().history(), cfg.incidents().spikeWindow(), store, clock, logThread);
        closers.add(logs);
        security = new SecurityWatcher(podman.podman(), () -> logs.followed().values().stream()
                .map(f -> new SecurityWatcher.Buffer(f.container(), f.service(), f.buffer())).toList(),
                () -> store.get().podman().containers().stream().map(ContainerStatus::info).toList(),
                cfg.shownServices().stream().anyMatch(x -> x.name().equals("vault")),
                new SecurityLedger(logs.classifier(), SecurityWatcher.CAP), clock);
        closers.add(security);
        securityThread = logThread;

        backups = new Backups(podman.podman(), hostTools, podman.label(), project, cfg.runbook(),
                cfg.shownServices().stream().filter(s -> s.name().equals("hcd-server")).findFirst().orElse(null),
                RunbookPaths.backups(cfg.runbook(), env), actions.audit(), verifier, clock);

        ScheduledExecutorService runbookThread = thread("runbook-poller");
        maintenance = new Maintenance(AppDirs.data(env).resolve("maintenance.json"), silences, clock,
                mon.stackLabels());
        runbook = new RunbookPoller(cfg.runbook(), backups, maintenance, env, store, clock, runbookThread);
        closers.add(runbook);

        playbooks = new Playbooks(podman.podman(), project, actions.audit(), podman.label(),
                () -> logs.followed().keySet().stream().map(name -> podman.podman().logFile(name))
                        .flatMap(Optional::stream).toList());

        HttpClient webhooks = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        closers.add(webhooks::shutdownNow);
        desk = IncidentDesks.build(cfg, env, actions.audit(), processes, webhooks, clock);
        ScheduledExecutorService incidentThread = thread("incident-watcher");
        incidents = new IncidentWatcher(desk, store, clock, incidentThread);
        closers.add(incidents);
        self = new SelfWatch(store, logs::takeMaxLag, clock, thread("self-watch"));
        closers.add(self);
    }

    // What the subcommands (package app.cli) and the window's ports use.
    public ConfigLoader.Loaded loaded() { return loaded; }
    public HealthPoller poller() { return poller; }
    public PodmanTarget podman() { return podman; }
    public ContainerPoller containers() { return containers; }
    public Actions actions() { return actions; }
    public MonitoringPoller monitoring() { return monitoring; }
    public Silences silences() { return silences; }
    public LogHub logs() { return logs; }
    public Backups backups() { return backups; }
    public Map<String, String> env() { return env; }
    public Clock clock() { return clock; }
    /** What every sink hides: the window's presenters and the CLI's output use it too. */
    public Redaction redaction() { return redaction; }
    public SelfWatch self() { return self; }
    SnapshotStore store() { return store; }
    HostTools hostTools() { return hostTools; }
    Verifier verifier() { return verifier; }
    IncidentDesk desk() { return desk; }
    IncidentWatcher incidents() { return incidents; }
    RunbookPoller runbook() { return runbook; }
    Maintenance maintenance() { return maintenance; }
    Playbooks playbooks() { return playbooks; }
    SecurityWatcher security() { return security; }

    /** A named daemon thread of its own for one poller, ended when the cockpit closes. */
    private ScheduledExecutorService thread(String name) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon(true).factory());
        closers.add(thread::shutdownNow);
        return thread;
    }

    /** An incident's key log lines from the followed containers' buffers, for its report and escalations. */
    List<String> keyLines(Incident i) {
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : clock.instant();
        return logs.keyLines(i.services(), i.openedAt().minus(Duration.ofMinutes(15)), end, 40);
    }

    /**
     * The proof, backups and certificates: as the runbook poller last read them (the window), or read now (the CLI,
     * or before the first read), with the project listed first because its containers say where the checkout is.
     */
    public RunbookState runbookState(boolean running) {
        RunbookState r = store.get().runbook();
        if (running && r.at() != null) {
            return r;
        }
        containers.list(false);
        return runbook.read();
    }

    /** A planned-maintenance run (§5.2) on this cockpit's parts. */
    MaintenanceWizard maintenanceWizard(Duration window, String reason) {
        return new MaintenanceWizard(new MaintenanceWizard.Parts(maintenance, backups, actions, verifier,
                podman.podman(), loaded.config().runbook()), window, reason, System.getProperty("user.name"), env,
                clock);
    }

    /** After a runbook procedure (backup, restore, a maintenance step): its files and the containers read again. */
    void procedureEnded() {
        runbook.refresh();
        containers.list(false);
    }

    /** Starts the background services: probe rounds, container listings and events. */
    void start() {
        poller.start();
        containers.start();
        monitoring.start();
        incidents.start();
        runbook.start();
        self.start();
        if (podman.problem() == null) {
            logs.start();
            security.start(securityThread, state -> store.update(s -> s.withSecurity(state, state.at())));
        }
    }

    /** The services whose ports say whether a janusgraph-demo stack is there at all. */
    private static List<ServiceConfig> coreServices(CockpitConfig config) {
        return config.shownServices().stream()
                .filter(s -> s.probe() == ProbeKind.GREMLIN || s.probe() == ProbeKind.CQL).toList();
    }

    @Override
    public void close() {
        store.detach();
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception e) {
                System.err.println("cockpit: while shutting down: " + e);
            }
        }
    }
}
