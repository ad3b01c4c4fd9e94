package io.hcdjg.cockpit.podman;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process's output read up to a size or a deadline, and the process ended there: never a flood held whole. */
class CappedOutputTest {
    private final ProcessGateway gateway = new ProcessGateway();

    @Test
    void whatEndsByItselfIsReadWhole() throws Exception {
        CappedOutput o = CappedOutput.read(gateway, List.of("printf", "a\\nb\\n"), 1 << 20, Duration.ofSeconds(30));
        assertEquals(new CappedOutput("a\nb\n", false, 0), o);
    }

    @Test
    void anEndlessFloodIsCutAtTheSize() throws Exception {
        CappedOutput o = CappedOutput.read(gateway, List.of("yes", "a line of a flood"), 1 << 20,
                Duration.ofSeconds(30));
        assertTrue(o.cut());
        assertEquals(1 << 20, o.text().length());
        assertTrue(o.text().startsWith("a line of a flood\n"));
    }

    @Test
    void whatDoesNotEndInTimeIsCutAtTheDeadline() throws Exception {
        CappedOutput o = CappedOutput.read(gateway, List.of("sh", "-c", "echo first; exec sleep 60"), 1 << 20,
                Duration.ofMillis(1500));
        assertTrue(o.cut());
        assertEquals("first\n", o.text());
        assertFalse(o.text().contains("sleep"));
    }
}
