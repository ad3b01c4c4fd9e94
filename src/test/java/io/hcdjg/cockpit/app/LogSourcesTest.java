package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.ui.LogSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log pane shows a container's line through the redaction: the secrets it logged are hidden, the rest kept. */
class LogSourcesTest {
    @Test
    void aSecretALineCarriesIsHiddenInThePane() {
        LogBuffer buffer = new LogBuffer(10);
        byte[] line = "connecting to cassandra --password=hunter2 as literal-Secret-9".getBytes(StandardCharsets.UTF_8);
        buffer.append(0, line, 0, line.length, 0);
        LogSource source = LogSources.source("analytics-api", "api_1", buffer,
                new Redaction(List.of("literal-Secret-9"), List.of(), List.of()));
        assertEquals("connecting to cassandra --password=*** as ***", source.text(0, -1));
    }

    /** Presenter mode: the log pane on the wall also hides addresses and the names of this machine and its user. */
    @Test
    void onTheWallAddressesAndNamesAreHiddenToo(@TempDir Path dir) throws Exception {
        LogBuffer buffer = new LogBuffer(10);
        String user = AuditLog.Who.local().user();
        byte[] line = ("Connection refused: janusgraph-server/10.89.0.1:8182 for " + user + " on db.example.internal")
                .getBytes(StandardCharsets.UTF_8);
        buffer.append(0, line, 0, line.length, 0);
        Path file = Files.writeString(dir.resolve("cockpit.yaml"), "stack:\n  host: db.example.internal\n");
        CockpitConfig config = new ConfigLoader(Map.of("HOME", dir.toString())).load(Optional.of(file)).config();
        LogSource wall = LogSources.source("janusgraph-server", "js_1", buffer,
                CockpitApp.wallboard(Redaction.DEFAULT, config));
        assertEquals("Connection refused: janusgraph-server/***:8182 for *** on ***", wall.text(0, -1));
    }
}
