package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.app.WindowLaunch.Jvm;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.podman.ProcessResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowLaunchTest {
    private static final String[] ARGS = {"--config", "my.yaml"};
    private static final Optional<Path> NO_FX = Optional.empty();

    private static Jvm jar(List<String> options, boolean zgc, boolean fxModules) {
        return new Jvm("/jdk/bin/java", options, "target/cockpit.jar", 25, zgc, fxModules);
    }

    @Test
    void aWindowOnTheDefaultCollectorRunsAgainUnderZgcKeepingOptionsAndArguments() {
        assertEquals(Optional.of(List.of("/jdk/bin/java", "-Xmx2g", "-Dprism.order=sw", "-XX:+UseZGC",
                        "--sun-misc-unsafe-memory-access=allow", "-jar", "target/cockpit.jar", "--config", "my.yaml")),
                WindowLaunch.argv(jar(List.of("-Xmx2g", "-Dprism.order=sw"), false, false), NO_FX, ARGS));
        assertEquals(List.of("java", "-XX:+UseZGC", "-XX:+ZGenerational", "-cp", "classes:lib/a.jar",
                        "io.hcdjg.cockpit.app.CockpitMain"),
                WindowLaunch.argv(new Jvm("java", List.of(), "classes:lib/a.jar", 21, false, false), NO_FX,
                        new String[0]).orElseThrow());
    }

    @Test
    void javafxBesideTheJarGoesOnTheModulePathEvenUnderAChosenCollector() {
        Optional<Path> fx = Optional.of(Path.of("/opt/c/javafx"));
        List<String> expected = new ArrayList<>(List.of("/jdk/bin/java", "-XX:+UseG1GC"));
        expected.addAll(WindowLaunch.modules("/opt/c/javafx"));
        expected.addAll(List.of("-jar", "target/cockpit.jar", "--config", "my.yaml"));
        assertEquals(Optional.of(expected), WindowLaunch.argv(jar(List.of("-XX:+UseG1GC"), false, false), fx, ARGS));
        assertTrue(expected.containsAll(List.of("--module-path", "/opt/c/javafx", "--add-modules", "javafx.controls")));
        // already on modules and ZGC (the app image's launcher): no second JVM
        assertEquals(Optional.empty(), WindowLaunch.argv(jar(List.of(), true, true), fx, ARGS));
    }

    @Test
    void aChosenCollectorAnAgentOrZgcAlreadyKeepsThisJvm() {
        assertEquals(Optional.empty(), WindowLaunch.argv(jar(List.of(), true, false), NO_FX, ARGS));
        for (String option : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-agentlib:jdwp=transport=dt_socket")) {
            assertEquals(Optional.empty(), WindowLaunch.argv(jar(List.of(option), false, false), NO_FX, ARGS), option);
        }
        assertEquals(Optional.empty(), WindowLaunch.argv(jar(List.of("-javaagent:x.jar"), false, false),
                Optional.of(Path.of("javafx")), ARGS));
    }

    @Test
    void theCommandStartsAJvmOnZgcThatRunsTheCockpit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var jvm = new Jvm(java, List.of("-Xlog:gc:stdout"), System.getProperty("java.class.path"),
                Runtime.version().feature(), false, false);
        var argv = WindowLaunch.argv(jvm, NO_FX, new String[]{"--help"}).orElseThrow();
        ProcessResult r = new ProcessGateway().runAllowingFailure(argv, Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("Using The Z Garbage Collector"), r.stdout());
        assertTrue(r.stdout().contains("Usage: cockpit ") && r.stdout().contains("\n  logs "), r.stdout());
    }
}
