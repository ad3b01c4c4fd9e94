package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.config.PrivateFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.nio.channels.FileLock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import io.hcdjg.cockpit.config.AppDirs;
import io.hcdjg.cockpit.config.TailLines;

/**
 * The append-only record of every action that changes the stack: one JSON line when an action starts, one per process
 * it ran (argv, exit code, duration, a digest of the output), one per HTTP call, and one when it ends. Every line says
 * when, who (OS user and host) and through which connection, and is forced to disk before the action goes on. Every
 * text passes through the {@link Redaction}; output is never stored, only its digest. Past {@link #ROTATE_AT} bytes
 * the file is renamed {@code audit-STAMP.jsonl} (kept: the cockpit deletes no audit line) and a new one begins.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The size past which the file is rotated. */
    public static final long ROTATE_AT = 16L << 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Who acts: the OS user and this machine's name. */
    public record Who(String user, String host) {
        /** Asked once: a host name lookup can take seconds when DNS is slow, and does not change while we run. */
        private static final class Local {
            static final Who WHO = new Who(System.getProperty("user.name", "unknown"), hostName());
        }

        public static Who local() {
            return Local.WHO;
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | SecurityException e) {
                String env = System.getenv("HOSTNAME");
                return env != null && !env.isBlank() ? env : "unknown";
            }
        }
    }

    private final Path file;
    private final Clock clock;
    private final Redaction redaction;
    private final Who who; // null: Who.local(), asked at the first entry rather than while the cockpit starts
    private final long rotateAt;

    AuditLog(Path file, Clock clock, Redaction redaction, Who who, long rotateAt) {
        this.file = file;
        this.clock = clock;
        this.redaction = redaction;
        this.who = who;
        this.rotateAt = rotateAt;
    }

    public AuditLog(Path file, Clock clock, Redaction redaction, Who who) {
        this(file, clock, redaction, who, ROTATE_AT);
    }

    public AuditLog(Path file, Clock clock, Redaction redaction) {
        this(file, clock, redaction, null);
    }

    /** The built-in redaction only: for tests and tools without a config. */
    public AuditLog(Path file, Clock clock) {
        this(file, clock, Redaction.DEFAULT);
    }

    /** {@code $XDG_STATE_HOME/hcd-janusgraph-cockpit/audit.jsonl} (default {@code ~/.local/state/...}). */
    public static Path defaultFile(Map<String, String> env) {
        return AppDirs.state(env).resolve("audit.jsonl");
    }

    public Path file() {
        return file;
    }

    /** What every text written here passes through; the actions use it for what they report and show too. */
    public Redaction redaction() {
        return redaction;
    }

    /** Records that an action starts: an action killed midway still leaves a line that says it began. */
    public void started(String connection, String action) throws IOException {
        append(entry(connection, action, "started"));
    }

    /** Records a process an action ran. */
    public void process(String connection, String action, ProcessResult r) throws IOException {
        ObjectNode n = entry(connection, action, "process");
        n.set("argv", JSON.valueToTree(redaction.argv(r.argv())));
        n.put("exitCode", r.exitCode());
        n.put("durationMs", r.took().toMillis());
        n.put("outputSha256", sha256(r.stdout() + "\0" + r.stderr()));
        append(n);
    }

    /** Records an HTTP call an action made (a silence created or expired). */
    public void http(String target, String action, String method, String url, int status, long durationMs)
            throws IOException {
        ObjectNode n = entry(target, action, "http");
        n.put("method", method);
        n.put("url", redaction.text(url));
        n.put("status", status);
        n.put("durationMs", durationMs);
        append(n);
    }

    /** Records how an action ended: done, refused, failed or not verified, with a reason in words. */
    public void outcome(String connection, String action, String outcome, String detail) throws IOException {
        ObjectNode n = entry(connection, action, "outcome");
        n.put("outcome", outcome);
        n.put("detail", redaction.text(detail));
        append(n);
    }

    private ObjectNode entry(String connection, String action, String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", clock.instant().toString());
        Who w = who != null ? who : Who.local();
        n.put("user", w.user());
        n.put("host", w.host());
        n.put("connection", redaction.text(connection));
        n.put("action", redaction.text(action));
        n.put("kind", kind);
        return n;
    }

    private synchronized void append(ObjectNode n) throws IOException {
        byte[] line = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        // A cancelled action (its thread interrupted) is recorded all the same: a file channel would be closed by
        // the interrupt before the line is written, so the flag waits until the line is on disk.
        boolean interrupted = Thread.interrupted();
        try {
            for (;;) {
                Object before = PrivateFiles.identity(file);
                try (FileChannel ch = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND); FileLock ignored = ch.lock()) {
                    // Locked (the window and the CLI share the file), it must still be the one named: not rotated.
                    if (before == null || !before.equals(PrivateFiles.identity(file))) {
                        continue;
                    }
                    ByteBuffer buf = ByteBuffer.wrap(line);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                    if (ch.size() > rotateAt) {
                        PrivateFiles.archive(file, STAMP.format(clock.instant()));
                        Files.delete(file);
                    }
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The rotated files, newest first (their stamps sort as their times). */
    public List<Path> archives() throws IOException {
        return archives(Instant.EPOCH);
    }

    /** The rotated files that may hold lines written at {@code from} or later (rotated then or after), newest first. */
    public List<Path> archives(Instant from) throws IOException {
        String since = STAMP.format(from);
        return PrivateFiles.archives(file, "\\d{8}T\\d{6}\\.\\d{3}Z").stream()
                .filter(a -> a.stamp().compareTo(since) >= 0).map(PrivateFiles.Archive::path).toList();
    }

    /**
     * The last {@code max} lines, newest last, for the audit view, read from the end (the file is not read whole)
     * and on into the archives when it holds fewer; redacted again (a line may predate a secret).
     */
    public List<String> tail(int max) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        files.add(file);
        files.addAll(archives());
        for (Path f : files) {
            if (out.size() >= max) {
                break;
            }
            if (Files.exists(f)) {
                out.addAll(0, TailLines.last(f, max - out.size()));
            }
        }
        return out.stream().map(redaction::text).toList();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
