package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStats;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.podman.PodmanJson;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The containers of a recorded {@code podman ps} and {@code podman stats}, as the tiles and the CLI word them. */
class ContainerFormatTest {
    static final List<ContainerInfo> PS = ps();
    static final Map<String, ContainerStats> STATS = stats();
    /** 53 s after hcd-server started, as podman said when the fixture was taken. */
    static final Instant NOW = Instant.ofEpochSecond(1795841280 + 53);

    private static List<ContainerInfo> ps() {
        try {
            return PodmanJson.ps(Fixtures.read("podman/ps.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, ContainerStats> stats() {
        try {
            return PodmanJson.stats(Fixtures.read("podman/stats.json")).stream()
                    .collect(Collectors.toMap(ContainerStats::name, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ContainerInfo named(String service) {
        return PS.stream().filter(c -> c.service().equals(service)).findFirst().orElseThrow();
    }

    private static ContainerStatus withStats(ContainerInfo c) {
        return new ContainerStatus(c, STATS.get(c.name()), List.of(), List.of());
    }

    @Test
    void aRunningContainerWithItsStats() {
        ContainerStatus hcd = withStats(named("hcd-server"));
        assertEquals("53s", ContainerFormat.uptime(hcd.info(), NOW));
        assertEquals("23.6%", ContainerFormat.cpu(hcd));
        assertEquals("398.4 MiB", ContainerFormat.memory(hcd));
        assertEquals("running · up 53s · 23.6% · 398.4 MiB", ContainerFormat.line(hcd, NOW));
    }

    @Test
    void uptimeGrowsIntoMinutesHoursAndDays() {
        ContainerInfo hcd = named("hcd-server");
        assertEquals("4m 10s", ContainerFormat.uptime(hcd, hcd.startedAt().plusSeconds(250)));
        assertEquals("2h 5m", ContainerFormat.uptime(hcd, hcd.startedAt().plusSeconds(2 * 3600 + 300)));
        assertEquals("3d 4h", ContainerFormat.uptime(hcd, hcd.startedAt().plusSeconds(3 * 86400 + 4 * 3600 + 59)));
        assertEquals("0s", ContainerFormat.uptime(hcd, hcd.startedAt().minusSeconds(5)),
                "a clock behind is not negative");
    }

    @Test
    void anExitedContainerSaysItsCodeAndRestarts() {
        ContainerInfo api = named("analytics-api");
        ContainerInfo exited = new ContainerInfo(api.id(), api.name(), api.project(), api.service(), api.number(),
                "exited", "Exited (137) 2 minutes ago", "", api.startedAt(), 0, api.image(), api.ports(), 137,
                api.composeFiles()).withRestarts(1);
        ContainerStatus s = new ContainerStatus(exited, null, List.of(), List.of());
        assertEquals("-", ContainerFormat.uptime(exited, NOW));
        assertEquals("-", ContainerFormat.cpu(s));
        assertEquals("-", ContainerFormat.memory(s));
        assertEquals("exited · exit 137 · 1 restart", ContainerFormat.line(s, NOW));
        ContainerInfo unhealthy = new ContainerInfo(api.id(), api.name(), api.project(), api.service(), api.number(),
                "running", "Up 46 seconds (unhealthy)", "unhealthy", api.startedAt(), 3, api.image(), api.ports(), 0,
                api.composeFiles());
        assertEquals("running (unhealthy) · up 46s · 3 restarts",
                ContainerFormat.line(new ContainerStatus(unhealthy, null, List.of(), List.of()), NOW));
    }
}
