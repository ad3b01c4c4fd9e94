package io.hcdjg.cockpit.model;

/** A Prometheus scrape target. @param service its {@code service} label, else its job */
public record ScrapeTarget(String job, String instance, String service, String health, String lastError) {

    public boolean down() {
        return health.equals("down");
    }
}
