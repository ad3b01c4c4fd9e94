package io.hcdjg.cockpit.model;

/**
 * One line of the morning checklist.
 *
 * @param level UP pass, DEGRADED warn, DOWN fail
 * @param value what was found, with its number: "92 % used of 100 GB", "3 errors in the last hour"
 */
public record CheckResult(String name, HealthLevel level, String value) {
    public String word() {
        return switch (level) {
            case UP -> "pass";
            case DOWN -> "fail";
            default -> "warn";
        };
    }
}
