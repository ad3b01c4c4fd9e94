package io.hcdjg.cockpit.model;

/** How a service answers its probe, worst last so that levels can be compared. */
public enum HealthLevel {
    UP, DEGRADED, UNKNOWN, DOWN;

    public boolean isUp() {
        return this == UP;
    }
}
