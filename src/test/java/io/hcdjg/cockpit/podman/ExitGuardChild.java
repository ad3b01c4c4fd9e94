package io.hcdjg.cockpit.podman;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A cockpit in miniature for {@link ExitGuardTest}: a child followed, work in flight, then ended by a signal. */
public final class ExitGuardChild {
    private ExitGuardChild() {
    }

    public static void main(String[] args) throws Exception {
        Path marker = Path.of(args[0]);
        ProcessGateway.Streaming follow = new ProcessGateway().stream(List.of("sleep", "300"), line -> { });
        long child = ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep"))
                .findFirst().orElseThrow().pid();
        try (AutoCloseable inFlight = ExitGuard.beforeExit("a restore", () -> write(marker))) {
            System.out.println("ready " + child + " " + follow.alive());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    private static void write(Path marker) {
        try {
            Files.writeString(marker, "the stack started again");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
