package io.hcdjg.cockpit.app;

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
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            if (e.getMessage() == null) {
                System.out.println(Options.USAGE);
                return 0;
            }
            System.err.println("cockpit: " + e.getMessage() + "\n" + Options.USAGE);
            return CheckCli.CONFIG_ERROR;
        }
        try {
            if (options.command() == null) {
                var again = LowPauseLaunch.relaunch(args);
                if (again.isPresent()) {
                    try {
                        return new ProcessGateway().runAttached(again.get());
                    } catch (ProcessException e) {
                        System.err.println("cockpit: staying on this JVM's collector: " + e.getMessage());
                    }
                }
                CockpitApp.launchWith(options);
                return 0;
            }
            return switch (options.command()) {
                case "check" -> CheckCli.run(options, System.getenv(), System.out, System.err);
                case "containers" -> ContainersCli.run(options, System.getenv(), System.out, System.err);
                case "action", "exec" -> ActionCli.run(options, System.getenv(), System.out, System.err);
                case "demo" -> DemoCli.run(options, System.getenv(), System.out, System.err);
                case "metrics", "alerts", "silence" -> MonitoringCli.run(options, System.getenv(), System.out, System.err);
                case "logs" -> LogsCli.run(options, System.getenv(), System.out, System.err);
                case "security" -> SecurityCli.run(options, System.getenv(), System.out, System.err);
                case "incidents", "incident" -> IncidentsCli.run(options, System.getenv(), System.out, System.err);
                case "checklist", "report", "backup", "backups", "restore", "proof-status", "recovery" ->
                        RunbookCli.run(options, System.getenv(), System.out, System.err);
                default -> {
                    System.err.println("cockpit: unknown command '" + options.command() + "'\n" + Options.USAGE);
                    yield CheckCli.CONFIG_ERROR;
                }
            };
        } catch (Exception e) {
            System.err.println("cockpit: " + e);
            return CheckCli.CONFIG_ERROR;
        }
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
