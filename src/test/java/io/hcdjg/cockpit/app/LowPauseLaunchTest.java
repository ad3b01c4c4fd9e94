package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.podman.ProcessResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LowPauseLaunchTest {
    private static final String[] ARGS = {"--config", "my.yaml"};

    @Test
    void aWindowOnTheDefaultCollectorRunsAgainUnderZgcKeepingOptionsAndArguments() {
        assertEquals(Optional.of(List.of("/jdk/bin/java", "-Xmx2g", "-Dprism.order=sw", "-XX:+UseZGC",
                        "--sun-misc-unsafe-memory-access=allow", "-jar", "target/cockpit.jar", "--config", "my.yaml")),
                LowPauseLaunch.argv(false, "/jdk/bin/java", List.of("-Xmx2g", "-Dprism.order=sw"),
                        "target/cockpit.jar", 25, ARGS));
        assertEquals(List.of("java", "-XX:+UseZGC", "-XX:+ZGenerational", "-cp", "classes:lib/a.jar",
                        "io.hcdjg.cockpit.app.CockpitMain"),
                LowPauseLaunch.argv(false, "java", List.of(), "classes:lib/a.jar", 21, new String[0]).orElseThrow());
    }

    @Test
    void aChosenCollectorAnAgentOrZgcAlreadyKeepsThisJvm() {
        assertEquals(Optional.empty(), LowPauseLaunch.argv(true, "java", List.of(), "cockpit.jar", 25, ARGS));
        for (String option : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-agentlib:jdwp=transport=dt_socket")) {
            assertEquals(Optional.empty(), LowPauseLaunch.argv(false, "java", List.of(option), "cockpit.jar", 25, ARGS),
                    option);
        }
    }

    @Test
    void theCommandStartsAJvmOnZgcThatRunsTheCockpit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var argv = LowPauseLaunch.argv(false, java, List.of("-Xlog:gc:stdout"), System.getProperty("java.class.path"),
                Runtime.version().feature(), new String[]{"--help"}).orElseThrow();
        ProcessResult r = new ProcessGateway().runAllowingFailure(argv, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("Using The Z Garbage Collector"), r.stdout());
        assertTrue(r.stdout().contains("Usage: cockpit ") && r.stdout().contains("\n  logs "), r.stdout());
    }
}
