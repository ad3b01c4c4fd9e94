package io.hcdjg.cockpit.podman;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a process wrote, read up to a size and then stopped (the process ended with it), so that a flood is never held
 * whole: the text, whether it was cut (at the size, or at the deadline), and the exit code when it ended by itself.
 */
public record CappedOutput(String text, boolean cut, int exitCode) {

    static CappedOutput read(ProcessGateway gateway, List<String> argv, int maxBytes, Duration timeout)
            throws ProcessException, InterruptedException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        CompletableFuture<Boolean> full = new CompletableFuture<>();
        try (ProcessGateway.Streaming s = gateway.streamBytes(argv, (buf, n) -> {
            synchronized (got) {
                int room = maxBytes - got.size();
                got.write(buf, 0, Math.max(0, Math.min(room, n)));
                if (n > room) {
                    full.complete(true);
                }
            }
        })) {
            try {
                CompletableFuture.anyOf(s.ended(), full).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                full.complete(true); // what came in time is kept, and said to be cut
            }
            boolean cut = full.isDone();
            int exit = !cut && s.ended().isDone() ? s.ended().join().exitCode() : 0;
            synchronized (got) {
                return new CappedOutput(got.toString(StandardCharsets.UTF_8), cut, exit);
            }
        }
    }
}
