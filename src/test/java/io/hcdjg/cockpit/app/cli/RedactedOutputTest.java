package io.hcdjg.cockpit.app.cli;

import io.hcdjg.cockpit.config.Redaction;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CLI's streams: whole lines are redacted, however they were written. */
class RedactedOutputTest {
    @Test
    void aLineWrittenInPiecesIsRedactedWhole() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Redaction r = new Redaction(List.of("literal-Secret-9"), List.of(), List.of());
        PrintStream out = RedactedOutput.over(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> r);
        out.printf("%s %s%n", "cqlsh -u cassandra -p", "s3cret and literal-Secret-9");
        out.print("twice — literal-Se");
        out.print("cret-9\n");
        PrintWriter picocli = new PrintWriter(out, true, out.charset());
        picocli.println("--token=abc1234 from the usage");
        out.print("no newline at the end: password=x");
        out.flush();
        assertEquals("cqlsh -u cassandra -p *** and ***\ntwice — ***\n--token=*** from the usage\n"
                + "no newline at the end: password=***", bytes.toString(StandardCharsets.UTF_8));
    }
}
