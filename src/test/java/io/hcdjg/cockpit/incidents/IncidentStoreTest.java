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
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.Priority;
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

    @Test
    void pastItsSizeTheStoreRotatesKeepingWhatIsAtWorkAndLosingNothing() throws Exception {
        Path file = dir.resolve("incidents.jsonl");
        IncidentStore window = new IncidentStore(file, Redaction.DEFAULT, 20_000);
        IncidentStore cli = new IncidentStore(file, Redaction.DEFAULT, 20_000); // the CLI, writing to the same file
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        window.append(all -> List.of(
                event(t0, IncidentEvent.OPENED, "INC-0001", "hcd-server", "closed soon", Map.of("priority", "P2")),
                event(t0, IncidentEvent.OPENED, "INC-0002", "vault", "still open", Map.of("priority", "P1")),
                event(t0, IncidentEvent.HEALTH, null, "vault", "vault DOWN", Map.of("to", "DOWN")),
                event(t0, IncidentEvent.RESOLVED, "INC-0001", null, "resolved", Map.of())));
        int written = 600;
        for (int n = 0; n < written; n++) {
            Instant at = t0.plus(Duration.ofMinutes(10L * n)); // 100 hours: the first days are no longer recent
            IncidentEvent e = n % 3 == 0 ? event(at, IncidentEvent.NOTE, "INC-0002", null, "note " + n, Map.of())
                    : event(at, IncidentEvent.HEALTH, null, "hcd-server", "health " + n,
                    Map.of("to", n % 2 == 0 ? "UP" : "DEGRADED"));
            (n % 2 == 0 ? window : cli).append(all -> List.of(e));
        }

        List<Path> archives;
        try (var files = Files.list(dir)) {
            archives = files.filter(f -> f.getFileName().toString().matches("(\\d+-)?incidents-\\d{8}T\\d{6}Z\\.jsonl"))
                    .toList();
        }
        assertTrue(archives.size() >= 2, "rotated more than once: " + archives);
        assertTrue(Files.size(file) < 20_000 + 400, "the store stays near its size: " + Files.size(file));
        // Nothing lost: every line written is in an archive or in the store, and the archives are the store's lines.
        Set<String> everything = new HashSet<>(Files.readAllLines(file));
        for (Path a : archives) {
            everything.addAll(Files.readAllLines(a));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        }
        for (int n = 0; n < written; n++) {
            String text = (n % 3 == 0 ? "note " : "health ") + n;
            assertTrue(everything.stream().anyMatch(l -> l.contains("\"text\":\"" + text + "\"")), text + " lost");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        // Both writers read the same store, whichever rotated it; a new reader too.
        IncidentStore reader = new IncidentStore(file);
        reader.refresh();
        window.refresh();
        cli.refresh();
        assertEquals(reader.events(), window.events());
        assertEquals(reader.events(), cli.events());
        assertEquals(List.of(), reader.problems());
        List<IncidentEvent> kept = reader.events();
        assertEquals(IncidentEvent.ROTATED, kept.get(0).type());
        assertTrue(Files.exists(dir.resolve(kept.get(0).get("archive"))), kept.get(0).text());

        // Kept: the open incident whole (its opening and all 200 notes), the last health of each service.
        List<Incident> incidents = IncidentFold.incidents(kept);
        assertEquals(List.of("INC-0002"), incidents.stream().map(Incident::id).toList());
        assertEquals(1 + 200, incidents.get(0).events().size());
        assertTrue(kept.stream().anyMatch(e -> e.text().equals("vault DOWN")), "vault's last health, days old");
        assertTrue(kept.stream().noneMatch(e -> e.text().equals("health 1")), "old stack entries archived");
        // Numbers go on from the archived incidents: INC-0001 is never given again.
        assertEquals("INC-0003", new IncidentBook(kept, incidents).open(t0, "test", "k", null, "next", Priority.P3));

        // An incident rotated out of the store is still found, whole, for its report or its evidence bundle.
        DeskFixture f = new DeskFixture(dir, List.of());
        f.desk.refresh();
        Incident archived = IncidentArchive.find(f.desk, "INC-0001");
        assertEquals(List.of(IncidentEvent.OPENED, IncidentEvent.RESOLVED),
                archived.events().stream().map(IncidentEvent::type).toList());
        assertEquals(Incident.State.RESOLVED, archived.state());
        assertEquals(201, IncidentArchive.find(f.desk, "INC-0002").events().size(), "the open one, from the store");
        assertTrue(Files.readString(f.desk.report("INC-0001", null)).contains("closed soon"));
    }

    private static IncidentEvent event(Instant at, String type, String incident, String service, String text,
                                       Map<String, String> data) {
        return new IncidentEvent(at, type, incident, service, text, data);
    }
}
