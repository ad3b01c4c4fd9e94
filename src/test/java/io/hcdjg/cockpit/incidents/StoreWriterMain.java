package io.hcdjg.cockpit.incidents;

import io.hcdjg.cockpit.model.IncidentEvent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Run in a child JVM by {@link IncidentStoreTest}: appends notes one by one and says so after each write returned. */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        IncidentStore store = new IncidentStore(Path.of(args[0]));
        for (int i = 0; i < 100_000; i++) {
            int n = i;
            String text = "note " + n + " " + "x".repeat(n % 700);
            store.append(all -> List.of(new IncidentEvent(Instant.now(), IncidentEvent.NOTE, null, null, text,
                    Map.of("n", String.valueOf(n)))));
            System.out.println(n);
            System.out.flush();
        }
    }
}
