package io.hcdjg.cockpit.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The last lines of a file, read backwards from its end in blocks: a log of months costs what the lines cost. */
public final class TailLines {
    private static final int BLOCK = 64 * 1024;

    private TailLines() {
    }

    /** Up to {@code max} whole lines (a last line without its newline counts), oldest first. */
    public static List<String> last(Path file, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        if (max <= 0) {
            return lines;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = ch.size();
            ByteArrayOutputStream line = new ByteArrayOutputStream(); // the current line, its bytes reversed
            boolean skipFinalNewline = true;
            ByteBuffer buf = ByteBuffer.allocate(BLOCK);
            while (pos > 0 && lines.size() < max) {
                int n = (int) Math.min(BLOCK, pos);
                pos -= n;
                buf.clear().limit(n);
                while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
                    // read on
                }
                byte[] b = buf.array();
                for (int i = n - 1; i >= 0 && lines.size() < max; i--) {
                    if (b[i] == '\n') {
                        if (!skipFinalNewline) {
                            lines.add(reversed(line));
                        }
                        line.reset();
                    } else {
                        line.write(b[i]);
                    }
                    skipFinalNewline = false;
                }
            }
            if (pos == 0 && line.size() > 0 && lines.size() < max) {
                lines.add(reversed(line));
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    private static String reversed(ByteArrayOutputStream line) {
        byte[] b = line.toByteArray();
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
