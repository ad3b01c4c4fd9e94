package io.hcdjg.cockpit.probes;

import io.hcdjg.cockpit.config.ServiceConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** A quick look, before the first round, at whether anything of the configured stack listens at all. */
public final class Reachability {
    private Reachability() {
    }

    /** True when any of the services accepts a TCP connection within {@code timeout}; all are tried at once. */
    public static boolean anyAccepting(List<ServiceConfig> services, Duration timeout) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Boolean>> tries = services.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> accepts(s, timeout), executor)).toList();
            return tries.stream().anyMatch(CompletableFuture::join);
        }
    }

    private static boolean accepts(ServiceConfig s, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(s.host(), s.port()), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
