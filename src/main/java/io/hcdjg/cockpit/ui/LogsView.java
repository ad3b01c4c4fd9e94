package io.hcdjg.cockpit.ui;

import io.hcdjg.cockpit.model.LogClass;
import io.hcdjg.cockpit.present.LogFormat;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckComboBox;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.io.File;
import java.util.stream.Stream;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;

/**
 * The log pane: one container or several merged by time, following or paused, with find (count and next/previous),
 * a class or regular-expression filter with context lines, wrap and timestamp toggles, copy and export. Rows come from
 * a {@link LogFeed} once per frame while the pane is on screen (the frame timer stops when it is hidden); the list is
 * virtual, so only the visible lines are turned into text.
 */
final class LogsView extends BorderPane {
    private final Supplier<List<LogSource>> sources;
    private final CheckComboBox<String> services = new CheckComboBox<>();
    private final ToggleButton follow = new ToggleButton("Follow");
    private static final String ALL_LINES = "all lines";
    private final ChoiceBox<String> classes = new ChoiceBox<>(FXCollections.observableArrayList(Stream
            .concat(Stream.of(ALL_LINES), LogClass.ALL.stream().map(LogClass::plural)).toList()));
    private final TextField filter = new TextField();
    private final Spinner<Integer> context = new Spinner<>(0, 20, 0);
    private final TextField find = new TextField();
    private final Label findCount = new Label();
    private final CheckBox wrap = new CheckBox("Wrap");
    private final CheckBox timestamps = new CheckBox("Timestamps");
    private final LogCanvas list = new LogCanvas();
    private final LogLines lines = new LogLines(this::shown, () -> timestamps.isSelected());
    private final Label status = new Label();
    private final Button jump = new Button();
    /** How often the feed reads the buffers while the pane is shown. */
    private static final long FEED_NANOS = 50_000_000;
    private final Background background;
    private final LogFeed feed;
    private final AnimationTimer frames = new AnimationTimer() {
        private long fed;

        @Override
        public void handle(long now) {
            if (now - fed >= FEED_NANOS) {
                fed = now;
                feed.request();
            }
            pull();
        }
    };
    private final Showing.Switch running = new Showing.Switch(frames::start, frames::stop);
    private LogRows rows = new LogRows();
    private List<LogSource> shown = List.of();
    private Set<Long> hits = Set.of();
    private int unseen;
    private String notice = "";

    LogsView(Supplier<List<LogSource>> sources, Background background) {
        this.sources = sources;
        this.background = background;
        this.feed = new LogFeed(background);
        setId("logs-view");
        getStyleClass().add("ck-logs");
        services.setId("log-services");

        services.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> rebuild());
        follow.setId("log-follow");
        follow.setSelected(true);
        follow.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                toEnd();
            }
        });
        classes.setId("log-classes");
        classes.setValue(ALL_LINES);
        classes.setOnAction(e -> rebuild());
        filter.setId("log-filter");
        filter.setPromptText("filter: regular expression");
        filter.setOnAction(e -> rebuild());
        context.setId("log-context");
        context.setPrefWidth(70);
        context.valueProperty().addListener((o, a, b) -> rebuild());
        find.setId("log-find");
        find.setPromptText("find (Ctrl+F)");
        find.setOnAction(e -> next(1));
        find.textProperty().addListener((o, a, b) -> findAll());
        findCount.setId("log-find-count");
        Button prev = button("↑", "log-find-prev", () -> next(-1));
        Button nextB = button("↓", "log-find-next", () -> next(1));
        wrap.setId("log-wrap");
        wrap.setOnAction(e -> list.setWrap(wrap.isSelected()));
        timestamps.setId("log-timestamps");
        timestamps.setSelected(true);
        timestamps.setOnAction(e -> list.setLines(lines));
        Button copy = button("Copy", "log-copy", () -> lines.copy(list.selection()));
        Button export = button("Export…", "log-export", this::exportDialog);
        HBox bar = new HBox(6, services, follow, classes, filter, new Label("context lines"), context);
        HBox bar2 = new HBox(6, find, findCount, prev, nextB, wrap, timestamps, copy, export);
        for (HBox b : List.of(bar, bar2)) {
            b.getStyleClass().add("ck-toolbar");
            b.setAlignment(Pos.CENTER_LEFT);
        }
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox.setHgrow(find, Priority.ALWAYS);
        follow.setMinWidth(70);
        wrap.setMinWidth(60);
        timestamps.setMinWidth(100);
        export.setMinWidth(80);
        copy.setMinWidth(60);
        list.setLines(lines);
        list.onScrollUp(() -> follow.setSelected(false)); // scrolling up to read pauses the follow
        list.onOpen(row -> lines.full(getScene().getWindow(), row));
        jump.setId("log-jump");
        jump.setOnAction(e -> follow.setSelected(true));
        jump.setVisible(false);
        status.setId("log-status");
        HBox foot = new HBox(12, status, jump);
        foot.getStyleClass().add("ck-log-foot");
        setTop(new VBox(bar, bar2));
        setCenter(list);
        setBottom(foot);
        runWhile(Showing.inWindow(this));
    }

    /** The frame timer runs only while {@code shown} holds (MainView: the Logs tab is selected in a showing window). */
    void runWhile(ObservableValue<Boolean> shown) {
        running.follow(shown);
    }

    /** Whether the frame timer runs. */
    boolean isRunning() {
        return running.on();
    }

    private static Button button(String text, String id, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> r.run());
        return b;
    }

    /** Offers the services that have logs; checks the first one when nothing is chosen yet. */
    void offer(List<String> names) {
        if (!services.getItems().equals(names)) {
            List<String> checked = List.copyOf(services.getCheckModel().getCheckedItems());
            services.getItems().setAll(names);
            checked.stream().filter(names::contains).forEach(n -> services.getCheckModel().check(n));
            if (services.getCheckModel().getCheckedItems().isEmpty() && !names.isEmpty()) {
                services.getCheckModel().check(names.get(0));
            }
        }
    }

    /** Shows one service's lines of one class (a counter was clicked; null: all services): 0 for all lines. */
    void show(String service, int classBit) {
        services.getCheckModel().clearChecks();
        (service == null ? services.getItems() : List.of(service)).forEach(services.getCheckModel()::check);
        classes.setValue(classBit == 0 ? ALL_LINES : LogClass.in(classBit).get(0).plural());
        rebuild();
    }

    void focusFind() {
        find.requestFocus();
    }

    private void rebuild() {
        Set<String> chosen = new HashSet<>(services.getCheckModel().getCheckedItems());
        List<LogSource> chosenSources = sources.get().stream().filter(s -> chosen.contains(s.service())).toList();
        Pattern p = null;
        filter.getStyleClass().remove("ck-invalid");
        if (!filter.getText().isBlank()) {
            try {
                p = Pattern.compile(filter.getText());
            } catch (PatternSyntaxException e) {
                filter.getStyleClass().add("ck-invalid");
                notice = " · filter: " + e.getDescription();
                return;
            }
        }
        notice = "";
        int idx = classes.getItems().indexOf(classes.getValue());
        feed.show(new LogFeed.View(chosenSources, idx <= 0 ? 0 : LogClass.ALL.get(idx - 1).bit(), p,
                context.getValue()));
    }

    /** Once per frame: takes the rows that arrived, drops those whose lines fell off, follows the end. */
    private void pull() {
        LogFeed.Batch b = feed.take();
        if (b != null) {
            if (b.reset()) {
                shown = b.sources();
                rows = LogRows.of(b.rows(), b.n());
                list.setRows(rows);
                unseen = 0;
                findAll();
            } else {
                rows.append(b.rows(), b.n());
                if (!follow.isSelected()) {
                    unseen += b.n();
                }
            }
        }
        int gone = rows.dropWhile(r -> {
            int s = LogRows.source(r);
            return s < shown.size() && LogRows.seq(r) < shown.get(s).first();
        });
        if (b != null || gone > 0) {
            list.rowsChanged(gone, follow.isSelected());
        }
        list.draw();
        long dropped = shown.stream().mapToLong(LogSource::dropped).sum();
        status.setText(LogFormat.status(rows.size(), dropped, follow.isSelected()) + notice);
        jump.setText(LogFormat.jump(unseen));
        jump.setVisible(!follow.isSelected() && unseen > 0);
    }

    private void toEnd() {
        unseen = 0;
        list.scrollTo(rows.size());
    }

    /** Counts the lines in view that contain the find text; off the FX thread. */
    private void findAll() {
        String term = find.getText();
        List<LogSource> in = shown;
        if (term.isEmpty()) {
            hits = Set.of();
            findCount.setText("");
            list.setHits(hits);
            return;
        }
        LogRows current = rows;
        background.run(() -> LogLines.find(in, term), found -> {
            if (term.equals(find.getText()) && current == rows) {
                hits = found;
                findCount.setText(LogFormat.matches(rows.count(found)));
                list.setHits(hits);
            }
        }, e -> findCount.setText("find failed: " + e.getMessage()));
    }

    private void next(int direction) {
        if (hits.isEmpty()) {
            return;
        }
        int from = list.selectedIndex();
        for (int k = 1; k <= rows.size(); k++) {
            int i = Math.floorMod(from + direction * k, rows.size());
            if (hits.contains(rows.row(i))) {
                follow.setSelected(false);
                list.select(i);
                return;
            }
        }
    }

    private List<LogSource> shown() {
        return shown;
    }

    private void exportDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the lines in view");
        chooser.setInitialFileName("cockpit-logs.txt");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            export(f.toPath());
        }
    }

    /** Writes every line in view (all, or the filtered ones), full text with time and service. */
    void export(Path file) {
        List<LogSource> in = shown;
        long[] copy = rows.toArray();
        background.run(() -> " · " + LogLines.export(file, in, copy), done -> notice = done,
                e -> notice = " · export failed: " + e.getMessage());
    }
}
