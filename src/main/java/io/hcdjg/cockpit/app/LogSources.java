package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.runtime.LogHub;
import io.hcdjg.cockpit.ui.LogSource;

import java.util.Comparator;
import java.util.List;

/** The log hub's buffers as the log pane's {@link LogSource}s. */
public final class LogSources {
    private LogSources() {
    }

    static List<LogSource> of(LogHub hub) {
        return hub.followed().values().stream()
                .sorted(Comparator.comparing(LogHub.Followed::service).thenComparing(LogHub.Followed::container))
                .map(f -> source(f.service(), f.container(), f.buffer())).toList();
    }

    /** One container's buffer as the pane reads it. */
    public static LogSource source(String service, String container, LogBuffer buffer) {
        return new Adapter(service, container, buffer);
    }

    private record Adapter(String service, String container, LogBuffer buffer) implements LogSource {
        @Override
        public long first() {
            return buffer.first();
        }

        @Override
        public long end() {
            return buffer.end();
        }

        @Override
        public long dropped() {
            return buffer.dropped();
        }

        @Override
        public long timestamp(long seq) {
            return buffer.timestamp(seq);
        }

        @Override
        public int classes(long seq) {
            return buffer.classes(seq);
        }

        @Override
        public int length(long seq) {
            return buffer.length(seq);
        }

        @Override
        public String text(long seq, int maxChars) {
            return buffer.text(seq, maxChars);
        }

        @Override
        public long[] find(String literal) {
            return buffer.find(literal);
        }
    }
}
