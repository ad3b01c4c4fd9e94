package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.ui.LogSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
}
