package io.hcdjg.cockpit.config;

import io.hcdjg.cockpit.model.ProbeKind;

import java.time.Duration;

/**
 * One service of the stack and how to probe it.
 *
 * @param path       HTTP path for HTTP probes (defaults to the kind's path), null otherwise
 * @param timeout    this probe's own timeout
 * @param datacenter the local datacenter for CQL probes
 */
public record ServiceConfig(String name, ProbeKind probe, String host, int port, String path, Duration timeout,
                            boolean enabled, String overlay, String datacenter) {

    public String endpoint() {
        return probe.isHttp() ? "http://" + host + ":" + port + path : host + ":" + port;
    }

    public ServiceConfig at(String newHost, int newPort) {
        return new ServiceConfig(name, probe, newHost, newPort, path, timeout, enabled, overlay, datacenter);
    }
}
