package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.LogClass;

import java.util.regex.Pattern;

/** Pure text work for the log pane: ANSI escapes out, control characters visible, very long lines cut, styles. */
public final class LogFormat {
    /** What the view shows of a line at most; the full text is a double-click away. */
    public static final int SHOWN = 2000;
    /** CSI (colours, cursor), OSC (window title, hyperlinks: to BEL or ST) and the other two-byte escapes. */
    private static final Pattern ANSI = Pattern.compile(
            "\\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)?|[@-Z\\\\-_])");
    /** The style of each class, in {@link LogClass#ALL} order. */
    public static final String[] CLASS_STYLES = LogClass.ALL.stream().map(LogFormat::style).toArray(String[]::new);
    /** Colours cycled over the services of a merged view. */
    public static final String[] SERVICE_COLORS = {"#5aa9e6", "#e6a35a", "#9d7ce6", "#5ae6b0", "#e65a8f", "#c9e65a",
            "#e6df5a", "#5ad2e6"};

    private LogFormat() {
    }

    /**
     * ANSI colour, cursor and title sequences removed, NULs and other controls (C1's too: a terminal may act on them)
     * shown as ␀ or ·, tabs kept. What reaches a terminal or a node can change neither.
     */
    public static String clean(String s) {
        String t = ANSI.matcher(s).replaceAll("");
        StringBuilder b = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f) {
                if (b == null) {
                    b = new StringBuilder(t.length());
                    b.append(t, 0, i);
                }
                b.append(c == 0 ? '␀' : '·');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? t : b.toString();
    }

    /** The shown text: cleaned, and cut with a note when the stored line is longer. */
    public static String shown(String text, int storedBytes) {
        String c = clean(text);
        if (c.length() > SHOWN || storedBytes > text.length() * 4 && storedBytes > SHOWN) {
            return c.substring(0, Math.min(c.length(), SHOWN)) + "  … [" + storedBytes
                    + " bytes; double-click for all]";
        }
        return c;
    }

    /** A class's style (the stylesheet and the log canvas colour these names). */
    public static String style(LogClass c) {
        return switch (c) {
            case ERROR -> "ck-log-error";
            case SLOW_QUERY -> "ck-log-slow";
            case AUTH_FAILURE -> "ck-log-auth";
            case DESTRUCTIVE -> "ck-log-destructive";
        };
    }

    /** The style of a line: its first class, else its level word. */
    public static String style(int classes, String text) {
        for (int i = 0; i < CLASS_STYLES.length; i++) {
            if ((classes & (1 << i)) != 0) {
                return CLASS_STYLES[i];
            }
        }
        String head = text.length() > 80 ? text.substring(0, 80) : text;
        if (head.contains("WARN")) {
            return "ck-log-warn";
        }
        if (head.contains("DEBUG") || head.contains("TRACE")) {
            return "ck-log-debug";
        }
        return "ck-log-info";
    }

    /** The pane's status line: "200 lines · dropped: 3 · following" (or "· paused"). */
    public static String status(int lines, long dropped, boolean following) {
        return lines + " lines" + (dropped > 0 ? " · dropped: " + dropped : "")
                + (following ? " · following" : " · paused");
    }

    /** "1 match", "3 matches". */
    public static String matches(int n) {
        return n + (n == 1 ? " match" : " matches");
    }

    /** The button that resumes following. */
    public static String jump(int unseen) {
        return unseen + " new lines — jump to end";
    }
}
