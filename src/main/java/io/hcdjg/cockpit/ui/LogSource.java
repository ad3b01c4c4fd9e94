package io.hcdjg.cockpit.ui;

/**
 * One followed container's log, as the log pane reads it: lines addressed by a sequence number that never changes,
 * from {@link #first()} (older ones were dropped) to {@link #end()} (exclusive). Read from any thread.
 */
public interface LogSource {
    String service();

    String container();

    long first();

    long end();

    long dropped();

    long timestamp(long seq);

    int classes(long seq);

    /** Bytes of the line as stored (it may be longer than what the view shows). */
    int length(long seq);

    /** The line's text, at most {@code maxChars} characters (-1: all). */
    String text(long seq, int maxChars);

    /** Sequence numbers of the lines that contain {@code literal}, case-insensitive, scanning the raw bytes. */
    long[] find(String literal);
}
