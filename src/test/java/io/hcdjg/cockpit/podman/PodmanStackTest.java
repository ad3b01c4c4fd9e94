package io.hcdjg.cockpit.podman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.ServiceConfig;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.model.StackSnapshot;
import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.ops.Actions;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.ops.Verifier;
import io.hcdjg.cockpit.probes.ProbeFactory;
import io.hcdjg.cockpit.runtime.ContainerPoller;
import io.hcdjg.cockpit.runtime.SnapshotStore;
import io.hcdjg.cockpit.testing.PodmanStack;
import io.hcdjg.cockpit.testing.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Containers, events and actions against the demo project running under real podman. */
@ExtendWith(PodmanStack.class)
class PodmanStackTest {
    static final ProbeFactory probes = new ProbeFactory();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void close() {
        probes.close();
    }

    private static Actions actions(PodmanStack.Handle stack) {
        List<ServiceConfig> services = List.of(
                Services.at("hcd-server", ProbeKind.CQL, 19042, Duration.ofSeconds(4)),
                Services.at("janusgraph-server", ProbeKind.GREMLIN, 18182, Duration.ofSeconds(4)),
                Services.at("analytics-api", ProbeKind.ANALYTICS_API, 8001));
        Verifier verifier = new Verifier(services, probes::create, stack.podman(), PodmanStack.PROJECT,
                Duration.ofSeconds(90), Duration.ofMillis(500));
        return new Actions(stack.podman(), "on the local engine", PodmanStack.PROJECT, List::of,
                new AuditLog(stack.auditFile(), Clock.systemUTC()), verifier, () -> { });
    }

    private static List<JsonNode> auditSince(Path file, Instant since) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            if (!Instant.parse(n.get("time").asText()).isBefore(since)) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void everyServiceIsListedWithItsContainerStateAndStats(PodmanStack.Handle stack) throws Exception {
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(Instant.now(), "t", "t", false, List.of()),
                s -> { });
        ContainerPoller poller = new ContainerPoller(stack.podman(), PodmanStack.PROJECT, "on the local engine",
                Duration.ofSeconds(5), 10, store, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(),
                null);
        PodmanState state = poller.list(true);
        assertEquals(null, state.problem());
        assertEquals(List.of("alertmanager", "analytics-api", "graph-consumer", "hcd-server", "janusgraph-exporter",
                "janusgraph-server", "prometheus"),
                state.containers().stream().map(c -> c.info().service()).sorted().toList());
        ContainerStatus hcd = state.of("hcd-server").get(0);
        assertTrue(hcd.info().running());
        assertNotNull(hcd.stats(), "running containers have CPU and memory");
        assertTrue(hcd.stats().memUsed() > 100_000_000L, "Cassandra uses more than 100 MB: " + hcd.stats());
        assertEquals(1, hcd.cpuHistory().size());
        // the compose file the project was started from (the run's own cache, or a `demo up` of the same project)
        assertEquals(1, hcd.info().composeFiles().size());
        assertTrue(hcd.info().composeFiles().get(0).endsWith("/hcd-janusgraph-cockpit/demo/compose.yml"),
                hcd.info().composeFiles().toString());
    }

    @Test
    void aKilledContainerShowsThroughEvents(PodmanStack.Handle stack) throws Exception {
        LinkedBlockingQueue<StackSnapshot> published = new LinkedBlockingQueue<>();
        SnapshotStore store = new SnapshotStore(StackSnapshot.initial(Instant.now(), "t", "t", false, List.of()),
                published::add);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        // A poll interval far longer than the test: only the events stream can bring the change in time.
        ContainerPoller poller = new ContainerPoller(stack.podman(), PodmanStack.PROJECT, "on the local engine",
                Duration.ofMinutes(10), 10, store, Clock.systemUTC(), scheduler, null);
        try {
            poller.start();
            awaitEventsLive(published);
            long t0 = System.nanoTime();
            stack.cli(Duration.ofSeconds(20), "kill", PodmanStack.container("graph-consumer"));
            Duration seen = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen == null && System.nanoTime() < deadline) {
                StackSnapshot s = published.poll(200, TimeUnit.MILLISECONDS);
                if (s != null && s.podman().of("graph-consumer").stream().anyMatch(c -> !c.info().running())) {
                    seen = Duration.ofNanos(System.nanoTime() - t0);
                }
            }
            // Only the events stream can bring it within the deadline (the poll interval is 10 minutes); how fast is
            // PodmanBench's to measure, not a timed assertion's.
            assertNotNull(seen, "the killed container never showed");
            System.out.println("kill -> shown in " + seen.toMillis() + " ms");
        } finally {
            poller.close();
            scheduler.shutdownNow();
            ActionOutcome back = actions(stack).run(new ActionRequest(ActionRequest.Kind.START, "graph-consumer", 0,
                    List.of(), null), line -> { });
            assertEquals(ActionOutcome.Status.DONE, back.status(), back.message());
        }
    }

    private static void awaitEventsLive(LinkedBlockingQueue<StackSnapshot> published) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            StackSnapshot s = published.poll(200, TimeUnit.MILLISECONDS);
            if (s != null && s.podman().eventsLive() && s.podman().listedAt() != null) {
                return;
            }
        }
        throw new AssertionError("the events stream did not come up");
    }

    @Test
    void aRestartIsReportedDoneOnlyWhenTheProbeAnswersAgainAndIsAudited(PodmanStack.Handle stack) throws Exception {
        Instant before = Instant.now();
        ActionOutcome o = actions(stack).run(new ActionRequest(ActionRequest.Kind.RESTART, "janusgraph-server", 0,
                List.of(), null), line -> { });
        assertEquals(ActionOutcome.Status.DONE, o.status(), o.message());
        assertTrue(o.message().startsWith("janusgraph-server UP after "), o.message());
        assertTrue(o.message().endsWith(": traversal answered"), o.message());
        List<JsonNode> audit = auditSince(stack.auditFile(), before);
        assertEquals(3, audit.size(), audit.toString());
        assertEquals("started", audit.get(0).get("kind").asText(), "written before the restart ran");
        assertEquals(List.of("podman", "restart", "-t", "15", PodmanStack.container("janusgraph-server")),
                JSON.convertValue(audit.get(1).get("argv"), List.class));
        assertEquals(0, audit.get(1).get("exitCode").asInt());
        assertEquals(64, audit.get(1).get("outputSha256").asText().length());
        assertEquals("done", audit.get(2).get("outcome").asText());
        assertEquals("restart janusgraph-server", audit.get(2).get("action").asText());
        assertEquals(System.getProperty("user.name"), audit.get(2).get("user").asText());
    }

    @Test
    void scalingUpAndDownIsCheckedOnTheContainersNotTheToolsExitCode(PodmanStack.Handle stack) throws Exception {
        Actions actions = actions(stack);
        try {
            ActionOutcome up = actions.run(new ActionRequest(ActionRequest.Kind.SCALE, "graph-consumer", 3, List.of(),
                    null), line -> { });
            assertEquals(ActionOutcome.Status.DONE, up.status(), up.message());
            assertEquals(List.of(1, 2, 3), running(stack, "graph-consumer"));
            ActionOutcome down = actions.run(new ActionRequest(ActionRequest.Kind.SCALE, "graph-consumer", 1, List.of(),
                    null), line -> { });
            assertEquals(ActionOutcome.Status.DONE, down.status(), down.message());
            assertEquals("graph-consumer runs 1 replica", down.message());
            assertEquals(List.of(1), running(stack, "graph-consumer"));
            assertEquals(1, stack.containers().stream().filter(c -> c.service().equals("graph-consumer")).count(),
                    "scaled-down replicas are removed, not left stopped");
        } finally {
            actions.run(new ActionRequest(ActionRequest.Kind.SCALE, "graph-consumer", 1, List.of(), null), line -> { });
        }
    }

    private static List<Integer> running(PodmanStack.Handle stack, String service) throws ProcessException {
        return stack.containers().stream().filter(c -> c.service().equals(service) && c.running())
                .map(ContainerInfo::number).sorted().toList();
    }

    @Test
    void aFixedHostPortServiceIsNotScaledIntoContainersStuckInCreated(PodmanStack.Handle stack) throws Exception {
        ActionOutcome o = actions(stack).run(new ActionRequest(ActionRequest.Kind.SCALE, "analytics-api", 2, List.of(),
                null), line -> { });
        assertEquals(ActionOutcome.Status.REFUSED, o.status());
        assertTrue(o.message().startsWith("analytics-api publishes the fixed host port 127.0.0.1:8001:8001"),
                o.message());
        assertEquals(List.of(1), running(stack, "analytics-api"));
    }

    @Test
    void execShowsTheCommandsOutput(PodmanStack.Handle stack) throws Exception {
        List<String> lines = new ArrayList<>();
        ActionOutcome o = actions(stack).run(new ActionRequest(ActionRequest.Kind.EXEC, "hcd-server", 0,
                List.of("ls", "/opt/cassandra"), null), lines::add);
        assertEquals(ActionOutcome.Status.DONE, o.status(), o.message());
        assertTrue(lines.contains("lib") && lines.contains("start.sh"), lines.toString());
        assertEquals(PodmanStack.container("hcd-server") + ": exit 0", o.message());
        ActionOutcome failing = actions(stack).run(new ActionRequest(ActionRequest.Kind.EXEC, "hcd-server", 0,
                List.of("ls", "/no/such/dir"), null), line -> { });
        assertEquals(ActionOutcome.Status.FAILED, failing.status());
    }

    @Test
    void namesThatAreNotServicesAreRefusedBeforeAnyProcessStarts(PodmanStack.Handle stack) throws Exception {
        Instant before = Instant.now();
        ActionOutcome o = actions(stack).run(new ActionRequest(ActionRequest.Kind.RESTART, "web; rm -rf /", 0,
                List.of(), null), line -> { });
        assertEquals(ActionOutcome.Status.REFUSED, o.status());
        assertEquals("'web; rm -rf /' is not a service name (letters, digits, '_', '.', '-'; not first)", o.message());
        o = actions(stack).run(ActionRequest.of(ActionRequest.Kind.RESTART, "web"), line -> { });
        assertTrue(o.message().startsWith("'web' is not a service of " + PodmanStack.PROJECT
                + " (services: alertmanager, "), o.message());
        assertTrue(o.commands().isEmpty());
        List<JsonNode> audit = auditSince(stack.auditFile(), before);
        assertEquals(2, audit.size(), "refused before they started: " + audit);
        assertEquals("refused", audit.get(0).get("outcome").asText());
        assertEquals("refused", audit.get(1).get("outcome").asText());
    }

    @Test
    void destructiveActionsNeedTheProjectNameTypedIn(PodmanStack.Handle stack) throws Exception {
        for (ActionRequest r : List.of(
                new ActionRequest(ActionRequest.Kind.DOWN, null, 0, List.of(), null),
                new ActionRequest(ActionRequest.Kind.STOP, null, 0, List.of(), "janusgraph"),
                new ActionRequest(ActionRequest.Kind.SCALE, "graph-consumer", 0, List.of(), "yes"))) {
            ActionOutcome o = actions(stack).run(r, line -> { });
            assertEquals(ActionOutcome.Status.REFUSED, o.status(), r.describe());
            assertTrue(o.message().endsWith("confirm it with the project name '" + PodmanStack.PROJECT + "'"),
                    o.message());
            assertTrue(o.commands().isEmpty());
        }
        assertFalse(running(stack, "graph-consumer").isEmpty());
    }
}
