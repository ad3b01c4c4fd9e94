package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.app.cli.CockpitCli;
import io.hcdjg.cockpit.config.CockpitConfig;
import io.hcdjg.cockpit.config.ConfigLoader;
import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.ops.AuditLog;
import io.hcdjg.cockpit.present.SnapshotFeed;
import io.hcdjg.cockpit.ui.Background;
import io.hcdjg.cockpit.ui.FxPublisher;
import io.hcdjg.cockpit.ui.MainView;
import io.hcdjg.cockpit.ui.Ports;
import io.hcdjg.cockpit.ui.Theme;
import io.hcdjg.cockpit.present.WallModel;
import io.hcdjg.cockpit.present.WallPresenter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The window. The cockpit behind it starts on a background thread, so a slow demo start never blocks the UI. */
public final class CockpitApp extends Application {
    private static volatile CockpitOptions options;
    private static volatile CockpitCli.Mode mode = new CockpitCli.Mode(false, 0);
    private volatile Cockpit cockpit;
    private MainView view;
    /** Set in start(), with the config's escalation ladder, before the first snapshot. */
    private volatile WallPresenter presenter;
    /** The same, its words also without addresses, host and user names: for presenter mode (presenter thread). */
    private WallPresenter wallboard;
    private volatile Redaction redaction;
    private volatile CockpitConfig config;
    private volatile boolean presenting;
    /** The podman connection the window uses (named, switched to or remembered); null for the config's or local. */
    private volatile String connection;
    private Stage stage;
    private final FxPublisher<WallModel> toFx = new FxPublisher<>(Platform::runLater, m -> {
        view.apply(m);
        firstLiveTiles(m);
    });
    /** Printed with the start-up time when {@code -Dcockpit.startupMark=true} (IdleBench reads it). */
    public static final String STARTUP_MARK = "cockpit: first live tiles after ms ";
    private boolean live;
    /** One thread presents, in snapshot order, the latest snapshot; then the one hop (docs/architecture.md). */
    private final ExecutorService presenterThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("wall-presenter").daemon(true).factory());
    private final SnapshotFeed<WallModel> feed = new SnapshotFeed<>(presenterThread,
            s -> (presenting ? wall() : presenter).present(s, Clock.systemUTC().instant()), toFx);
    /** Where the views' blocking work runs (virtual threads: it waits on I/O); results come back through runLater. */
    private final ExecutorService uiWork = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ui-work-", 0).factory());

    static void launchWith(CockpitOptions opts, CockpitCli.Mode windowMode) {
        options = opts;
        mode = windowMode;
        Application.launch(CockpitApp.class);
    }

    @Override
    public void start(Stage stage) {
        Optional<WindowState> last = WindowState.read(WindowState.file(System.getenv()));
        CockpitOptions given = options != null ? options : CockpitOptions.defaults();
        // the connection switched to last time, unless the command line names one (the toolbar shows which it is)
        CockpitOptions opts = given.connection() == null && last.map(WindowState::connection).isPresent()
                ? given.withConnection(last.get().connection()) : given;
        connection = opts.connection();
        var loaded = new ConfigLoader(System.getenv()).load(opts.config());
        String project = opts.project() != null ? opts.project() : loaded.config().stack().project();
        config = loaded.config();
        redaction = Redaction.of(loaded.config(), System.getenv());
        presenter = new WallPresenter(ZoneId.systemDefault(), loaded.config().incidents().ladder(), redaction);
        Thread.ofVirtual().start(AuditLog.Who::local); // a host name lookup can be slow: not on the FX thread
        this.stage = stage;
        Ports ports = WindowPorts.of(() -> cockpit, name -> {
            connection = name;
            restart(opts.withConnection(name));
        }, project, () -> presenting);
        view = new MainView(loaded.config().round().history(), ports, project,
                new Background(uiWork, Platform::runLater));
        Scene scene = new Scene(view, 1420, 900);
        scene.getStylesheets().add(MainView.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("HCD JanusGraph Ops Cockpit");
        var icon = CockpitApp.class.getResource("/cockpit/icons/cockpit-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        view.shortcuts(ports.actions()::probeNow, this::togglePresenter, Platform::exit).install(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // a wall is left with F11 only
        stage.setFullScreenExitHint("Presenter mode: F11 leaves it");
        remember(stage, last);
        stage.show();
        if (mode.presenter()) {
            togglePresenter();
        }
        restart(opts);
    }

    /** The first frame with probed tiles: from this JVM's start to then is the start-up the panel shows. FX thread. */
    private void firstLiveTiles(WallModel m) {
        if (live || m.cards().stream().noneMatch(WallModel.Card::probed)) {
            return;
        }
        live = true;
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                Duration took = Duration.ofMillis(System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime());
                Cockpit c = cockpit;
                if (c != null) {
                    c.self().started(took);
                }
                if (Boolean.getBoolean("cockpit.startupMark")) {
                    System.out.println(STARTUP_MARK + took.toMillis());
                }
            }
        });
    }

    /** Starts (or, after a connection switch, restarts) the cockpit behind the window, off the FX thread. */
    private void restart(CockpitOptions opts) {
        Thread.ofPlatform().name("cockpit-start").daemon(true).start(() -> {
            Cockpit old = cockpit;
            cockpit = null;
            if (old != null) {
                old.close();
            }
            try {
                Cockpit c = new Cockpit(opts, System.getenv(), true, feed);
                cockpit = c;
                feed.accept(c.store().get()); // before its pollers start: nothing updates the store yet
                c.start();
                c.self().watchFxThread(Platform::runLater);
            } catch (Exception e) {
                Platform.runLater(() -> view.showFatal("The cockpit could not start: " + e));
            }
        });
    }

    /** The wall's presenter, made on the presenter thread the first time presenter mode is on. */
    private WallPresenter wall() {
        if (wallboard == null) {
            wallboard = new WallPresenter(ZoneId.systemDefault(), config.incidents().ladder(),
                    wallboard(redaction, config));
        }
        return wallboard;
    }

    /** Presenter mode's redaction: also every address, the stack's host, this machine's name and the OS user. */
    static Redaction wallboard(Redaction base, CockpitConfig config) {
        return base.forWallboard(List.of(config.stack().host(), AuditLog.Who.local().user(),
                AuditLog.Who.local().host()));
    }

    /** Presenter mode on or off: the wall, full screen, and its words presented again with its redaction. FX thread. */
    private void togglePresenter() {
        presenting = !presenting;
        view.presenting(presenting, mode.rotateSeconds());
        stage.setFullScreen(presenting);
        Cockpit c = cockpit;
        if (c != null) {
            feed.accept(c.store().get());
        }
    }

    /** Where the window was, its view and theme, as it was left (if that place is still on a screen). */
    private void remember(Stage stage, Optional<WindowState> last) {
        Path file = WindowState.file(System.getenv());
        last.filter(w -> w.visibleOn(Screen.getScreens().stream().map(Screen::getVisualBounds).toList()))
                .ifPresent(w -> {
                    stage.setX(w.x());
                    stage.setY(w.y());
                    stage.setWidth(w.width());
                    stage.setHeight(w.height());
                    stage.setMaximized(w.maximized());
                });
        last.map(WindowState::view).ifPresent(view::selectView);
        view.theme(Theme.of(last.map(WindowState::theme).orElse(null)));
        stage.setOnHiding(e -> {
            try {
                new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                        view.currentView(), view.theme().word(), connection).write(file);
            } catch (IOException ex) {
                System.err.println("cockpit: the window's place not remembered: " + file + ": " + ex.getMessage());
            }
        });
    }

    @Override
    public void stop() {
        uiWork.shutdownNow();
        presenterThread.shutdownNow();
        Cockpit c = cockpit;
        if (c != null) {
            c.close();
        }
    }
}
