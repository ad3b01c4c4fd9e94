package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.present.LogFormat;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.ArrayList;
import javafx.geometry.VPos;

/**
 * The log pane's lines, drawn on a canvas: whatever the number of rows (a million or more), a frame costs only the
 * visible lines — a ListView's virtual flow walks its whole size cache on every change, which a log flood cannot
 * afford. Monospace, one row height; wrapped rows are split by character count. FX thread only.
 */
final class LogCanvas extends Region {
    static final Font FONT = Font.font("DejaVu Sans Mono", 12);
    static final double ROW = 17;

    /** What the canvas needs to know of a row. */
    interface Lines {
        String text(long row);
        String style(long row);
        /** A colour for the row's service in a merged view, or null. */
        Color marker(long row);
    }

    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final double charWidth;
    private LogRows rows = new LogRows();
    private Lines lines;
    private Set<Long> hits = Set.of();
    private final Set<Long> selected = new HashSet<>();
    private long anchor = -1;
    private int top;
    private boolean wrap;
    private boolean dirty = true;
    private long lastDraw;
    static final long REPAINT_NS = 50_000_000L;
    private Runnable onScrollUp = () -> { };
    private LongConsumer onOpen = r -> { };

    LogCanvas() {
        setId("log-list");
        getStyleClass().add("ck-log-canvas");
        Text probe = new Text("0123456789");
        probe.setFont(FONT);
        charWidth = probe.getLayoutBounds().getWidth() / 10;
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setMax(LogFormat.SHOWN);
        vbar.valueProperty().addListener((o, a, v) -> {
            if ((int) v.doubleValue() != top) {
                if (v.doubleValue() < top) {
                    onScrollUp.run();
                }
                top = (int) v.doubleValue();
                dirty = true;
            }
        });
        hbar.valueProperty().addListener((o, a, v) -> dirty = true);
        getChildren().addAll(canvas, vbar, hbar);
        setFocusTraversable(true);
        setOnScroll(e -> {
            if (e.getDeltaY() > 0) {
                onScrollUp.run();
            }
            scrollTo(top - (int) Math.signum(e.getDeltaY()) * 3);
        });
        setOnMousePressed(e -> {
            requestFocus();
            int i = top + (int) (e.getY() / ROW);
            if (i < 0 || i >= rows.size()) {
                return;
            }
            long row = rows.row(i);
            if (e.getClickCount() == 2) {
                onOpen.accept(row);
                return;
            }
            if (e.isShiftDown() && anchor >= 0) {
                selectRange(anchor, row);
            } else if (e.isShortcutDown()) {
                if (!selected.remove(row)) {
                    selected.add(row);
                }
                anchor = row;
            } else {
                selected.clear();
                selected.add(row);
                anchor = row;
            }
            dirty = true;
        });
        setOnKeyPressed(e -> {
            int page = Math.max(1, visibleRows() - 1);
            if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.UP) {
                onScrollUp.run();
                scrollTo(top - (e.getCode() == KeyCode.UP ? 1 : page));
            } else if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.DOWN) {
                scrollTo(top + (e.getCode() == KeyCode.DOWN ? 1 : page));
            } else if (e.getCode() == KeyCode.HOME) {
                onScrollUp.run();
                scrollTo(0);
            } else if (e.getCode() == KeyCode.END) {
                scrollTo(rows.size());
            }
        });
    }

    void setLines(Lines lines) {
        this.lines = lines;
        dirty = true;
    }

    void setRows(LogRows rows) {
        this.rows = rows;
        selected.clear();
        anchor = -1;
        dirty = true;
    }

    LogRows rows() {
        return rows;
    }

    void setHits(Set<Long> hits) {
        this.hits = hits;
        dirty = true;
    }

    void setWrap(boolean on) {
        wrap = on;
        dirty = true;
    }

    void onScrollUp(Runnable r) {
        onScrollUp = r;
    }

    void onOpen(LongConsumer r) {
        onOpen = r;
    }

    /** The selected rows in view order. */
    List<Long> selection() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (selected.contains(rows.row(i))) {
                out.add(rows.row(i));
            }
        }
        return out;
    }

    /** Selects row index {@code i} alone and shows it near the top. */
    void select(int i) {
        selected.clear();
        selected.add(rows.row(i));
        anchor = rows.row(i);
        scrollTo(i - 3);
    }

    int selectedIndex() {
        for (int i = 0; i < rows.size(); i++) {
            if (selected.contains(rows.row(i))) {
                return i;
            }
        }
        return -1;
    }

    private void selectRange(long from, long to) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < rows.size(); i++) {
            long r = rows.row(i);
            if (r == from) {
                a = i;
            }
            if (r == to) {
                b = i;
            }
        }
        if (a < 0 || b < 0) {
            return;
        }
        selected.clear();
        for (int i = Math.min(a, b); i <= Math.max(a, b); i++) {
            selected.add(rows.row(i));
        }
    }

    int visibleRows() {
        return Math.max(1, (int) ((getHeight() - hbar.getHeight()) / ROW));
    }

    void scrollTo(int index) {
        int max = Math.max(0, rows.size() - visibleRows());
        top = Math.max(0, Math.min(index, max));
        vbar.setMax(max);
        vbar.setValue(top);
        dirty = true;
    }

    /** After rows were added or dropped: keeps the bar's range right; {@code follow} shows the end. */
    void rowsChanged(int droppedAtHead, boolean follow) {
        if (follow) {
            scrollTo(rows.size());
        } else {
            scrollTo(top - droppedAtHead);
        }
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sb = vbar.prefWidth(-1);
        double hb = hbar.prefHeight(-1);
        canvas.setWidth(Math.max(0, w - sb));
        canvas.setHeight(Math.max(0, h - hb));
        vbar.resizeRelocate(w - sb, 0, sb, h - hb);
        hbar.resizeRelocate(0, h - hb, w - sb, hb);
        dirty = true;
        draw();
    }

    /**
     * Repaints the visible rows if anything changed, at most every {@link #REPAINT_NS}: under a flood the software
     * renderer would otherwise spend each frame drawing text nobody can read that fast, and hold up the next pulse.
     */
    void draw() {
        long now = System.nanoTime();
        if (!dirty || lines == null || now - lastDraw < REPAINT_NS) {
            return;
        }
        lastDraw = now;
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Palette.get("-ck-sunken"));
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        int perLine = Math.max(10, (int) ((w - 10) / charWidth));
        int shift = wrap ? 0 : (int) hbar.getValue();
        double y = 0;
        for (int i = top; i < rows.size() && y < h; i++) {
            long row = rows.row(i);
            String text = lines.text(row);
            int pieces = wrap ? Math.max(1, (text.length() + perLine - 1) / perLine) : 1;
            double height = pieces * ROW;
            if (selected.contains(row) || hits.contains(row)) {
                g.setFill(Palette.get(selected.contains(row) ? "-ck-selected" : "-ck-hit"));
                g.fillRect(0, y, w, height);
            }
            Color marker = lines.marker(row);
            if (marker != null) {
                g.setFill(marker);
                g.fillRect(0, y, 3, height);
            }
            g.setFill(color(lines.style(row)));
            for (int p = 0; p < pieces; p++) {
                int from = wrap ? p * perLine : Math.min(shift, text.length());
                int to = Math.min(text.length(), from + perLine + (wrap ? 0 : 1));
                g.fillText(text.substring(from, Math.max(from, to)), 6, y + p * ROW + 1);
            }
            y += height;
        }
    }

    /** A log class's colour in the theme in force (cockpit.css: -ck-log-*). */
    static Color color(String style) {
        return Palette.get(switch (style) {
            case "ck-log-error", "ck-log-auth", "ck-log-destructive", "ck-log-warn", "ck-log-debug" -> "-" + style;
            case "ck-log-slow" -> "-ck-warn";
            default -> "-ck-log-info";
        });
    }
}
