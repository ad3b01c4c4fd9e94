package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostStatsReaderTest {

    @Test
    void memoryUsedIsTotalMinusAvailable() {
        HostStats.Gauge g = HostStatsReader.memInfo(Fixtures.read("host/meminfo.txt"));
        assertEquals(24626268L * 1024, g.total());
        assertEquals((24626268L - 22345678L) * 1024, g.used());
        assertNull(g.error());
    }

    @Test
    void aMeminfoWithoutTheFieldsIsAnErrorNotAZero() {
        assertEquals("MemTotal or MemAvailable missing from meminfo",
                HostStatsReader.memInfo("MemFree: 1 kB\n").error());
    }

    @Test
    void readsTheRealFilesystemAndTheRealMeminfo(@TempDir Path dir) {
        HostStats s = new HostStatsReader(dir, Path.of("/proc/meminfo")).read();
        assertNull(s.disk().error());
        assertTrue(s.disk().total() > 0 && s.disk().used() > 0 && s.disk().used() <= s.disk().total());
        assertNull(s.memory().error());
        assertTrue(s.memory().fraction() > 0 && s.memory().fraction() < 1);
    }

    @Test
    void aMissingPathIsReportedOnTheGauge(@TempDir Path dir) {
        HostStats s = new HostStatsReader(dir.resolve("gone"), dir.resolve("no-meminfo")).read();
        assertTrue(s.disk().error().startsWith("cannot read " + dir.resolve("gone")));
        assertTrue(s.memory().error().startsWith("cannot read"));
    }

    @Test
    void autoPicksPodmanStorageElseHome(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("HOME", home.toString());
        Path expectedDefault = Files.isDirectory(Path.of("/var/lib/containers/storage"))
                ? Path.of("/var/lib/containers/storage") : home;
        assertEquals(expectedDefault, HostStatsReader.resolveDiskPath("auto", env));
        assertEquals(home.resolve("data"), HostStatsReader.resolveDiskPath("~/data", env));
        if (!Files.isDirectory(Path.of("/var/lib/containers/storage"))) {
            Path rootless = Files.createDirectories(home.resolve(".local/share/containers/storage"));
            assertEquals(rootless, HostStatsReader.resolveDiskPath("auto", env));
        }
    }
}
