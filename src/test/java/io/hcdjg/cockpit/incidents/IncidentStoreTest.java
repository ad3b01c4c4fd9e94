package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.IncidentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncidentStoreTest {
    @TempDir
    Path dir;

    private static IncidentEvent note(String text) {
        return new IncidentEvent(Instant.parse("2026-11-28T10:00:00Z"), IncidentEvent.NOTE, "INC-0001", null, text,
                Map.of());
    }

    @Test
    void everyWriteReportedDoneSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("incidents.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreWriterMain.class.getName(), file.toString()).redirectErrorStream(true).start();
        int acknowledged = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged < 300 && (line = out.readLine()) != null; ) {
                acknowledged = Integer.parseInt(line.strip());
            }
            p.destroyForcibly(); // SIGKILL, mid-write as likely as not
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged >= 300, "the writer said " + acknowledged);

        IncidentStore again = new IncidentStore(file);
        again.refresh();
        List<IncidentEvent> events = again.events();
        assertTrue(events.size() > acknowledged, events.size() + " read, " + (acknowledged + 1) + " acknowledged");
        for (int n = 0; n < events.size(); n++) {
            assertEquals(String.valueOf(n), events.get(n).get("n"), "in order, none lost or doubled");
            assertEquals("note " + n + " " + "x".repeat(n % 700), events.get(n).text());
        }
        assertEquals(List.of(), again.problems());
        again.append(all -> List.of(note("after the crash")));
        IncidentStore third = new IncidentStore(file);
        third.refresh();
        assertEquals(events.size() + 1, third.events().size());
        assertEquals("after the crash", third.events().get(events.size()).text());
    }

    @Test
    void aLineCutShortIsIgnoredAndCutOffByTheNextWrite() throws Exception {
        Path file = dir.resolve("incidents.jsonl");
        IncidentStore store = new IncidentStore(file);
        store.append(all -> List.of(note("one"), note("two")));
        Files.writeString(file, "{\"time\":\"2026-11-28T10:00:00Z\",\"type\":\"no", StandardOpenOption.APPEND);

        IncidentStore reader = new IncidentStore(file);
        reader.refresh();
        assertEquals(List.of("one", "two"), reader.events().stream().map(IncidentEvent::text).toList());
        assertEquals(List.of(), reader.problems());

        reader.append(all -> List.of(note("three")));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        IncidentStore fresh = new IncidentStore(file);
        fresh.refresh();
        assertEquals(List.of("one", "two", "three"), fresh.events().stream().map(IncidentEvent::text).toList());
        // the first writer sees the third event on its next refresh
        store.refresh();
        assertEquals(3, store.events().size());
    }

    @Test
    void aBrokenLineIsSkippedWithItsLineNumber() throws Exception {
        Path file = dir.resolve("incidents.jsonl");
        new IncidentStore(file).append(all -> List.of(note("one")));
        Files.writeString(file, "not json\n{\"type\":\"note\"}\n", StandardOpenOption.APPEND);
        new IncidentStore(file).append(all -> List.of(note("four")));
        IncidentStore s = new IncidentStore(file);
        s.refresh();
        assertEquals(List.of("one", "four"), s.events().stream().map(IncidentEvent::text).toList());
        assertEquals(2, s.problems().size());
        assertTrue(s.problems().get(0).contains("incidents.jsonl line 2: not an incident event"), s.problems().get(0));
        assertTrue(s.problems().get(1).contains("line 3"), s.problems().get(1));
    }
}
