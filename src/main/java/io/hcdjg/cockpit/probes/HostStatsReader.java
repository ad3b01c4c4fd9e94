package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.HostStats;
import io.hcdjg.cockpit.model.HostStats.Gauge;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the host's disk (one filesystem) and memory gauges: real values from the filesystem and /proc/meminfo. */
public final class HostStatsReader {
    private final Path disk;
    private final Path meminfo;

    public HostStatsReader(Path disk, Path meminfo) {
        this.disk = disk;
        this.meminfo = meminfo;
    }

    /** "auto": podman's storage (root or rootless) when it exists, else the home directory. */
    public static Path resolveDiskPath(String configured, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        if (!"auto".equals(configured)) {
            return Path.of(configured.replaceFirst("^~", home.toString()));
        }
        for (Path p : new Path[]{Path.of("/var/lib/containers/storage"),
                home.resolve(".local/share/containers/storage")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return home;
    }

    public HostStats read() {
        return new HostStats(readDisk(), readMemory());
    }

    private Gauge readDisk() {
        String label = "disk " + disk;
        try {
            FileStore store = Files.getFileStore(disk);
            long used = store.getTotalSpace() - store.getUnallocatedSpace();
            // Like df: capacity as seen by unprivileged writers (reserved blocks excluded).
            return Gauge.of(label, used, used + store.getUsableSpace());
        } catch (IOException e) {
            return Gauge.failed(label, "cannot read " + disk + ": " + e.getMessage());
        }
    }

    private Gauge readMemory() {
        try {
            return memInfo(Files.readString(meminfo));
        } catch (IOException e) {
            return Gauge.failed("memory", "cannot read " + meminfo + ": " + e.getMessage());
        }
    }

    /** Parses /proc/meminfo: used = MemTotal - MemAvailable. */
    static Gauge memInfo(String text) {
        long total = -1;
        long available = -1;
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && parts[0].equals("MemTotal:")) {
                total = Long.parseLong(parts[1]) * 1024;
            } else if (parts.length >= 2 && parts[0].equals("MemAvailable:")) {
                available = Long.parseLong(parts[1]) * 1024;
            }
        }
        if (total <= 0 || available < 0) {
            return Gauge.failed("memory", "MemTotal or MemAvailable missing from meminfo");
        }
        return Gauge.of("memory", total - available, total);
    }
}
