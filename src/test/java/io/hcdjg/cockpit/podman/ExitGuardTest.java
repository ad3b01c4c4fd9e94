package io.hcdjg.cockpit.podman;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cockpit JVM ended by SIGTERM while work is in flight and a child process is followed: the work's recovery runs
 * and the child is ended with it (before: the child ran on, orphaned, and nothing recovered).
 */
class ExitGuardTest {
    @TempDir
    Path dir;

    @Test
    void sigtermRunsTheRecoveryAndEndsTheChildren() throws Exception {
        Path marker = dir.resolve("recovered");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ExitGuardChild.class.getName(), marker.toString())
                .redirectErrorStream(true).start();
        String ready = new BufferedReader(new InputStreamReader(jvm.getInputStream())).readLine();
        assertTrue(ready != null && ready.startsWith("ready "), String.valueOf(ready));
        long sleep = Long.parseLong(ready.split(" ")[1]);
        assertTrue(ProcessHandle.of(sleep).map(ProcessHandle::isAlive).orElse(false));

        jvm.destroy(); // SIGTERM
        assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "the JVM ended");
        assertEquals("the stack started again", Files.readString(marker));
        Optional<ProcessHandle> child = ProcessHandle.of(sleep);
        if (child.isPresent()) {
            try {
                child.get().onExit().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException stillAlive) {
                // the assertion below says so
            }
        }
        assertFalse(ProcessHandle.of(sleep).map(ProcessHandle::isAlive).orElse(false), "the followed child ended");
    }
}
