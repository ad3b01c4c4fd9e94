package io.hcdjg.cockpit.probes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailuresTest {
    private static final Duration T = Duration.ofSeconds(3);

    private static String describe(Throwable t) {
        return Failures.describe(t, "127.0.0.1", 19042, T);
    }

    @Test
    void namesTheEndpointOfARefusedConnectionEvenWhenWrapped() {
        assertEquals("connection refused on 127.0.0.1:19042", describe(new ConnectException("Connection refused")));
        assertEquals("connection refused on 127.0.0.1:19042",
                describe(new CompletionException(new IOException("x", new ConnectException("Connection refused")))));
    }

    @Test
    void timeoutsSayHowLongWasWaited() {
        assertEquals("no answer in 3 s", describe(new HttpTimeoutException("request timed out")));
        assertEquals("no answer in 3 s", describe(new TimeoutException()));
        assertEquals("no connection to 127.0.0.1:19042 in 3 s", describe(new HttpConnectTimeoutException("x")));
        assertEquals("no connection to 127.0.0.1:19042 in 3 s", describe(new ConnectException("connect timed out")));
    }

    @Test
    void otherFailures() {
        assertEquals("unknown host '127.0.0.1'", describe(new UnknownHostException("x")));
        assertEquals("connection closed by 127.0.0.1:19042", describe(new SocketException("Connection reset")));
        assertEquals("boom", describe(new RuntimeException(new IllegalStateException("boom\nstack"))));
        assertEquals("IllegalStateException", describe(new IllegalStateException()));
    }

    @Test
    void secondsAreWrittenForPeople() {
        assertEquals("3 s", Failures.seconds(Duration.ofSeconds(3)));
        assertEquals("500 ms", Failures.seconds(Duration.ofMillis(500)));
        assertEquals("1.5 s", Failures.seconds(Duration.ofMillis(1500)));
    }
}
