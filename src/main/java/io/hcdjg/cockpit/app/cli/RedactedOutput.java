package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.config.Redaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * The CLI's stdout and stderr: every line passes through the redaction before it is written, whatever printed it (a
 * command's table or JSON, a log line, an outcome, picocli's messages). Lines are held until their newline so that a
 * secret is never split across two writes; a flush writes what is held (an explicit one: see {@link #over}).
 */
final class RedactedOutput extends OutputStream {
    private final PrintStream out;
    private final Charset charset;
    private final Supplier<Redaction> redaction;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactedOutput(PrintStream out, Supplier<Redaction> redaction) {
        this.out = out;
        this.charset = out.charset();
        this.redaction = redaction;
    }

    /**
     * A print stream in {@code out}'s charset whose lines reach {@code out} redacted by what {@code redaction} gives.
     * Not auto-flushing: a print stream that is flushes after every piece of a printf, which would cut lines (and a
     * secret) in two; each line reaches {@code out} when its newline comes, and the rest when this stream is flushed.
     */
    static PrintStream over(PrintStream out, Supplier<Redaction> redaction) {
        return new PrintStream(new RedactedOutput(out, redaction), false, out.charset());
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit(true);
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                emit(true);
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            emit(false);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush(); // the streams are the caller's (System.out in the jar): never closed here
    }

    private void emit(boolean newline) {
        byte[] text = redaction.get().text(line.toString(charset)).getBytes(charset);
        out.write(text, 0, text.length);
        if (newline) {
            out.write('\n');
        }
        line.reset();
    }
}
