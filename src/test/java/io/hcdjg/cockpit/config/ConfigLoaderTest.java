package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.model.ConfigProblem;
import io.hcdjg.cockpit.model.ProbeKind;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.hcdjg.cockpit.model.Priority;

class ConfigLoaderTest {
    @TempDir
    Path home;

    private ConfigLoader loader() {
        return new ConfigLoader(Map.of("HOME", home.toString()));
    }

    private ConfigLoader.Loaded load(String fixture) throws Exception {
        Path file = home.resolve(fixture.replace('/', '-'));
        Files.writeString(file, Fixtures.read(fixture));
        return loader().load(Optional.of(file));
    }

    @Test
    void theShippedConfigDescribesTheStackOfStackReference() {
        ConfigLoader.Loaded loaded = loader().load(Optional.empty());
        assertTrue(loaded.ok(), () -> loaded.problems().toString());
        CockpitConfig c = loaded.config();
        assertEquals("janusgraph-demo", c.stack().project());
        assertEquals(List.of("hcd-server", "janusgraph-server", "opensearch", "opensearch-dashboards", "pulsar",
                "jupyter", "janusgraph-visualizer", "graphexp", "vault", "prometheus", "alertmanager",
                "janusgraph-exporter", "grafana", "analytics-api"),
                c.shownServices().stream().map(ServiceConfig::name).toList());
        Map<String, Integer> ports = Map.of("hcd-server", 19042, "janusgraph-server", 18182, "pulsar", 8081,
                "grafana", 3001, "analytics-api", 8001, "janusgraph-exporter", 8000, "vault", 8200);
        ports.forEach((name, port) -> assertEquals(port, service(c, name).port(), name));
        assertEquals(ProbeKind.GREMLIN, service(c, "janusgraph-server").probe());
        assertNull(service(c, "janusgraph-server").path(), "JanusGraph has no HTTP endpoint");
        assertEquals("http://127.0.0.1:8200/v1/sys/health", service(c, "vault").endpoint());
        assertEquals("http://127.0.0.1:8001/health", service(c, "analytics-api").endpoint());
        assertEquals(Duration.ofSeconds(3), service(c, "vault").timeout());
        assertEquals(Duration.ofSeconds(4), service(c, "hcd-server").timeout());
        assertEquals("loki", service(c, "loki").name());
        assertEquals("logging", service(c, "loki").overlay());
        assertEquals(ConfigLoader.SHIPPED_NAME, loaded.source());
        assertEquals(Map.of("cluster", "hcd-janusgraph"), c.monitoring().stackLabels(), "prometheus.yml's label");
    }

    @Test
    void stackLabelsAreAMappingOrALocatedError() throws Exception {
        ConfigLoader.Loaded mine = loadText("labels.yaml", "monitoring:\n  stackLabels: {cluster: prod-eu}\n");
        assertEquals(Map.of("cluster", "prod-eu"), mine.config().monitoring().stackLabels());
        ConfigLoader.Loaded list = loadText("list.yaml", "monitoring:\n  stackLabels: [cluster]\n");
        assertEquals(List.of(home.resolve("list.yaml") + ":2:3: monitoring.stackLabels: must be a mapping of label "
                + "names to values, e.g. {cluster: hcd-janusgraph}"), list.problems().stream().map(Object::toString)
                .toList());
    }

    @Test
    void incidentRulesLadderAndDependenciesAreCheckedAndMerged() throws Exception {
        ConfigLoader.Loaded loaded = load("config/incidents-broken.yaml");
        String file = home.resolve("config-incidents-broken.yaml") + ":";
        List<String> problems = loaded.problems().stream().map(Object::toString).toList();
        List<String> expected = List.of(
                file + "5:19: incidents.responseTimes.P0: must be a duration like 15m or 4h, or business days like "
                        + "1bd, not 'soon'",
                file + "7:8: incidents.rules[0].on: unknown trigger 'dwn'; one of down, degraded, alert, log-spike",
                file + "8:19: incidents.rules[1].priority: must be P0, P1, P2 or P3, not 'P7'",
                file + "9:7: incidents.rules[2]: a log-spike rule needs 'class'",
                file + "13:8: incidents.escalation[1].level: must be L1 to L5, not 'L9'",
                file + "14:19: incidents.escalation[2].webhook: must be an http:// or https:// URL, not 'ftp://hooks'",
                file + "2:3: dependencies.analytics-api: 'no-such-service' is not a configured service");
        for (String e : expected) {
            assertTrue(problems.contains(e), e + " not in " + problems);
        }
        assertTrue(problems.contains(file + "3:3: dependencies.hcd-server: dependencies go round in a circle: "
                + "janusgraph-server → hcd-server → analytics-api → janusgraph-server"), problems.toString());
        assertEquals(expected.size() + 1, problems.size(), problems.toString());
    }

    @Test
    void theShippedIncidentConfigIsTheRunbooks() {
        CockpitConfig c = loader().load(Optional.empty()).config();
        var ladder = c.incidents().ladder();
        assertEquals(List.of("L1", "L2", "L3", "L4", "L5"), ladder.stream().map(l -> l.name()).toList());
        assertEquals(List.of(Duration.ZERO, Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(4),
                Duration.ofHours(4)), ladder.stream().map(l -> l.after()).toList());
        assertEquals("ops-senior@example.com", ladder.get(1).contact());
        assertEquals(Duration.ofMinutes(15), c.incidents().responseTimes().get(Priority.P0).duration());
        assertEquals(1, c.incidents().responseTimes().get(Priority.P3).businessDays());
        assertEquals(List.of("hcd-server", "opensearch"), c.dependencies().get("janusgraph-server"));
    }

    @Test
    void aUserFileIsLaidOverTheShippedOne() throws Exception {
        ConfigLoader.Loaded loaded = load("config/override.yaml");
        assertTrue(loaded.ok(), () -> loaded.problems().toString());
        CockpitConfig c = loaded.config();
        assertEquals(Duration.ofSeconds(10), c.round().interval());
        assertEquals(Duration.ofSeconds(3), c.round().timeout(), "not overridden, kept");
        assertEquals("10.0.0.5", service(c, "vault").host(), "the stack host applies to every service");
        assertEquals(3300, service(c, "grafana").port());
        assertEquals(ProbeKind.GRAFANA, service(c, "grafana").probe(), "fields not given are kept");
        assertFalse(c.shownServices().stream().anyMatch(s -> s.name().equals("graphexp")));
        assertTrue(c.shownServices().stream().anyMatch(s -> s.name().equals("loki")), "logging overlay deployed");
        ServiceConfig mine = service(c, "my-api");
        assertEquals(Duration.ofMillis(1500), mine.timeout());
        assertEquals("http://10.0.0.5:9001/health", mine.endpoint());
        assertTrue(loaded.source().endsWith("config-override.yaml"));
    }

    @Test
    void theXdgConfigFileIsUsedWhenNoFileIsGiven() throws Exception {
        Path xdg = home.resolve("xdg");
        Path file = xdg.resolve("hcd-janusgraph-cockpit/cockpit.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "round:\n  interval: 7s\n");
        ConfigLoader.Loaded loaded = new ConfigLoader(
                Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString())).load(Optional.empty());
        assertTrue(loaded.ok());
        assertEquals(Duration.ofSeconds(7), loaded.config().round().interval());
        assertEquals(home.resolve(".config/hcd-janusgraph-cockpit/cockpit.yaml"), loader().xdgConfigFile());
    }

    @Test
    void aBrokenFileGivesEveryErrorAtOnceWithFileLineAndField() throws Exception {
        ConfigLoader.Loaded loaded = load("config/broken.yaml");
        String file = home.resolve("config-broken.yaml").toString();
        List<String> got = loaded.problems().stream().map(ConfigProblem::toString).toList();
        List<String> expected = List.of(
                file + ":3:3: stack.hots: unknown field 'hots'; did you mean 'host'? (allowed: host, overlays, "
                        + "project)",
                file + ":5:3: round.interval: must be a positive duration like 500ms, 3s, 2m or 1h (at most 3650d), "
                        + "not '5 seconds'",
                file + ":6:3: round.history: must be a whole number from 2 to 500, not '1'",
                file + ":17:5: services[3].prot: unknown field 'prot'; did you mean 'port'? (allowed: datacenter, "
                        + "enabled, host, name, overlay, path, port, probe, timeout)",
                file + ":18:5: services[4].name: 'grafana' is listed twice",
                file + ":9:5: services[0].port: must be a whole number from 1 to 65535, not '190420'",
                file + ":11:5: services[1].probe: unknown probe 'vaultt'; one of gremlin, cql, vault, http, "
                        + "opensearch, opensearch-dashboards, pulsar, prometheus, alertmanager, grafana, loki, "
                        + "jupyter, analytics-api, metrics",
                file + ":13:5: services[2]: service 'my-api' has no 'port'",
                file + ":15:5: services[2].path: must start with '/'",
                file + ":23:5: services[5].timeout: must be shorter than round.interval (5s)");
        assertEquals(expected, got);
        assertTrue(loaded.source().contains("has errors"));
        assertEquals(14, loaded.config().shownServices().size(), "the shipped defaults stay in use");
    }

    @Test
    void aTimeoutAsLongAsTheIntervalWouldMakeRoundsOverlap() throws Exception {
        Path file = Files.writeString(home.resolve("overlap.yaml"), "round:\n  timeout: 6s\n");
        List<String> got = loader().load(Optional.of(file)).problems().stream().map(Object::toString).toList();
        assertEquals(List.of(file + ":2:3: round.timeout: round.timeout (6s) must be shorter than round.interval (5s), "
                + "or every round would overlap the next"), got);
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws Exception {
        Path file = Files.writeString(home.resolve("bad.yaml"), "round:\n  interval: 5s\n services: [\n");
        List<ConfigProblem> problems = loader().load(Optional.of(file)).problems();
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("not valid YAML"), problems.get(0).message());
    }

    @Test
    void aMissingFileGivenOnTheCommandLineIsAnError() {
        Path file = home.resolve("nope.yaml");
        ConfigLoader.Loaded loaded = loader().load(Optional.of(file));
        assertEquals(List.of(file + ": file not found"), loaded.problems().stream().map(Object::toString).toList());
    }

    @Test
    void theWrongShapesAreErrorsNotCrashes() throws Exception {
        Path file = Files.writeString(home.resolve("shape.yaml"),
                "stack: [1, 2]\nround:\n  timeout: 0s\nservices:\n  - just-a-name\n  - name: Bad Name!\n    port: 1\n"
                        + "  - name: x\n    probe: http\n    port: 80\n    enabled: sometimes\n");
        List<String> got = loader().load(Optional.of(file)).problems().stream().map(ConfigProblem::message).toList();
        assertEquals(List.of("must be a mapping",
                "must be a positive duration like 500ms, 3s, 2m or 1h (at most 3650d), not '0s'",
                "must be a mapping with at least name and probe",
                "'Bad Name!' is not a name (lower case letters, digits, '-', '_', '.')",
                "must be true or false, not 'sometimes'"), got);
    }

    private static ServiceConfig service(CockpitConfig c, String name) {
        return c.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private ConfigLoader.Loaded loadText(String name, String text) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        return loader().load(Optional.of(file));
    }

    @Test
    void anEmptyOrMalformedProjectNameIsALocatedErrorNotEveryProject() throws Exception {
        for (String bad : List.of("\"\"", "\"-rf\"", "\"Janus Graph\"", "\"a;b\"")) {
            ConfigLoader.Loaded loaded = loadText("p.yaml", "stack:\n  project: " + bad + "\n");
            assertEquals(List.of(home.resolve("p.yaml") + ":2:3: stack.project: must be a compose project name "
                    + "([a-z0-9][a-z0-9_.-]*), not '" + bad.replace("\"", "") + "'"),
                    loaded.problems().stream().map(Object::toString).toList());
            assertEquals("janusgraph-demo", loaded.config().stack().project(), "the shipped default stays in use");
        }
    }

    @Test
    void aKeyGivenTwiceIsALocatedErrorNotLastWins() throws Exception {
        ConfigLoader.Loaded loaded = loadText("d.yaml", "round:\n  interval: 5s\n  timeout: 2s\n  interval: 1s\n");
        assertEquals(List.of(home.resolve("d.yaml") + ":4:3: round.interval: set twice (first on line 2); keep one"),
                loaded.problems().stream().map(Object::toString).toList());
        assertEquals(Duration.ofSeconds(5), loaded.config().round().interval(), "the shipped defaults stay in use");
    }

    @Test
    void aHugeDurationIsALocatedErrorNotAnOverflow() throws Exception {
        for (String huge : List.of("99999999999999999999999h", "9223372036854775807d", "3651d")) {
            ConfigLoader.Loaded loaded = loadText("h.yaml", "round:\n  interval: " + huge + "\n");
            assertEquals(1, loaded.problems().size(), huge);
            assertTrue(loaded.problems().get(0).toString().startsWith(home.resolve("h.yaml") + ":2:3: round.interval: "
                    + "must be a positive duration like 500ms, 3s, 2m or 1h (at most 3650d)"),
                    loaded.problems().toString());
        }
    }
}
