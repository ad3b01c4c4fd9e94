package io.hcdjg.cockpit.probes;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;

import io.hcdjg.cockpit.model.Health;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.Locale;

/** Turns the exceptions of the network clients into reasons an operator can read on a tile. */
public final class Failures {
    private Failures() {
    }

    public static String describe(Throwable error, String host, int port, Duration timeout) {
        String where = host + ":" + port;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AllNodesFailedException all && !all.getAllErrors().isEmpty()) {
                List<Throwable> errors = all.getAllErrors().values().iterator().next();
                if (!errors.isEmpty()) {
                    return describe(errors.get(0), host, port, timeout);
                }
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection to " + where + " in " + seconds(timeout);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                    || t instanceof DriverTimeoutException
                    || t instanceof ConnectionInitException && String.valueOf(t.getMessage()).contains("timed out")) {
                return "no answer in " + seconds(timeout);
            }
            if (t instanceof ConnectException) {
                String m = String.valueOf(t.getMessage()).toLowerCase();
                return m.contains("timed out") ? "no connection to " + where + " in " + seconds(timeout)
                        : "connection refused on " + where;
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + where;
            }
            if (t instanceof UnknownHostException) {
                return "unknown host '" + host + "'";
            }
            if (t instanceof ClosedChannelException
                    || t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase().contains("reset")) {
                return "connection closed by " + where;
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message);
    }

    /**
     * A failed probe's health: DOWN with the reason; {@linkplain Health#unreachable unreachable} when the failure
     * happened before anything answered on the port (so it says nothing about whether the service is deployed).
     */
    public static Health health(Throwable error, String host, int port, Duration timeout) {
        String reason = describe(error, host, port, timeout);
        boolean reached = !(reason.startsWith("connection refused") || reason.startsWith("no connection to")
                || reason.startsWith("no route to") || reason.startsWith("unknown host")
                || reason.startsWith("no answer in"));
        return reached ? Health.down(reason) : Health.unreachable(reason);
    }

    /** "3 s", "500 ms", "1.5 s". */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
