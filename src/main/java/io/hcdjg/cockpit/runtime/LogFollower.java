package io.hcdjg.cockpit.runtime;

import io.hcdjg.cockpit.config.Durations;
import io.hcdjg.cockpit.logs.CriLog;
import io.hcdjg.cockpit.logs.LogIngest;
import io.hcdjg.cockpit.logs.LogTime;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.time.format.DateTimeParseException;

/**
 * Follows one container's log into a {@link LogIngest}: on the local engine by reading podman's log file itself (a
 * tenth of the cost of {@code podman logs}), else with {@code podman logs -f -t}, whose follow ends when the container
 * stops and is resumed after the last line seen. Either way a restart loses no line and shows none twice.
 */
public final class LogFollower implements AutoCloseable {
    private final Podman podman;
    private final String container;
    private final LogIngest ingest;
    private final String from;
    private final boolean follow;
    private final Consumer<String> status;
    private volatile boolean closed;
    private boolean viaPodmanLogs;
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
    /** The longest log ingest lag since the last call (ms), -1 without a live line meanwhile. */
    public long takeMaxLag() {
        synchronized (ingest) {
            return ingest.takeMaxLag();
        }
    }

    public CompletableFuture<Void> done() {
        return done;
    }

    private void run() {
        try {
            Optional<Path> file = viaPodmanLogs ? Optional.empty() : podman.logFile(container);
            Long since = sinceMillis(from);
            if (file.isPresent() && since != null) {
                readFile(file.get(), since);
            } else {
                readPodmanLogs();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.complete(null);
        }
    }

    /** The path a remote connection takes ({@code podman logs}) even where the file could be read: tests, benches. */
    public LogFollower viaPodmanLogs() {
        viaPodmanLogs = true;
        return this;
    }

    /**
     * Reads the container's log file from where {@code from} says and, following, polls it for more. The file lives
     * as long as the container (a restart appends to it); a truncated file is read again after the last line seen,
     * and when the container is removed its successor's file is looked up and read after the last line seen.
     */
    private void readFile(Path file, long since) throws InterruptedException {
        CriLog cri = new CriLog(ingest, since);
        byte[] buf = new byte[1 << 20];
        long pos = -1;
        while (!closed) {
            status.accept((follow ? "following " : "reading ") + container);
            try (FileChannel ch = FileChannel.open(file)) {
                pos = pos < 0 && from.startsWith("--tail=") ? tailStart(ch, Integer.parseInt(from.substring(7))) : 0;
                int quiet = 0; // polls in a row that found nothing: a quiet log is looked at less often
                while (!closed) {
                    int n = ch.read(ByteBuffer.wrap(buf), pos);
                    if (n > 0) {
                        quiet = 0;
                        pos += n;
                        synchronized (ingest) {
                            cri.accept(buf, 0, n);
                        }
                    } else if (!follow) {
                        break;
                    } else if (ch.size() < pos) {
                        pos = 0;
                        cri.since(ingest.lastTimestamp());
                    } else if (!Files.exists(file)) {
                        break;
                    } else {
                        Thread.sleep(Math.min(MAX_POLL_MS, POLL_MS + 50L * quiet++));
                    }
                }
            } catch (IOException e) {
                status.accept("log file of " + container + ": " + e.getMessage());
            }
            synchronized (ingest) {
                cri.finish();
            }
            if (!follow) {
                return;
            }
            status.accept(container + " removed; waiting for it to run again");
            Optional<Path> next;
            while ((next = podman.logFile(container)).isEmpty() && !closed) {
                Thread.sleep(2000);
            }
            file = next.orElse(file);
            cri.since(ingest.lastTimestamp());
        }
    }

    /** How often a log file is looked at for more while it grows; a quiet one less often, down to MAX_POLL_MS. */
    static final long POLL_MS = 100;
    static final long MAX_POLL_MS = 1000;

    /** Where the last {@code lines} records of the file start. */
    static long tailStart(FileChannel ch, int lines) throws IOException {
        long end = ch.size();
        long pos = end;
        int seen = 0;
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        while (pos > 0) {
            int n = (int) Math.min(b.capacity(), pos);
            pos -= n;
            b.clear().limit(n);
            while (b.hasRemaining() && ch.read(b, pos + b.position()) > 0) {
                // fill the block
            }
            for (int i = n - 1; i >= 0; i--) {
                if (b.get(i) == '\n' && pos + i != end - 1 && ++seen == lines) {
                    return pos + i + 1;
                }
            }
        }
        return 0;
    }

    /**
     * Podman's {@code --since} (a duration back or an instant) in epoch ms; MIN for a {@code --tail}; null: unknown.
     */
    static Long sinceMillis(String from) {
        if (from.startsWith("--tail=")) {
            return Long.MIN_VALUE;
        }
        String since = from.substring("--since=".length());
        var back = Durations.parse(since);
        if (back.isPresent()) {
            return System.currentTimeMillis() - back.get().toMillis();
        }
        try {
            return Instant.parse(since).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code podman logs -t}: the only way over a remote connection. */
    private void readPodmanLogs() throws InterruptedException {
        int failures = 0;
        String start = from;
        while (!closed) {
            long before = ingest.lines();
            try {
                status.accept(follow ? "following " + container : "reading " + container);
                stream = podman.logs(container, start, follow, (buf, n) -> {
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
