package io.hcdjg.cockpit.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's place and view between starts: kept, private, and never restored off screen or from a bad file. */
class WindowStateTest {
    @TempDir
    Path home;

    @Test
    void keptInTheStateFolderAndReadBack() throws Exception {
        Path file = WindowState.file(Map.of("HOME", home.toString()));
        assertEquals(home.resolve(".local/state/hcd-janusgraph-cockpit/window.json"), file);
        WindowState s = new WindowState(120, 80, 1420, 900, false, "tab-incidents", "light", "prod-east");
        s.write(file);
        assertEquals(Optional.of(s), WindowState.read(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFileThatCannotBeReadIsAsNoFile() throws Exception {
        Path file = home.resolve("window.json");
        assertEquals(Optional.empty(), WindowState.read(file), "none yet");
        for (String bad : List.of("", "{", "[]", "{\"x\":\"left\",\"y\":0,\"width\":800,\"height\":600}",
                "{\"x\":0,\"y\":0,\"width\":3,\"height\":2}")) {
            Files.writeString(file, bad);
            assertEquals(Optional.empty(), WindowState.read(file), bad);
        }
    }

    @Test
    void aMonitorUnpluggedSinceDoesNotLeaveItOffScreen() {
        List<Rectangle2D> laptop = List.of(new Rectangle2D(0, 0, 1920, 1080));
        List<Rectangle2D> docked = List.of(new Rectangle2D(0, 0, 1920, 1080), new Rectangle2D(1920, 0, 2560, 1440));
        WindowState onTheRight = new WindowState(2200, 100, 1400, 900, false, null, null, null);
        assertTrue(onTheRight.visibleOn(docked));
        assertFalse(onTheRight.visibleOn(laptop));
        assertTrue(new WindowState(1500, 50, 1400, 900, false, null, null, null).visibleOn(laptop),
                "partly off, bar seen");
        assertFalse(new WindowState(100, -200, 1400, 900, false, null, null, null).visibleOn(laptop),
                "title bar above the top");
    }
}
