package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.LogFormat;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.stage.Window;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.HashSet;
import java.util.Set;

/**
 * The log pane's rows as text: drawn by the canvas (time, service in a merged view, the cleaned text; colour by class
 * or level), copied, exported, or opened in full. Rows address the sources the pane shows now.
 */
final class LogLines implements LogCanvas.Lines {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Supplier<List<LogSource>> shown;
    private final BooleanSupplier withTime;

    LogLines(Supplier<List<LogSource>> shown, BooleanSupplier withTime) {
        this.shown = shown;
        this.withTime = withTime;
    }

    @Override
    public String text(long row) {
        return valid(row) ? line(row, withTime.getAsBoolean()) : "";
    }

    @Override
    public String style(long row) {
        if (!valid(row)) {
            return "ck-log-info";
        }
        LogSource s = shown.get().get(LogRows.source(row));
        return LogFormat.style(s.classes(LogRows.seq(row)), s.text(LogRows.seq(row), 80));
    }

    @Override
    public Color marker(long row) {
        return shown.get().size() > 1 ? Color.web(
                LogFormat.SERVICE_COLORS[LogRows.source(row) % LogFormat.SERVICE_COLORS.length]) : null;
    }

    private boolean valid(long row) {
        List<LogSource> in = shown.get();
        int s = LogRows.source(row);
        return s < in.size() && LogRows.seq(row) >= in.get(s).first();
    }

    String line(long row, boolean time) {
        List<LogSource> in = shown.get();
        LogSource s = in.get(LogRows.source(row));
        long seq = LogRows.seq(row);
        String prefix = (time ? TS.format(Instant.ofEpochMilli(s.timestamp(seq))) + " " : "")
                + (in.size() > 1 ? s.service() + " | " : "");
        return prefix + LogFormat.shown(s.text(seq, LogFormat.SHOWN + 1), s.length(seq));
    }

    /** The rows' full text, cleaned, one per line, onto the clipboard. */
    void copy(Iterable<Long> rows) {
        List<String> lines = new ArrayList<>();
        for (Long r : rows) {
            LogSource s = shown.get().get(LogRows.source(r));
            lines.add(LogFormat.clean(s.text(LogRows.seq(r), -1)));
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(String.join("\n", lines));
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** The rows of the lines that contain {@code term} (case-insensitive); blocks: scans every line. */
    static Set<Long> find(List<LogSource> in, String term) {
        Set<Long> found = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            for (long seq : in.get(i).find(term)) {
                found.add(LogRows.pack(i, seq));
            }
        }
        return found;
    }

    /** Writes the rows with time and service, full text; blocks. Lines dropped meanwhile are left out. */
    static String export(Path file, List<LogSource> in, long[] rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long r : rows) {
                LogSource s = in.get(LogRows.source(r));
                long seq = LogRows.seq(r);
                if (seq < s.first()) {
                    continue;
                }
                w.write(Instant.ofEpochMilli(s.timestamp(seq)) + " " + s.service() + " | "
                        + LogFormat.clean(s.text(seq, -1)));
                w.newLine();
            }
        }
        return "exported " + rows.length + " lines to " + file;
    }

    /** A double-clicked row in full, in a dialog. */
    void full(Window owner, long row) {
        LogSource s = shown.get().get(LogRows.source(row));
        TextArea t = new TextArea(LogFormat.clean(s.text(LogRows.seq(row), -1)));
        t.setWrapText(true);
        t.setEditable(false);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(s.container() + " — full line");
        d.getDialogPane().setContent(t);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Theme.dress(d.getDialogPane());
        d.show();
    }
}
