package io.hcdjg.cockpit.podman;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The argv each verb runs, on a gateway that only records (no podman needed). */
class PodmanVerbsTest {
    static final Duration T = Duration.ofSeconds(30);

    /** Records what would run and answers with a canned exit code and stdout. */
    static final class Recording extends ProcessGateway {
        final List<List<String>> argvs = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();
        Map<String, String> env = Map.of();
        int exitCode;
        String stdout = "";

        @Override
        public ProcessGateway with(Map<String, String> more) {
            env = more;
            return this;
        }

        @Override
        public ProcessResult runAllowingFailure(List<String> argv, Duration timeout, Path dir,
                Consumer<String> onLine) {
            argvs.add(argv);
            dirs.add(dir);
            return new ProcessResult(argv, exitCode, stdout, "", Duration.ZERO);
        }

        List<String> last() {
            return argvs.getLast();
        }
    }

    final Recording local = new Recording();
    final Podman podman = new Podman(local, Optional.empty());

    @Test
    void containerVerbsRunWhatTheActionsRanBefore() throws ProcessException {
        List<String> two = List.of("p_a_1", "p_a_2");
        podman.restart(two, Duration.ofSeconds(15), T, null);
        assertEquals(List.of("podman", "restart", "-t", "15", "p_a_1", "p_a_2"), local.last());
        podman.stop(two, Duration.ofSeconds(15), T, null);
        assertEquals(List.of("podman", "stop", "-t", "15", "p_a_1", "p_a_2"), local.last());
        podman.start(two, T, null);
        assertEquals(List.of("podman", "start", "p_a_1", "p_a_2"), local.last());
        podman.rm("p_a_2", Duration.ofSeconds(15), T, null);
        assertEquals(List.of("podman", "rm", "-f", "-t", "15", "p_a_2"), local.last());
        podman.rm("p_a_2", null, T, null);
        assertEquals(List.of("podman", "rm", "-f", "p_a_2"), local.last());
        podman.exec("p_a_1", List.of("nodetool", "snapshot", "-t", "x"), T, null);
        assertEquals(List.of("podman", "exec", "p_a_1", "nodetool", "snapshot", "-t", "x"), local.last());
        podman.copyOut("p_a_1", "/data/ks", Path.of("/tmp/copied"), T);
        assertEquals(List.of("podman", "cp", "p_a_1:/data/ks", "/tmp/copied"), local.last());
        podman.copyIn(Path.of("/tmp/t"), "p_a_1", "/tmp/in/t", T);
        assertEquals(List.of("podman", "cp", "/tmp/t", "p_a_1:/tmp/in/t"), local.last());
        podman.networkRm("p_default", T);
        assertEquals(List.of("podman", "network", "rm", "p_default"), local.last());
        podman.systemDf(T);
        assertEquals(List.of("podman", "system", "df", "-v"), local.last());
        podman.logTail("p_api_1", 200, T);
        assertEquals(List.of("podman", "logs", "--tail", "200", "p_api_1"), local.last());
    }

    @Test
    void imageVerbs() throws ProcessException {
        local.stdout = "abc\n";
        assertEquals(Optional.of("abc"), podman.imageLabel("localhost/x:1", "cockpit.demo.hash", T));
        assertEquals(List.of("podman", "image", "inspect", "--format", "{{index .Labels \"cockpit.demo.hash\"}}",
                "localhost/x:1"), local.last());
        assertTrue(podman.imageExists("localhost/x:1", T));
        assertEquals(List.of("podman", "image", "exists", "localhost/x:1"), local.last());
        podman.build("localhost/x:1", "k=v", Path.of("/c/Containerfile"), Path.of("/c"), T, null);
        assertEquals(List.of("podman", "build", "--pull=never", "--label", "k=v", "-t", "localhost/x:1", "-f",
                "/c/Containerfile", "/c"), local.last());
        podman.importImage(Path.of("/b/base.tar"), "localhost/base:1", List.of("ENV A=1", "LABEL k=v"), T, null);
        assertEquals(List.of("podman", "import", "--change", "ENV A=1", "--change", "LABEL k=v", "/b/base.tar",
                "localhost/base:1"), local.last());

        local.exitCode = 1;
        assertEquals(Optional.empty(), podman.imageLabel("localhost/x:1", "cockpit.demo.hash", T));
        assertFalse(podman.imageExists("localhost/x:1", T));
    }

    @Test
    void aFailedVerbIsAResultForTheAuditNotAnException() throws ProcessException {
        local.exitCode = 125;
        assertEquals(125, podman.restart(List.of("gone"), Duration.ofSeconds(15), T, null).exitCode());
    }

    @Test
    void everyVerbNamesTheConnectionAndComposeGetsItAsItsVariable() throws ProcessException {
        Recording remote = new Recording();
        Podman far = new Podman(remote, Optional.of("prod"));
        far.restart(List.of("c"), Duration.ofSeconds(15), T, null);
        assertEquals(List.of("podman", "--connection", "prod", "restart", "-t", "15", "c"), remote.last());
        far.composeUp("p", List.of(Path.of("/s/compose.yml")), null, T, null);
        assertEquals(List.of("podman-compose", "-p", "p", "-f", "/s/compose.yml", "up", "-d"), remote.last());
        assertEquals(Map.of("CONTAINER_CONNECTION", "prod"), remote.env);
    }

    @Test
    void composeRunsInTheFolderOfItsFirstFileWithOverridesLast() throws ProcessException {
        List<Path> files = List.of(Path.of("/s/compose.yml"), Path.of("/tmp/cockpit-scale-1.yml"));
        podman.composeUp("p", files, "api", T, null);
        assertEquals(List.of("podman-compose", "-p", "p", "-f", "/s/compose.yml", "-f", "/tmp/cockpit-scale-1.yml",
                "up", "-d", "api"), local.last());
        assertEquals(Path.of("/s"), local.dirs.getLast());
        assertEquals(Map.of(), local.env);
        podman.composeDown("p", files.subList(0, 1), T, null);
        assertEquals(List.of("podman-compose", "-p", "p", "-f", "/s/compose.yml", "down"), local.last());
    }

    @Test
    void hostToolsRefusePodman() {
        HostTools host = new HostTools(local);
        assertThrows(IllegalArgumentException.class, () -> host.run(List.of("podman", "rm", "-f", "x"), T));
        assertThrows(IllegalArgumentException.class,
                () -> host.runAllowingFailure(List.of("/usr/bin/podman-compose", "down"), T, null));
    }

    @Test
    void hostToolsRunTheirArgvAsGiven() throws ProcessException {
        new HostTools(local).runAllowingFailure(List.of("tar", "-czf", "/b/x.tar.gz", "-C", "/s", "."), T, null);
        assertEquals(List.of("tar", "-czf", "/b/x.tar.gz", "-C", "/s", "."), local.last());
    }
}
