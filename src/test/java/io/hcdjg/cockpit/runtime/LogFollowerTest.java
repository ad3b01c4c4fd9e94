package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.logs.LogClassifier;
import io.hcdjg.cockpit.logs.LogCounters;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.testing.PodmanStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;

/**
 * A real container that writes a known mix (the demo image in MODE=mix: 39 lines, 10 errors, 6 slow queries, 5 auth
 * failures — the WAF block among them —, 3 destructive, with ANSI, invalid UTF-8, a NUL and a 1 MiB line) is followed;
 * the counts are exact, and after a restart mid-follow every line is there once — none lost, none twice.
 */
@ExtendWith(PodmanStack.class)
class LogFollowerTest {
    static final String NAME = "cockpit-logmix-" + ProcessHandle.current().pid();
    PodmanStack.Handle stack;

    @AfterEach
    void remove() throws Exception {
        if (stack != null) {
            stack.podman().rm(NAME, null, Duration.ofSeconds(30), null);
        }
    }

    /**
     * Until the {@code runs}-th "mix done" (the mix's last line) is in: the stream is in order, so every line of that
     * run is in by then, and any repeat of an earlier run came before it and is counted by the assertions that follow.
     */
    private static void awaitMix(LogBuffer buffer, int runs) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> buffer.find("mix done").length >= runs);
    }

    private static int count(LogBuffer b, int cls) {
        return b.withClasses(cls, b.first(), b.end()).size();
    }

    @ParameterizedTest(name = "through podman logs: {0}")
    @ValueSource(booleans = {false, true})
    void aKnownMixIsCountedExactlyAndARestartLosesAndRepeatsNothing(boolean viaPodmanLogs, PodmanStack.Handle stack)
            throws Exception {
        this.stack = stack;
        stack.cli(Duration.ofSeconds(60), "run", "-d", "--name", NAME, "-e", "MODE=mix",
                "localhost/cockpit-demo/analytics-api:1");
        LogBuffer buffer = new LogBuffer(1_000_000);
        LogCounters counters = new LogCounters();
        LogIngest ingest = new LogIngest(LogClassifier.defaults(), buffer, counters, System::currentTimeMillis);
        LogFollower follower = new LogFollower(stack.podman(), NAME, ingest, "--since=24h", true, s -> { });
        assertTrue(stack.podman().logFile(NAME).isPresent(), "on the local engine the log file is read");
        try (LogFollower f = (viaPodmanLogs ? follower.viaPodmanLogs() : follower).start()) {
            awaitMix(buffer, 1);
            assertEquals(39, buffer.size());
            assertEquals(10, count(buffer, LogClassifier.ERROR));
            assertEquals(6, count(buffer, LogClassifier.SLOW_QUERY));
            assertEquals(5, count(buffer, LogClassifier.AUTH_FAILURE));
            assertEquals(3, count(buffer, LogClassifier.DESTRUCTIVE));
            assertEquals(10, counters.count(LogClassifier.ERROR, Duration.ofHours(1), Instant.now()));
            List<String> texts = new ArrayList<>();
            for (long s = buffer.first(); s < buffer.end(); s++) {
                texts.add(buffer.text(s, 200));
            }
            assertTrue(texts.stream().anyMatch(t -> t.contains("bytes: \uFFFD(\uFFFD ok")), 
                    () -> "invalid UTF-8 shown safely: " + texts.stream().filter(t -> t.contains("bytes")).toList());
            assertTrue(texts.stream().anyMatch(t -> t.contains("a NUL\u0000byte inside")));
            assertTrue(texts.stream().anyMatch(t -> t.contains("\u001B[31m[ERROR]")), "ANSI kept in the store");
            assertTrue(buffer.length(buffer.first() + 35) > 1_000_000, "the 1 MiB line is kept whole");

            // The container restarts mid-follow and writes the mix again: 78 lines, each once.
            assertTrue(stack.podman().restart(List.of(NAME), Duration.ofSeconds(1), Duration.ofSeconds(60), null).ok());
            awaitMix(buffer, 2);
            assertEquals(78, buffer.size());
            assertEquals(20, count(buffer, LogClassifier.ERROR));
            assertEquals(6, count(buffer, LogClassifier.DESTRUCTIVE));
            assertEquals(20, counters.count(LogClassifier.ERROR, Duration.ofHours(1), Instant.now()));

            // Removed and created again under the same name (compose up --force-recreate): its new log follows.
            assertTrue(stack.podman().rm(NAME, Duration.ofSeconds(1), Duration.ofSeconds(60), null).ok());
            stack.cli(Duration.ofSeconds(60), "run", "-d", "--name", NAME, "-e", "MODE=mix",
                    "localhost/cockpit-demo/analytics-api:1");
            awaitMix(buffer, 3);
            assertEquals(117, buffer.size());
            assertEquals(30, count(buffer, LogClassifier.ERROR));
        }
    }

    @Test
    void aTailStartsAtTheLastRecordsOfTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ctr.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) { // several read blocks
            text.append("2026-11-28T07:00:00.000000000+00:00 stdout F line ").append(i).append('\n');
        }
        Files.writeString(file, text);
        try (FileChannel ch = FileChannel.open(file)) {
            long at = LogFollower.tailStart(ch, 100);
            ByteBuffer b = ByteBuffer.allocate(100);
            ch.read(b, at);
            String first = new String(b.array(), StandardCharsets.UTF_8);
            assertEquals("2026-11-28T07:00:00.000000000+00:00 stdout F line 49900",
                    first.substring(0, first.indexOf('\n')));
            assertEquals(0, LogFollower.tailStart(ch, 60_000));
        }
    }
}
