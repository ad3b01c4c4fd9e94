package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.IncidentConfig;
import io.hcdjg.cockpit.incidents.IncidentDesk;
import io.hcdjg.cockpit.model.Incident;
import io.hcdjg.cockpit.model.Priority;
import io.hcdjg.cockpit.ui.IncidentPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The window's {@link IncidentPort}: the running cockpit's desk; the panel is refreshed at once after each call. */
final class WindowIncidents implements IncidentPort {
    private final Running running;
    private final String me = System.getProperty("user.name");

    WindowIncidents(Running running) {
        this.running = running;
    }

    /** One request to the desk. */
    private interface DeskCall {
        Incident on(Cockpit c, IncidentDesk desk) throws IOException;
    }

    private Incident call(DeskCall call) throws IOException {
        Cockpit c = running.get();
        Incident i = call.on(c, c.desk());
        c.incidents().poke();
        return i;
    }

    @Override
    public List<IncidentConfig.Level> ladder() {
        return running.now().map(c -> c.loaded().config().incidents().ladder()).orElse(List.of());
    }

    @Override
    public Incident open(String title, Priority p, List<String> services, String note) throws IOException {
        return call((c, desk) -> desk.open(title, p, services, note));
    }

    @Override
    public Incident acknowledge(String id) throws IOException {
        return call((c, desk) -> desk.acknowledge(id, me));
    }

    @Override
    public Incident escalate(String id, Integer level) throws IOException {
        return call((c, desk) -> desk.escalate(id, level, c.keyLines(desk.find(id))));
    }

    @Override
    public Incident resolve(String id, String note) throws IOException {
        return call((c, desk) -> desk.resolve(id, note));
    }

    @Override
    public Incident reopen(String id, String why) throws IOException {
        return call((c, desk) -> desk.reopen(id, why));
    }

    @Override
    public Incident note(String id, String text) throws IOException {
        return call((c, desk) -> desk.note(id, text));
    }

    @Override
    public Incident priority(String id, Priority p) throws IOException {
        return call((c, desk) -> desk.priority(id, p));
    }

    @Override
    public Incident step(String id, String step, boolean done) throws IOException {
        return call((c, desk) -> desk.step(id, step, done));
    }

    @Override
    public void report(String id, Path target) throws IOException {
        call((c, desk) -> {
            Path written = desk.report(id, c.keyLines(desk.find(id)));
            Files.copy(written, target, StandardCopyOption.REPLACE_EXISTING);
            return null;
        });
    }

    @Override
    public Path bundle(String id) throws Exception {
        return EvidenceBundle.write(running.get(), id, true);
    }
}
