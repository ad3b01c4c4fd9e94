package io.hcdjg.cockpit.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.podman.ProcessResult;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The append-only record of every action that changes the stack: one JSON line per process an action ran (time,
 * connection, action, argv, exit code, duration, a digest of the output) and one per outcome. Each line is forced to
 * disk before the action is reported. Secrets are redacted from argv; output is never stored, only its digest.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_ARG = Pattern.compile("(?i)(password|passwd|secret|token|api[_-]?key)");

    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** {@code $XDG_STATE_HOME/hcd-janusgraph-cockpit/audit.jsonl} (default {@code ~/.local/state/...}). */
    public static Path defaultFile(Map<String, String> env) {
        return io.hcdjg.cockpit.config.AppDirs.state(env).resolve("audit.jsonl");
    }

    public Path file() {
        return file;
    }

    /** Records a process an action ran. */
    public void process(String connection, String action, ProcessResult r) throws IOException {
        ObjectNode n = entry(connection, action, "process");
        n.set("argv", JSON.valueToTree(redact(r.argv())));
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
        n.put("url", url);
        n.put("status", status);
        n.put("durationMs", durationMs);
        append(n);
    }

    /** Records how an action ended: done, refused, failed or not verified, with a reason in words. */
    public void outcome(String connection, String action, String outcome, String detail) throws IOException {
        ObjectNode n = entry(connection, action, "outcome");
        n.put("outcome", outcome);
        n.put("detail", detail);
        append(n);
    }

    private ObjectNode entry(String connection, String action, String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", clock.instant().toString());
        n.put("connection", connection);
        n.put("action", action);
        n.put("kind", kind);
        return n;
    }

    private synchronized void append(ObjectNode n) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** The last {@code max} lines, newest last, for the audit view. */
    public List<String> tail(int max) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    /** The value after a secret-looking flag, and the value of a secret-looking NAME=value, become "***". */
    static List<String> redact(List<String> argv) {
        List<String> out = new ArrayList<>(argv.size());
        boolean hideNext = false;
        for (String a : argv) {
            if (hideNext) {
                out.add("***");
                hideNext = false;
                continue;
            }
            int eq = a.indexOf('=');
            if (eq > 0 && SECRET_ARG.matcher(a.substring(0, eq)).find()) {
                out.add(a.substring(0, eq + 1) + "***");
            } else {
                out.add(a);
                hideNext = a.startsWith("-") && SECRET_ARG.matcher(a).find();
            }
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
