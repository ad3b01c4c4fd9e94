package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.model.Health;

import java.util.List;

/** The ring as the CQL probe saw it: node count from system.local + system.peers_v2, down nodes from the driver. */
public final class CqlDiagnosis {
    private CqlDiagnosis() {
    }

    /**
     * @param version   release_version of the node that answered
     * @param nodes     all nodes of the ring (local and peers)
     * @param downNodes addresses of the nodes the driver sees down
     */
    public static Health ring(String version, int nodes, List<String> downNodes) {
        String ring = nodes == 1 ? "1 node" : nodes + " nodes";
        if (downNodes.isEmpty()) {
            return Health.up("Cassandra " + version + ", " + ring + " up");
        }
        int up = nodes - downNodes.size();
        return Health.degraded(up + " of " + nodes + " nodes up; down: " + String.join(", ", downNodes)
                + " (Cassandra " + version + ")");
    }
}
