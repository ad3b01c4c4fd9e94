package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.app.cli.CockpitCli;
import io.hcdjg.cockpit.podman.ProcessException;
import io.hcdjg.cockpit.podman.ProcessGateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * The jar's entry point: no subcommand opens the window, a subcommand does the same work headless. It does not extend
 * {@code Application}, so that JavaFX on the class path of a plain jar starts.
 */
public final class CockpitMain {
    private CockpitMain() {
    }

    public static void main(String[] args) {
        // Netty's Unsafe access makes JDK 24+ print deprecation warnings on every start; the probes don't need it.
        System.setProperty("io.netty.noUnsafe", "true");
        quietLibraries();
        System.exit(run(args));
    }

    static int run(String[] args) {
        return CockpitCli.run(args, System.getenv(), System.out, System.err,
                (options, mode) -> window(options, mode, args));
    }

    /** The window, on a low-pause collector with JavaFX on the module path (started again so when this JVM is not). */
    private static int window(CockpitOptions options, CockpitCli.Mode mode, String[] args)
            throws InterruptedException {
        var again = WindowLaunch.relaunch(args);
        if (again.isPresent()) {
            try {
                return new ProcessGateway().runAttached(again.get());
            } catch (ProcessException e) {
                System.err.println("cockpit: staying on this JVM's collector: " + e.getMessage());
            }
        }
        CockpitApp.launchWith(options, mode);
        return 0;
    }

    /** The network drivers log every refused connection; the tiles already say it, so keep the console for errors. */
    static void quietLibraries() {
        try (InputStream in = CockpitMain.class.getResourceAsStream("/cockpit/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("cockpit: logging config unreadable: " + e.getMessage());
        }
    }
}
