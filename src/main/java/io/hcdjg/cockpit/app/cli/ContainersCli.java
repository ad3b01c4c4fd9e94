package io.hcdjg.cockpit.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hcdjg.cockpit.app.cli.ExitCodes.Help;
import io.hcdjg.cockpit.model.ContainerInfo;
import io.hcdjg.cockpit.model.ContainerStatus;
import io.hcdjg.cockpit.model.PodmanState;
import io.hcdjg.cockpit.present.ContainerFormat;
import picocli.CommandLine.Command;

import java.time.Instant;

/**
 * {@code containers}: the project's containers on the podman connection, with state, health, uptime, restarts, CPU and
 * memory — the same listing the tiles show. Exit 0 listed, 1 podman failed, 2 config or usage error.
 */
@Command(name = "containers", description = "The project's containers: state, health, uptime, restarts, CPU, memory.",
        exitCodeList = {"0:listed", "1:podman failed", Help.USAGE})
final class ContainersCli extends CliCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws Exception {
        // podman's problem is the listing's own (exit 1 with the target it tried), so only the config is checked first
        return withCockpit(false, cockpit -> {
            PodmanState s = cockpit.containers().list(true);
            if (s.problem() != null) {
                err().println("cockpit: podman " + s.target() + ": " + s.problem());
                return ExitCodes.NOT_OK;
            }
            out().println(json() ? JSON.writeValueAsString(json(s)) : table(s, Instant.now()));
            return ExitCodes.OK;
        });
    }

    static String table(PodmanState s, Instant now) {
        StringBuilder b = new StringBuilder();
        String row = "%-22s %-36s %-10s %-9s %-9s %8s %7s %10s%n";
        b.append(String.format(row, "SERVICE", "CONTAINER", "STATE", "HEALTH", "UPTIME", "RESTARTS", "CPU", "MEMORY"));
        for (ContainerStatus c : s.containers()) {
            ContainerInfo i = c.info();
            b.append(String.format(row, i.service(), i.name(), i.state(), i.health().isEmpty() ? "-" : i.health(),
                    ContainerFormat.uptime(i, now), i.restarts(), ContainerFormat.cpu(c), ContainerFormat.memory(c)));
        }
        b.append(s.containers().size()).append(" containers ").append(s.target());
        return b.toString();
    }

    static ObjectNode json(PodmanState s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", s.target());
        ArrayNode list = root.putArray("containers");
        for (ContainerStatus c : s.containers()) {
            ContainerInfo i = c.info();
            ObjectNode n = list.addObject();
            n.put("service", i.service());
            n.put("container", i.name());
            n.put("id", i.shortId());
            n.put("replica", i.number());
            n.put("state", i.state());
            n.put("health", i.health());
            n.put("startedAt", i.startedAt() == null ? null : i.startedAt().toString());
            n.put("restarts", i.restarts());
            if (c.stats() != null) {
                n.put("cpuPercent", c.stats().cpuPercent());
                n.put("memoryBytes", c.stats().memUsed());
            } else {
                n.putNull("cpuPercent");
                n.putNull("memoryBytes");
            }
        }
        return root;
    }
}
