package io.hcdjg.cockpit.logs;

import io.hcdjg.cockpit.model.SecurityEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * The security events read so far, from container log buffers and audit log text, kept in time order and bounded.
 * The window reads incrementally (where it got to is the caller's), the CLI reads once: the same code either way.
 */
public final class SecurityLedger {
    /** A line longer than this is read cut: the patterns are all near its start. */
    private static final int MAX_CHARS = 4000;

    private final LogClassifier classifier;
    private final int cap;
    private final List<SecurityEvent> events = new ArrayList<>();
    private long dropped;

    /** @param cap the events kept; the oldest go first */
    public SecurityLedger(LogClassifier classifier, int cap) {
        this.classifier = classifier;
        this.cap = cap;
    }

    /**
     * The buffer's lines from sequence {@code from} (or its first retained line) to its end.
     *
     * @return where the next read starts
     */
    public synchronized long readLog(String service, LogBuffer buffer, long from) {
        long end = buffer.end();
        for (long seq = Math.max(from, buffer.first()); seq < end; seq++) {
            try {
                int classes = buffer.classes(seq);
                String text = buffer.text(seq, MAX_CHARS);
                if ((classes & (LogClassifier.DESTRUCTIVE | LogClassifier.AUTH_FAILURE)) != 0
                        || SecurityLines.candidate(text)) {
                    SecurityLines.fromLog(service, Instant.ofEpochMilli(buffer.timestamp(seq)), classes, text)
                            .ifPresent(this::add);
                }
            } catch (IndexOutOfBoundsException fellOff) {
                // dropped from the buffer while being read
            }
        }
        return end;
    }

    /**
     * Audit log text read from a byte offset. Only whole lines are taken: a line still being written is read next time.
     *
     * @return how many bytes were taken (the next read starts that much further)
     */
    public synchronized long readAudit(String service, String source, String text) {
        int last = text.lastIndexOf('\n');
        if (last < 0) {
            return 0;
        }
        String whole = text.substring(0, last + 1);
        whole.lines().filter(l -> !l.isBlank()).forEach(l -> SecurityLines.fromAudit(service, source, l, classifier)
                .ifPresent(this::add));
        // The audit log is JSON written with json.dumps, ASCII only: its characters are its bytes.
        return whole.getBytes(StandardCharsets.UTF_8).length;
    }

    private void add(SecurityEvent e) {
        if (answersAWafBlock(e) || alreadyAudited(e)) {
            return;
        }
        int at = events.size();
        while (at > 0 && events.get(at - 1).at().isAfter(e.at())) {
            at--;
        }
        events.add(at, e);
        if (events.size() > cap) {
            events.remove(0);
            dropped++;
        }
    }

    /**
     * The WAF answers what it blocks with a 403, which uvicorn writes as an access line just after the WAF's own line:
     * one request, already counted as a WAF block, not also an authorisation denial.
     */
    private boolean answersAWafBlock(SecurityEvent e) {
        if (e.category() != SecurityEvent.Category.AUTHZ_DENIED || !e.what().startsWith("403 ")) {
            return false;
        }
        String target = e.what().substring(e.what().indexOf(' ', 4) + 1);
        for (int i = events.size() - 1; i >= 0; i--) {
            SecurityEvent w = events.get(i);
            if (w.at().isBefore(e.at().minusSeconds(2))) {
                return false;
            }
            if (w.what().startsWith("WAF block") && w.who().equals(e.who()) && w.service().equals(e.service())
                    && target.startsWith(w.what().substring(w.what().indexOf(") ") + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The query sanitizer writes each rejection twice — its log line and a validation_failure audit event — about the
     * same instant: one occurrence, counted once, as the audit event (it holds the query). Whichever is read second
     * finds the first within two seconds, same service, same user.
     */
    private boolean alreadyAudited(SecurityEvent e) {
        if (e.category() != SecurityEvent.Category.VALIDATION_FAILURE) {
            return false;
        }
        boolean audited = !e.source().equals(SecurityEvent.LOG);
        for (int i = events.size() - 1; i >= 0; i--) {
            SecurityEvent x = events.get(i);
            if (x.at().isBefore(e.at().minusSeconds(2))) {
                return false;
            }
            if (x.category() == e.category() && x.who().equals(e.who()) && x.service().equals(e.service())
                    && !x.at().isAfter(e.at().plusSeconds(2)) && x.source().equals(SecurityEvent.LOG) == audited) {
                if (audited) {
                    events.remove(i); // the log line read first gives way to the audit event
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    /** The events at or after an instant, oldest first; older ones are forgotten. */
    public synchronized List<SecurityEvent> since(Instant from) {
        events.removeIf(e -> e.at().isBefore(from));
        return List.copyOf(events);
    }

    /** Events forgotten because more than the cap arrived. */
    public synchronized long dropped() {
        return dropped;
    }
}
