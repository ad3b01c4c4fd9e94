package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.config.Redaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process gateway with real programs: argv lists, timeouts, separate streams, missing programs. */
class ProcessGatewayTest {
    final ProcessGateway gateway = new ProcessGateway(Map.of("COCKPIT_TEST_VAR", "hello"));

    @Test
    void argumentsAreNeverInterpretedByAShell() throws Exception {
        ProcessResult r = gateway.run(List.of("/bin/echo", "web; rm -rf /", "$HOME", "`id`"), Duration.ofSeconds(5));
        assertEquals("web; rm -rf / $HOME `id`\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void stdoutAndStderrAreKeptApartAndFailuresCarryStderr() {
        var e = assertThrows(ProcessException.Failed.class, () -> gateway.run(
                List.of("busybox", "sh", "-c", "echo out; echo 'no such service' >&2; exit 3"), Duration.ofSeconds(5)));
        assertEquals(3, e.result().exitCode());
        assertEquals("out\n", e.result().stdout());
        assertEquals("no such service\n", e.result().stderr());
        assertTrue(e.getMessage().endsWith("exited 3: no such service"), e.getMessage());
    }

    @Test
    void aFailureOrATimeoutSaysNoSecretOfItsArgvOrStderr() {
        ProcessGateway g = new ProcessGateway(new Redaction(List.of("literal-Secret-9"), List.of(), List.of()));
        var e = assertThrows(ProcessException.Failed.class, () -> g.run(List.of("busybox", "sh", "-c",
                "echo \"auth failed: PASSWORD=$2 with literal-Secret-9\" >&2; exit 1", "sh", "--password",
                "s3cret-pw"), Duration.ofSeconds(5)));
        assertEquals("busybox sh -c echo \"auth failed: PASSWORD=*** with ***\" >&2; exit 1 sh --password *** "
                + "exited 1: auth failed: PASSWORD=*** with ***", e.getMessage());
        assertFalse(String.join(" ", e.argv()).contains("s3cret-pw"), e.argv().toString());
        assertEquals("s3cret-pw", e.result().argv().get(6), "the result stays as it ran, for code to diagnose");
        var t = assertThrows(ProcessException.TimedOut.class,
                () -> g.run(List.of("sh", "-c", "sleep 30", "--token=literal-Secret-9"), Duration.ofMillis(200)));
        assertEquals("sh -c sleep 30 --token=*** did not finish in 0 s and was stopped", t.getMessage());
    }

    @Test
    void aProcessPastItsTimeoutIsKilled() {
        long t0 = System.nanoTime();
        var e = assertThrows(ProcessException.TimedOut.class,
                () -> gateway.run(List.of("sleep", "30"), Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(6));
        assertEquals("sleep 30 did not finish in 0 s and was stopped", e.getMessage());
    }

    @Test
    void aMissingProgramSaysHowToInstallIt() {
        var e = assertThrows(ProcessException.Missing.class,
                () -> new ProcessGateway().run(List.of("podman-compose-not-here"), Duration.ofSeconds(1)));
        assertEquals("'podman-compose-not-here' is not installed or not on PATH", e.getMessage());
        assertEquals("'podman' is not installed or not on PATH: install it with 'apt-get install podman' "
                + "(Debian/Ubuntu) or from podman.io", new ProcessException.Missing(List.of("podman"),
                "install it with 'apt-get install podman' (Debian/Ubuntu) or from podman.io").getMessage());
    }

    @Test
    void theEnvironmentIsPassed() throws Exception {
        assertEquals("hello\n", gateway.run(List.of("printenv", "COCKPIT_TEST_VAR"), Duration.ofSeconds(5)).stdout());
        assertEquals("x\n", gateway.with(Map.of("COCKPIT_TEST_VAR", "x"))
                .run(List.of("printenv", "COCKPIT_TEST_VAR"), Duration.ofSeconds(5)).stdout());
    }

    @Test
    void aStreamDeliversLinesAsTheyComeAndStopsWhenClosed() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        var stream = gateway.stream(List.of("busybox", "sh", "-c", "echo one; echo two; exec sleep 60"), lines::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("one", "two"), lines);
        assertTrue(stream.alive());
        stream.close();
        assertFalse(stream.alive());
        assertTrue(stream.ended().get(5, TimeUnit.SECONDS).exitCode() != 0);
    }
}
