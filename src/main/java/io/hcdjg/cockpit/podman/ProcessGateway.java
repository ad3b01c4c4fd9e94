package io.hcdjg.cockpit.podman;

import io.hcdjg.cockpit.config.Redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.HashMap;

/**
 * The only code of the cockpit that starts processes. Argv lists only, never a shell string; every run has a timeout
 * and is killed at it; stdout and stderr are drained separately; a missing program says how to install it. What it
 * logs and the messages of the exceptions it throws pass through its {@link Redaction}.
 */
public class ProcessGateway {
    private static final Logger LOG = Logger.getLogger(ProcessGateway.class.getName());
    private static final Map<String, String> INSTALL_HINTS = Map.of(
            "podman", "install it with 'apt-get install podman' (Debian/Ubuntu) or from podman.io",
            "podman-compose", "install it with 'apt-get install podman-compose' or 'pip install podman-compose'",
            "mvn", "install Maven with 'apt-get install maven'",
            "tar", "install it with 'apt-get install tar'");

    private final Map<String, String> environment;
    private final Redaction redaction;

    /**
     * @param environment extra variables for every process (e.g. CONTAINER_CONNECTION for podman-compose)
     * @param redaction   what is hidden from its log lines and exception messages
     */
    public ProcessGateway(Map<String, String> environment, Redaction redaction) {
        this.environment = Map.copyOf(environment);
        this.redaction = redaction;
    }

    public ProcessGateway(Map<String, String> environment) {
        this(environment, Redaction.DEFAULT);
    }

    public ProcessGateway(Redaction redaction) {
        this(Map.of(), redaction);
    }

    /** The built-in redaction only: for code that runs before a config is read (the relaunch) and for tests. */
    public ProcessGateway() {
        this(Map.of());
    }

    /** A gateway whose processes also see these variables. */
    public ProcessGateway with(Map<String, String> more) {
        var all = new HashMap<>(environment);
        all.putAll(more);
        return new ProcessGateway(all, redaction);
    }

    /** Runs to completion; a non-zero exit is a {@link ProcessException.Failed}. */
    public ProcessResult run(List<String> argv, Duration timeout) throws ProcessException {
        ProcessResult r = runAllowingFailure(argv, timeout, null, null);
        if (!r.ok()) {
            throw new ProcessException.Failed(r, redaction);
        }
        return r;
    }

    /** Runs to completion and returns whatever the exit code. */
    public ProcessResult runAllowingFailure(List<String> argv, Duration timeout) throws ProcessException {
        return runAllowingFailure(argv, timeout, null, null);
    }

    /**
     * Runs to completion, handing each line of stdout and stderr to {@code onLine} as it comes (for progress), in a
     * working directory when {@code dir} is not null.
     */
    public ProcessResult runAllowingFailure(List<String> argv, Duration timeout, Path dir, Consumer<String> onLine)
            throws ProcessException {
        long t0 = System.nanoTime();
        Process p = start(argv, dir);
        CompletableFuture<String> out = drain(p.getInputStream(), onLine, true);
        CompletableFuture<String> err = drain(p.getErrorStream(), onLine, true);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new ProcessException.TimedOut(argv, timeout, redaction);
            }
            ProcessResult r = new ProcessResult(argv, p.exitValue(), out.join(), err.join(),
                    Duration.ofNanos(System.nanoTime() - t0));
            LOG.log(Level.FINE, () -> String.join(" ", redaction.argv(argv)) + " -> " + r.exitCode() + " in "
                    + r.took().toMillis() + " ms");
            return r;
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new ProcessException(argv, String.join(" ", redaction.argv(argv)) + " was cancelled", redaction);
        }
    }

    /**
     * Runs a process that shares this one's terminal (stdin, stdout, stderr) until it exits, and returns its exit code;
     * it is killed if this JVM is stopped first.
     */
    public int runAttached(List<String> argv) throws ProcessException, InterruptedException {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
            pb.environment().putAll(environment);
            p = pb.start();
        } catch (IOException e) {
            throw new ProcessException(argv, "cannot start " + argv.getFirst() + ": " + e.getMessage(), redaction);
        }
        Thread stop = new Thread(() -> kill(p));
        Runtime.getRuntime().addShutdownHook(stop);
        int code = p.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }

    /**
     * Starts a long-running process (a follow, an event stream) whose stdout lines go to {@code onLine}; stderr is
     * kept for the error message. Close the handle to stop it.
     */
    public Streaming stream(List<String> argv, Consumer<String> onLine) throws ProcessException {
        Process p = start(argv, null);
        CompletableFuture<String> err = drain(p.getErrorStream(), null, true);
        CompletableFuture<String> out = drain(p.getInputStream(), onLine, false);
        return new Streaming(argv, p, out, err);
    }

    /** Receives raw stdout bytes as they come: {@code buf[0, n)}; the array is reused after the call returns. */
    @FunctionalInterface
    public interface Bytes {
        void accept(byte[] buf, int n);
    }

    /**
     * Starts a long-running process whose stdout and stderr go to {@code onBytes} in large reads, undecoded (log
     * follows: no String per line, invalid UTF-8 kept as it is). Close the handle to stop it.
     */
    public Streaming streamBytes(List<String> argv, Bytes onBytes) throws ProcessException {
        Process p = start(argv, null, true);
        CompletableFuture<String> err = CompletableFuture.completedFuture("");
        CompletableFuture<String> out = new CompletableFuture<>();
        Thread.ofPlatform().name("process-bytes").daemon(true).start(() -> {
            byte[] buf = new byte[1 << 16];
            try (InputStream in = p.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    onBytes.accept(buf, n);
                    if (n < buf.length / 4) {
                        // podman writes a line per syscall: reading each as it comes costs a wake-up per line on
                        // both sides; a 2 ms nap lets the pipe fill instead (64 KiB holds ~5 ms of podman's fastest
                        // output)
                        Thread.sleep(2);
                    }
                }
            } catch (IOException e) {
                // killed while reading
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.complete("");
        });
        return new Streaming(argv, p, out, err);
    }

    /** A running stream; {@link #ended()} completes with the process's result when it stops by itself or is closed. */
    public static final class Streaming implements AutoCloseable {
        private final Process process;
        private final CompletableFuture<ProcessResult> ended;

        Streaming(List<String> argv, Process process, CompletableFuture<String> out, CompletableFuture<String> err) {
            this.process = process;
            long t0 = System.nanoTime();
            this.ended = out.thenCombine(err, (o, e) -> {
                try {
                    return new ProcessResult(argv, process.waitFor(), o, e, Duration.ofNanos(System.nanoTime() - t0));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return new ProcessResult(argv, -1, o, e, Duration.ofNanos(System.nanoTime() - t0));
                }
            });
        }

        public CompletableFuture<ProcessResult> ended() {
            return ended;
        }

        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public void close() {
            kill(process);
        }
    }

    private Process start(List<String> argv, Path dir) throws ProcessException {
        return start(argv, dir, false);
    }

    /** @param mergeStderr podman logs writes a container's stderr to its own stderr: both are the log */
    private Process start(List<String> argv, Path dir, boolean mergeStderr) throws ProcessException {
        List<String> found = ProgramPath.onPath(argv, environment.get("PATH"));
        if (found == null) {
            throw new ProcessException.Missing(argv, INSTALL_HINTS.getOrDefault(argv.get(0), ""), redaction);
        }
        ProcessBuilder pb = new ProcessBuilder(found).redirectErrorStream(mergeStderr);
        pb.environment().putAll(environment);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            Process p = pb.start();
            ExitGuard.track(p);
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("error=2") || m.contains("error: 2") || m.contains("No such file or directory")) {
                throw new ProcessException.Missing(argv, INSTALL_HINTS.getOrDefault(argv.get(0), ""), redaction);
            }
            throw new ProcessException(argv, "cannot run " + argv.get(0) + ": " + e.getMessage(), redaction);
        }
    }

    /** Reads lines to the end; {@code keep} collects them (never for an endless stream, whose lines only go on). */
    private static CompletableFuture<String> drain(InputStream in, Consumer<String> onLine, boolean keep) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.ofVirtual().name("process-drain").start(() -> {
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (onLine != null) {
                        onLine.accept(line);
                    }
                    if (keep) {
                        all.append(line).append('\n');
                    }
                }
                done.complete(all.toString());
            } catch (IOException | UncheckedIOException e) {
                done.complete(all.toString()); // the process was killed mid-line
            }
        });
        return done;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
