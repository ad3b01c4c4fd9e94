package io.hcdjg.cockpit.app;

import io.hcdjg.cockpit.config.Redaction;
import io.hcdjg.cockpit.logs.LogBuffer;
import io.hcdjg.cockpit.runtime.LogHub;
import io.hcdjg.cockpit.ui.LogSource;

import java.util.Comparator;
import java.util.List;

/**
 * The log hub's buffers as the log pane's {@link LogSource}s. The pane (and an export of its lines) shows each line
 * through the redaction every other sink uses: a container may log a password in a connection string.
 */
public final class LogSources {
    private LogSources() {
    }

    static List<LogSource> of(LogHub hub, Redaction redaction) {
        return hub.followed().values().stream()
                .sorted(Comparator.comparing(LogHub.Followed::service).thenComparing(LogHub.Followed::container))
                .map(f -> source(f.service(), f.container(), f.buffer(), redaction)).toList();
    }

    /** One container's buffer as the pane reads it. */
    public static LogSource source(String service, String container, LogBuffer buffer, Redaction redaction) {
        return new Adapter(service, container, buffer, redaction);
    }

    private record Adapter(String service, String container, LogBuffer buffer, Redaction redaction)
            implements LogSource {
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
            return redaction.text(buffer.text(seq, maxChars));
        }

        @Override
        public long[] find(String literal) {
            return buffer.find(literal);
        }
    }
}
