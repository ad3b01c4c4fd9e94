package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.logs.LogTime;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Follows one container's log with {@code podman logs -f -t} into a {@link LogIngest}. When the container stops (or
 * restarts) the follow ends; it is resumed after the last line seen, with back-off while the container is down, so
 * nothing is lost or shown twice.
 */
public final class LogFollower implements AutoCloseable {
    private final Podman podman;
    private final String container;
    private final LogIngest ingest;
    private final String from;
    private final boolean follow;
    private final Consumer<String> status;
    private volatile boolean closed;
    private volatile ProcessGateway.Streaming stream;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /**
     * @param from   where to start: "--tail=N" or "--since=24h" (podman's own option)
     * @param follow false reads what there is and ends (the CLI without --follow)
     * @param status what the follower is doing, for the view ("following", "container stopped, waiting")
     */
    public LogFollower(Podman podman, String container, LogIngest ingest, String from, boolean follow,
                       Consumer<String> status) {
        this.podman = podman;
        this.container = container;
        this.ingest = ingest;
        this.from = from;
        this.follow = follow;
        this.status = status;
    }

    public LogFollower start() {
        Thread.ofPlatform().name("logs-" + container).daemon(true).start(this::run);
        return this;
    }

    /** Completes when a one-shot read has ended (or the follower was closed). */
    public CompletableFuture<Void> done() {
        return done;
    }

    private void run() {
        int failures = 0;
        String start = from;
        try {
            while (!closed) {
                List<String> args = new ArrayList<>(List.of("logs", "-t"));
                if (follow) {
                    args.add("-f");
                }
                args.add(start);
                args.add(container);
                long before = ingest.lines();
                try {
                    status.accept(follow ? "following " + container : "reading " + container);
                    stream = podman.gateway().streamBytes(podman.argv(args.toArray(String[]::new)), (buf, n) -> {
                        synchronized (ingest) {
                            ingest.accept(buf, 0, n);
                        }
                    });
                    var result = stream.ended().join();
                    synchronized (ingest) {
                        ingest.finish();
                    }
                    if (!follow || closed) {
                        return;
                    }
                    // A stopped container's log ends at once: back off until it runs (and writes) again.
                    failures = ingest.lines() > before ? 0 : failures + 1;
                    status.accept(result.exitCode() == 0 ? container + " stopped; waiting for it to run again"
                            : "podman logs " + container + ": " + result.stderr().strip());
                } catch (ProcessException e) {
                    status.accept(e.getMessage());
                    failures++;
                    if (!follow) {
                        return;
                    }
                }
                long last = ingest.lastTimestamp();
                if (last != LogTime.NONE) {
                    // Resume just after the last line seen, so a restart shows no line twice.
                    start = "--since=" + Instant.ofEpochMilli(last + 1);
                }
                Thread.sleep(Math.min(5000, 500L << Math.min(failures, 4)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.complete(null);
        }
    }

    @Override
    public void close() {
        closed = true;
        ProcessGateway.Streaming s = stream;
        if (s != null) {
            s.close();
        }
    }

}
