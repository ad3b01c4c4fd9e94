package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.model.LogClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Classifies a log file on disk (an export, a saved {@code podman logs}): the file is split at line boundaries into one
 * part per core, each read in large blocks into its own buffer and scanned by the classifier.
 */
public final class LogFiles {
    static final int BLOCK = 1 << 20;

    private LogFiles() {
    }

    /** Lines per class (index = class bit position), then total lines, then lines in any class. */
    public static long[] classify(Path file, LogClassifier classifier) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            int parts = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / BLOCK));
            long[] starts = new long[parts + 1];
            for (int i = 1; i < parts; i++) {
                starts[i] = nextLine(ch, size * i / parts);
            }
            starts[parts] = size;
            return IntStream.range(0, parts).parallel().mapToObj(i -> part(ch, starts[i], starts[i + 1], classifier))
                    .reduce(new long[LogClass.ALL.size() + 2], LogFiles::add);
        }
    }

    private static long nextLine(FileChannel ch, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(4096);
        long pos = at;
        while (true) {
            one.clear();
            int n = ch.read(one, pos);
            if (n <= 0) {
                return ch.size();
            }
            for (int i = 0; i < n; i++) {
                if (one.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
    }

    private static long[] part(FileChannel ch, long from, long to, LogClassifier classifier) {
        long[] counts = new long[LogClass.ALL.size() + 2];
        ByteBuffer buf = ByteBuffer.allocate(BLOCK);
        byte[] a = buf.array();
        int carried = 0;
        long pos = from;
        try {
            while (true) {
                buf.clear().position(carried).limit((int) Math.min(BLOCK, carried + (to - pos)));
                int n = pos < to ? ch.read(buf, pos) : 0;
                if (n > 0) {
                    pos += n;
                }
                int end = carried + Math.max(n, 0);
                int last = end;
                while (last > 0 && a[last - 1] != '\n') {
                    last--;
                }
                if (last == 0 && end == BLOCK) {
                    last = end; // a line longer than a block: classified in pieces
                }
                classifier.classifyLines(a, 0, last, (s, e, c) -> add(counts, c));
                carried = end - last;
                System.arraycopy(a, last, a, 0, carried);
                if (n <= 0 && pos >= to) {
                    if (carried > 0) { // a last line without a newline
                        a[carried] = '\n';
                        classifier.classifyLines(a, 0, carried + 1, (s, e, c) -> add(counts, c));
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static void add(long[] counts, int c) {
        counts[counts.length - 2]++;
        if (c != 0) {
            counts[counts.length - 1]++;
            for (int k = 0; k < counts.length - 2; k++) {
                if ((c & (1 << k)) != 0) {
                    counts[k]++;
                }
            }
        }
    }

    private static long[] add(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
