package io.hcdjg.cockpit.present;

import io.hcdjg.cockpit.model.LogClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatTest {
    @Test
    void ansiOutControlsVisibleTabsKept() {
        assertEquals("ERROR boom", LogFormat.clean("\u001B[31mERROR\u001B[0m boom"));
        assertEquals("a\tb␀c·d·", LogFormat.clean("a\tb\u0000c\u0007d\u007f"));
        // a window title (OSC, ended by BEL or ST), a hyperlink, a screen clear, C1's single-byte CSI
        assertEquals("owned", LogFormat.clean("\u001B]0;pwned\u0007owned"));
        assertEquals("link", LogFormat.clean("\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\"));
        assertEquals("after", LogFormat.clean("\u001B[2J\u001B[Hafter"));
        assertEquals("·31mred", LogFormat.clean("\u009B31mred"));
        String plain = "nothing to clean";
        assertTrue(plain == LogFormat.clean(plain), "a clean line is not copied");
    }

    @Test
    void aVeryLongLineIsCutWithANote() {
        String longLine = "x".repeat(LogFormat.SHOWN + 1);
        String shown = LogFormat.shown(longLine, 9000);
        assertTrue(shown.startsWith("x".repeat(LogFormat.SHOWN) + "  … [9000 bytes"), shown);
        assertEquals("short", LogFormat.shown("short", 5));
        // the text was read cut to SHOWN + 1 characters, but the stored line is far longer
        assertTrue(LogFormat.shown("y".repeat(100), 50_000).endsWith("[50000 bytes; double-click for all]"));
    }

    @Test
    void aLineTakesTheStyleOfItsFirstClassElseOfItsLevel() {
        assertEquals("ck-log-error", LogFormat.style(LogClass.ERROR.bit() | LogClass.SLOW_QUERY.bit(), "x"));
        assertEquals("ck-log-slow", LogFormat.style(LogClass.SLOW_QUERY.bit(), "x"));
        assertEquals("ck-log-auth", LogFormat.style(LogClass.AUTH_FAILURE.bit(), "x"));
        assertEquals("ck-log-destructive", LogFormat.style(LogClass.DESTRUCTIVE.bit(), "x"));
        assertEquals("ck-log-warn", LogFormat.style(0, "2026-12-02 WARN  [main] low disk"));
        assertEquals("ck-log-debug", LogFormat.style(0, "TRACE enter"));
        assertEquals("ck-log-info", LogFormat.style(0, "x".repeat(90) + " WARN after the head"));
        assertEquals(LogClass.ALL.size(), LogFormat.CLASS_STYLES.length);
    }

    @Test
    void statusMatchesAndJump() {
        assertEquals("200 lines · following", LogFormat.status(200, 0, true));
        assertEquals("5 lines · dropped: 3 · paused", LogFormat.status(5, 3, false));
        assertEquals("1 match", LogFormat.matches(1));
        assertEquals("0 matches", LogFormat.matches(0));
        assertEquals("5 new lines — jump to end", LogFormat.jump(5));
    }
}
