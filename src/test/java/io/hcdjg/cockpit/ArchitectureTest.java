package io.hcdjg.cockpit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hcdjg.cockpit.podman.Podman;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package table of docs/architecture.md, held: each package uses only the packages its row names (a package not in
 * the table is used by nobody), JavaFX stays in ui and app, processes start only in podman, podman is reached only
 * through its verbs, and the FX thread is reached only through the seam. Main classes only: tests wire things the way
 * app does.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ROOT = "io.hcdjg.cockpit";

    // One rule per row of the table; app may use everything and is used by nobody (no row lists it).
    @ArchTest
    static final ArchRule model = mayUse("model");
    @ArchTest
    static final ArchRule config = mayUse("config", "model");
    @ArchTest
    static final ArchRule podman = mayUse("podman", "model", "config");
    @ArchTest
    static final ArchRule probes = mayUse("probes", "model", "config");
    @ArchTest
    static final ArchRule logs = mayUse("logs", "model", "config");
    @ArchTest
    static final ArchRule incidents = mayUse("incidents", "model", "config");
    @ArchTest
    static final ArchRule ops = mayUse("ops", "model", "config", "podman", "probes", "incidents");
    @ArchTest
    static final ArchRule runtime = mayUse("runtime", "model", "config", "podman", "probes", "logs", "incidents",
            "ops");
    @ArchTest
    static final ArchRule present = mayUse("present", "model", "config");
    @ArchTest
    static final ArchRule ui = mayUse("ui", "model", "config", "runtime", "present");
    @ArchTest
    static final ArchRule demo = mayUse("demo", "model", "config", "probes");

    @ArchTest
    static final ArchRule javaFxOnlyInUiAndApp = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".ui..", ROOT + ".app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..")
            .as("JavaFX, ControlsFX and TilesFX are used only in ui and app");

    @ArchTest
    static final ArchRule processesOnlyInPodman = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".podman..")
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
            .orShould().callMethodWhere(runtimeExec())
            .as("processes are started only in podman (ProcessGateway)");

    /**
     * The classes outside podman that run commands of their own through ProcessGateway, none of them podman's: the
     * operator's escalation commands (ops.Escalator) and the JVM started again on a low-pause collector
     * (app.CockpitMain). Host tools (tar, gpg, jlink, ...) go through podman.HostTools, which refuses podman.
     */
    static final Set<String> OWN_COMMANDS = Set.of("ops.Escalator", "app.CockpitMain");

    @ArchTest
    static final ArchRule podmanOnlyThroughItsVerbs = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".podman..").and(not(topLevelIn(OWN_COMMANDS)))
            .should().callMethodWhere(podmanArgvOrAProcessRun())
            .as("podman is reached through Podman's verbs: outside podman no podman argv is built and no process is "
                    + "run through ProcessGateway (but for the commands of " + OWN_COMMANDS + ")");

    /**
     * The one hop to the FX thread: {@code ui.FxPublisher} and {@code ui.Background} get {@code Platform::runLater}
     * handed in by {@code app.CockpitApp}, the only class that names it. (The views' 23 hand-made hops and
     * ProgressView's own publisher were a frozen list here; they go through {@code ui.Background} now.)
     */
    static final Set<String> FX_SEAM = Set.of("app.CockpitApp");

    @ArchTest
    static final ArchRule runLaterOnlyInTheFxSeam = noClasses()
            .that(not(topLevelIn(FX_SEAM)))
            .should().accessTargetWhere(runLater())
            .as("Platform.runLater is called or passed on only by the FX seam (app.CockpitApp hands it to ui)");

    @ArchTest
    static final ArchRule noThreadsInTheViews = noClasses()
            .that().resideInAPackage(ROOT + ".ui..")
            .should().accessTargetWhere(threadStart())
            .as("ui starts no thread: its work goes through ui.Background, on the executor app hands in");

    /** {@code pkg} may use classes of its own package and of {@code allowed}; nothing else of ours. */
    private static ArchRule mayUse(String pkg, String... allowed) {
        List<String> own = new ArrayList<>(List.of(ROOT + "." + pkg + ".."));
        Stream.of(allowed).forEach(a -> own.add(ROOT + "." + a + ".."));
        String what = allowed.length == 0 ? "nothing of ours" : String.join(", ", allowed);
        return noClasses().that().resideInAPackage(ROOT + "." + pkg + "..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(own.toArray(String[]::new)))))
                .as(pkg + " uses only " + what + " (docs/architecture.md)");
    }

    private static DescribedPredicate<JavaMethodCall> runtimeExec() {
        return DescribedPredicate.describe("Runtime.exec", c -> c.getTargetOwner().isEquivalentTo(Runtime.class)
                && c.getName().equals("exec"));
    }

    /**
     * Any call that runs a process on a ProcessGateway, or that would hand out Podman's argv, environment or gateway.
     */
    private static DescribedPredicate<JavaMethodCall> podmanArgvOrAProcessRun() {
        return DescribedPredicate.describe("ProcessGateway's methods or Podman.argv/environment/gateway", c ->
                c.getTargetOwner().isEquivalentTo(ProcessGateway.class)
                        || c.getTargetOwner().isEquivalentTo(Podman.class)
                                && Set.of("argv", "environment", "gateway").contains(c.getName()));
    }

    /** A call of {@code Platform.runLater} or a method reference to it ({@code Platform::runLater}). */
    private static DescribedPredicate<JavaAccess<?>> runLater() {
        return DescribedPredicate.describe("Platform.runLater", a -> a.getTargetOwner().getName()
                .equals("javafx.application.Platform") && a.getName().equals("runLater"));
    }

    /**
     * A thread or an executor made by hand: {@code new Thread}, {@code Thread.ofVirtual/ofPlatform},
     * {@code Executors.*}.
     */
    private static DescribedPredicate<JavaAccess<?>> threadStart() {
        return DescribedPredicate.describe("a thread or executor made by hand", a -> {
            String owner = a.getTargetOwner().getName();
            return owner.equals("java.util.concurrent.Executors") || owner.equals("java.lang.Thread")
                    && Set.of("<init>", "ofVirtual", "ofPlatform", "startVirtualThread").contains(a.getName());
        });
    }

    private static DescribedPredicate<JavaClass> topLevelIn(Set<String> names) {
        return DescribedPredicate.describe("in " + names, c -> names.contains(topLevelName(c)));
    }

    /** "ui.LogsView" for LogsView and its nested and anonymous classes. */
    private static String topLevelName(JavaClass c) {
        return c.getName().substring(ROOT.length() + 1).replaceFirst("\\$.*", "");
    }
}
