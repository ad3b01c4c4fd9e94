package io.hcdjg.cockpit.model;

/**
 * Host disk and memory, in bytes. A gauge that could not be read carries its error instead of numbers.
 */
public record HostStats(Gauge disk, Gauge memory) {

    /** {@code used} of {@code total} bytes; {@code error} is non-null when the value could not be read. */
    public record Gauge(String label, long used, long total, String error) {

        public static Gauge of(String label, long used, long total) {
            return new Gauge(label, used, total, null);
        }

        public static Gauge failed(String label, String error) {
            return new Gauge(label, 0, 0, error);
        }

        public double fraction() {
            return total <= 0 ? 0 : (double) used / total;
        }
    }

    public static HostStats unread() {
        return new HostStats(Gauge.failed("disk", "not read yet"), Gauge.failed("memory", "not read yet"));
    }
}
