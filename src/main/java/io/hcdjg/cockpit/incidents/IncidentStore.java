package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.config.PrivateFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import io.hcdjg.cockpit.config.AppDirs;

/**
 * Incidents and the timeline as an append-only file of JSON lines. Every write happens under an exclusive file lock
 * (the window and the CLI share the file), first reads what others appended, and is forced to disk before it returns:
 * an event reported written survives a kill -9 of the process or a crash of the machine. A line cut short by a crash
 * mid-write is ignored and cut off by the next write; a line that is not an event is skipped and reported. Every
 * event's text and data pass through the {@link Redaction} on the way in and on the way out (a note, an escalation's
 * result or a health reason may quote a secret; a line written before a secret was configured is hidden when read).
 * Past {@link #ROTATE_AT} bytes the file rotates ({@link StoreRotation}): it is kept whole as an archive and the store
 * starts again with what is still at work, so a store of months is neither read whole nor folded whole every round.
 */
public final class IncidentStore {
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The size past which the file rotates. */
    public static final long ROTATE_AT = 8L << 20;
    private static final int MAX_UNSAVED = 10_000;

    private final Path file;
    private final Redaction redaction;
    private final long rotateAt;
    private Object readKey; // the identity of the file read so far (a rotation replaces it)
    private final List<IncidentEvent> unsaved = new ArrayList<>(); // see record
    private final List<IncidentEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long readUpTo;
    private int lineNo;

    public IncidentStore(Path file, Redaction redaction) {
        this(file, redaction, ROTATE_AT);
    }

    IncidentStore(Path file, Redaction redaction, long rotateAt) {
        this.file = file;
        this.redaction = redaction;
        this.rotateAt = rotateAt;
    }

    /** The built-in redaction only: for tests and tools without a config. */
    public IncidentStore(Path file) {
        this(file, Redaction.DEFAULT);
    }

    /** {@code $XDG_DATA_HOME/hcd-janusgraph-cockpit/incidents.jsonl} (default {@code ~/.local/share/...}). */
    public static Path defaultFile(Map<String, String> env) {
        return AppDirs.data(env).resolve("incidents.jsonl");
    }

    public Path file() {
        return file;
    }

    /** Every event read so far, oldest first. */
    public synchronized List<IncidentEvent> events() {
        return List.copyOf(events);
    }

    /** Lines that could not be read, with their line numbers. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Reads what was appended since the last read (by this process or another). */
    public synchronized void refresh() throws IOException {
        for (;;) {
            Object before = PrivateFiles.identity(file);
            if (before == null) {
                return;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                // the file opened must be the one named, not one rotated away meanwhile
                if (before.equals(PrivateFiles.identity(file))) {
                    readFrom(ch, before);
                    return;
                }
            }
        }
    }

    /**
     * Under the file lock: reads what others appended, asks {@code change} what to append given every event, appends
     * it and forces it to disk.
     *
     * @return what was appended
     */
    public synchronized List<IncidentEvent> append(Function<List<IncidentEvent>, List<IncidentEvent>> change)
            throws IOException {
        // A file lock is held by the whole JVM: two stores on one file in one JVM would overlap, so they take turns.
        ReentrantLock inThisJvm = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(),
                f -> new ReentrantLock());
        inThisJvm.lock();
        boolean interrupted = Thread.interrupted(); // as the audit log: an interrupt would close the channel mid-write
        try {
            for (;;) {
                Object before = PrivateFiles.identity(file);
                try (FileChannel ch = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                    // Locked, the file must still be the one named: another process may have rotated it meanwhile.
                    if (before != null && before.equals(PrivateFiles.identity(file))) {
                        return appendLocked(ch, before, change);
                    }
                }
            }
        } finally {
            inThisJvm.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * As {@link #append}, for what the cockpit records by itself (health transitions, alerts, escalations due): what
     * could not be written (a full or read-only disk) is kept and written first by the next call, and {@code change}
     * sees it as if stored, so nothing seen while the disk was full is lost or recorded twice.
     */
    public synchronized List<IncidentEvent> record(Function<List<IncidentEvent>, List<IncidentEvent>> change)
            throws IOException {
        List<IncidentEvent> made = new ArrayList<>();
        try {
            List<IncidentEvent> added = append(stored -> {
                List<IncidentEvent> all = new ArrayList<>(stored);
                all.addAll(unsaved);
                made.addAll(unsaved);
                made.addAll(change.apply(List.copyOf(all)));
                return made;
            });
            unsaved.clear();
            return added;
        } catch (IOException e) {
            if (!made.isEmpty()) {
                unsaved.clear();
                unsaved.addAll(made.subList(Math.max(0, made.size() - MAX_UNSAVED), made.size()));
            }
            throw e;
        }
    }

    private List<IncidentEvent> appendLocked(FileChannel ch, Object key,
                                             Function<List<IncidentEvent>, List<IncidentEvent>> change)
            throws IOException {
        readFrom(ch, key);
        if (ch.size() > readUpTo) { // a line cut short by a crash: drop it, so that the next line starts clean
            ch.truncate(readUpTo);
        }
        List<IncidentEvent> added = change.apply(List.copyOf(events)).stream().map(this::redacted).toList();
        if (added.isEmpty()) {
            return added;
        }
        ByteBuffer buf = ByteBuffer.wrap(lines(added));
        long at = readUpTo;
        try {
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
            ch.force(true);
        } catch (IOException e) { // a full disk: no half of the batch stays to be read as written
            try {
                ch.truncate(readUpTo);
            } catch (IOException kept) {
                e.addSuppressed(kept);
            }
            throw e;
        }
        readUpTo = at;
        lineNo += added.size();
        events.addAll(added);
        if (at > rotateAt && StoreRotation.due(events)) {
            rotate();
        }
        return added;
    }

    /**
     * Under the lock: the file becomes an archive (a second name for it, so that nothing is copied and a writer
     * waiting for the lock finds it is no longer the store), and a new file with what is kept replaces it at once.
     */
    private void rotate() throws IOException {
        Path archive = PrivateFiles.archive(file, StoreRotation.stamp(events.get(events.size() - 1).time()));
        byte[] kept = lines(StoreRotation.kept(events, archive.getFileName().toString(), true));
        if (kept.length > rotateAt / 2) { // the last day alone would fill it: the state and open incidents only
            kept = lines(StoreRotation.kept(events, archive.getFileName().toString(), false));
        }
        Path next = Files.createTempFile(file.toAbsolutePath().getParent(), ".incidents", ".tmp");
        try (FileChannel out = PrivateFiles.open(next, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(kept);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        events.clear();
        readUpTo = 0;
        lineNo = 0;
        readKey = PrivateFiles.identity(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            readFrom(ch, readKey);
        }
    }

    private byte[] lines(List<IncidentEvent> list) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (IncidentEvent e : list) {
            out.write(JSON.writeValueAsBytes(EventJson.toJson(e)));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private void readFrom(FileChannel ch, Object key) throws IOException {
        long size = ch.size();
        if (size < readUpTo || !key.equals(readKey)) { // rotated or replaced: read it anew
            events.clear();
            readUpTo = 0;
            lineNo = 0;
            readKey = key;
        }
        if (size == readUpTo) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - readUpTo, Integer.MAX_VALUE - 16));
        ch.read(buf, readUpTo);
        byte[] bytes = buf.array();
        int start = 0;
        for (int i = 0; i < buf.position(); i++) {
            if (bytes[i] == '\n') {
                lineNo++;
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    try {
                        events.add(redacted(EventJson.fromJson(JSON.readTree(line))));
                    } catch (IOException | RuntimeException e) {
                        problems.add(file + " line " + lineNo + ": not an incident event, skipped ("
                                + e.getMessage().lines().findFirst().orElse("") + ")");
                    }
                }
                start = i + 1;
            }
        }
        readUpTo += start; // an unfinished last line stays unread until its newline arrives
    }

    IncidentEvent redacted(IncidentEvent e) {
        return new IncidentEvent(e.time(), e.type(), e.incident(), e.service(), redaction.text(e.text()),
                redaction.values(e.data()));
    }
}
