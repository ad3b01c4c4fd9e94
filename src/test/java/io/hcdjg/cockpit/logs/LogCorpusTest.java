package io.hcdjg.cockpit.logs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default classifier on corpora of the stack's log lines, each annotated with its classes
 * (fixtures/logs/*.tsv: classes TAB line). classified.tsv is what the rules were written against; unseen.tsv was
 * written after them and is only measured.
 */
class LogCorpusTest {
    static final LogClassifier DEFAULTS = LogClassifier.defaults();

    record Annotated(int expected, String line) {
    }

    static List<Annotated> corpus(String name) throws IOException {
        try (InputStream in = LogCorpusTest.class.getResourceAsStream("/fixtures/logs/" + name)) {
            List<Annotated> out = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                int tab = row.indexOf('\t');
                out.add(new Annotated(classes(row.substring(0, tab)), row.substring(tab + 1)));
            }
            return out;
        }
    }

    private static int classes(String names) {
        int mask = 0;
        for (String n : names.split(",")) {
            mask |= switch (n) {
                case "-" -> 0;
                case "error" -> LogClassifier.ERROR;
                case "slow" -> LogClassifier.SLOW_QUERY;
                case "auth" -> LogClassifier.AUTH_FAILURE;
                case "destructive" -> LogClassifier.DESTRUCTIVE;
                default -> throw new IllegalArgumentException("no class " + n);
            };
        }
        return mask;
    }

    /** The lines whose classes differ from their annotation, one "expected ≠ got: line" each. */
    static List<String> misclassified(List<Annotated> corpus) {
        List<String> wrong = new ArrayList<>();
        for (Annotated a : corpus) {
            byte[] b = a.line().getBytes(StandardCharsets.UTF_8);
            int got = DEFAULTS.classify(b, 0, b.length);
            if (got != a.expected()) {
                wrong.add("[" + LogClassifier.describe(a.expected()) + "] ≠ [" + LogClassifier.describe(got) + "]: "
                        + a.line());
            }
        }
        return wrong;
    }

    @Test
    void everyLineOfTheCorpusGetsExactlyItsClasses() throws IOException {
        List<Annotated> corpus = corpus("classified.tsv");
        assertTrue(corpus.size() > 130, "corpus read: " + corpus.size());
        assertEquals(List.of(), misclassified(corpus));
    }

    /**
     * Measured, not tuned on: 105 of its 110 lines right when it was written (the misses: Cassandra's "Some operations
     * timed out" and an exporter's "query slow" are slow queries the rules do not know; "exception handler installed
     * for ValidationError" reads as an error; a zero five words after "authentication failures" is too far; a
     * pipeline's "❌ notebooks failed" has no error word). A rule change that loses more shows here.
     */
    @Test
    void theUnseenCorpusIsMostlyRight() throws IOException {
        List<Annotated> corpus = corpus("unseen.tsv");
        List<String> wrong = misclassified(corpus);
        double accuracy = 1 - wrong.size() / (double) corpus.size();
        assertTrue(accuracy >= 0.95, () -> String.format("%.3f of %d lines right; wrong:%n%s", accuracy, corpus.size(),
                String.join("\n", wrong)));
    }

    @Test
    void theCorpusReadAsOneBufferGivesTheSameClassesLineByLine() throws IOException {
        List<Annotated> corpus = corpus("classified.tsv");
        StringBuilder all = new StringBuilder();
        corpus.forEach(a -> all.append(a.line()).append('\n'));
        byte[] b = all.toString().getBytes(StandardCharsets.UTF_8);
        List<Integer> got = new ArrayList<>();
        DEFAULTS.classifyLines(b, 0, b.length, (s, e, c) -> got.add(c));
        assertEquals(corpus.stream().map(Annotated::expected).toList(), got);
    }
}
