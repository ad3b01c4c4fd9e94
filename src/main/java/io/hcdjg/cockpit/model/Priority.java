package io.hcdjg.cockpit.model;

/** Incident priority, runbook §9.1; P0 is the most urgent, so priorities compare by urgency. */
public enum Priority {
    P0("system down or data loss"),
    P1("critical functionality impaired or security"),
    P2("major functionality degraded"),
    P3("minor issue");

    private final String meaning;

    Priority(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
