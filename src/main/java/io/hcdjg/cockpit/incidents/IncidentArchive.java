package io.hcdjg.cockpit.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hcdjg.cockpit.config.PrivateFiles;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.IncidentEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The incidents the store's rotations archived ({@link StoreRotation}), found by id for a report or an evidence
 * bundle. Each archive holds whole the incidents that were open when it began, so an incident resolved in one is whole
 * in it: the newest archive that has it is read, and no other.
 */
public final class IncidentArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IncidentArchive() {
    }

    /** The incident from the desk's store, else from its archives, newest first. */
    public static Incident find(IncidentDesk desk, String id) throws IOException {
        try {
            return desk.find(id);
        } catch (IllegalArgumentException notInTheStore) {
            for (Path f : archives(desk.store().file())) {
                List<IncidentEvent> events = new ArrayList<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    try {
                        events.add(desk.store().redacted(EventJson.fromJson(JSON.readTree(line))));
                    } catch (IOException | RuntimeException e) {
                        // reported when the file was the store; an archive is read as it is
                    }
                }
                for (Incident i : IncidentFold.incidents(events)) {
                    if (i.id().equalsIgnoreCase(id)) {
                        return i;
                    }
                }
            }
            throw notInTheStore;
        }
    }

    /** {@code incidents-STAMP.jsonl} (and {@code 2-incidents-STAMP.jsonl} ...) beside the store, newest first. */
    static List<Path> archives(Path store) throws IOException {
        return PrivateFiles.archives(store, StoreRotation.STAMPS).stream().map(PrivateFiles.Archive::path).toList();
    }
}
