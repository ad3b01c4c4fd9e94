package io.hcdjg.cockpit.ops;

import io.hcdjg.cockpit.model.ActionOutcome;
import io.hcdjg.cockpit.model.ActionRequest;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessGateway;
import io.hcdjg.cockpit.podman.ProcessResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated service names with shell metacharacters, spaces, quotes or a leading '-' (podman would read it as an
 * option): every action on them is refused before any process starts, and the refusal is audited.
 */
class GeneratedNamesTest {
    static Path dir;

    /** Records every process an action would start; none may. */
    static final class Recording extends ProcessGateway {
        final List<List<String>> started = new ArrayList<>();

        @Override
        public ProcessGateway with(Map<String, String> more) {
            return this;
        }

        @Override
        public ProcessResult runAllowingFailure(List<String> argv, Duration timeout, Path d, Consumer<String> onLine) {
            started.add(argv);
            return new ProcessResult(argv, 0, "[]", "", Duration.ZERO);
        }
    }

    @BeforeContainer
    static void dir() throws IOException {
        dir = Files.createTempDirectory("cockpit-generated-names-");
    }

    @Property(tries = 500)
    void aNameThatIsNoServiceNameIsRefusedBeforeAnyProcess(@ForAll("badNames") String name,
                                                          @ForAll ActionRequest.Kind kind) throws IOException {
        Recording gateway = new Recording();
        Actions actions = new Actions(new Podman(gateway, Optional.empty()), "on the local engine", "janusgraph-demo",
                List::of, new AuditLog(dir.resolve("audit.jsonl"), Clock.systemUTC()), null, () -> { });
        ActionOutcome o = actions.run(new ActionRequest(kind, name, 1, List.of("true"), "janusgraph-demo"), l -> { });
        assertEquals(ActionOutcome.Status.REFUSED, o.status(), o.message());
        assertTrue(gateway.started.isEmpty(), "started " + gateway.started);
    }

    @Provide
    Arbitrary<String> badNames() {
        Arbitrary<String> anything = Arbitraries.strings().withChars("abz09-_.;|&$`()<>*?! \t\n'\"\\/{}~#%=,")
                .ofMinLength(1).ofMaxLength(20);
        return Arbitraries.oneOf(anything, anything.map(s -> "-" + s), anything.map(s -> "vault;" + s),
                anything.map(s -> "$(" + s + ")"), anything.map(s -> "vault " + s))
                .filter(s -> !s.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}"));
    }
}
