package io.hcdjg.cockpit.probes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every HTTP exchange of the cockpit (probes, Prometheus, Alertmanager, webhooks) under two ceilings: the body is read
 * up to a size and no further (a 400 MB answer must not take the window's heap), and the whole exchange, body included,
 * ends within a deadline (a request's own timeout stops at the headers, so a server trickling its body one byte at a
 * time would hold a poller for ever).
 */
public final class BoundedHttp {
    private BoundedHttp() {
    }

    /**
     * @throws IOException          the body is larger than {@code maxBytes} (the connection is dropped, the rest
     *                              unread), or the exchange failed
     * @throws HttpTimeoutException nothing answered within {@code deadline}; an {@link IOException} that says so when
     *                              the headers came but not the whole body
     */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, int maxBytes, Duration deadline)
            throws IOException, InterruptedException {
        AtomicBoolean headers = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> {
            headers.set(true);
            return new Capped(maxBytes);
        });
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (!headers.get()) {
                throw new HttpTimeoutException("no answer in " + Failures.seconds(deadline));
            }
            throw new IOException("answer not complete in " + Failures.seconds(deadline) + ": its body was still "
                    + "arriving");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }

    /** Reads a body up to its ceiling; beyond it, cancels the rest and fails. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final int max;
        private Flow.Subscription subscription;

        Capped(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (body.isDone()) {
                    return;
                }
                if ((long) read.size() + b.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("answer larger than " + size(max)
                            + ": not read further"));
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                read.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(read.toByteArray());
        }

        private static String size(int bytes) {
            return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
        }
    }
}
