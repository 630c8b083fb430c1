package io.riposte.consumer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one body to a webhook, retrying what may pass later (I/O errors, timeouts, 408, 429, 5xx) with
 * exponential backoff capped at {@code maxBackoff}, at most {@code maxAttempts} times. Every attempt
 * carries the same {@code Idempotency-Key}, so a receiver can tell a retry from a new alert. A 4xx other
 * than 408 and 429 is the receiver refusing this body: retrying would send the same thing again, so it
 * fails at once.
 */
public final class WebhookDelivery implements AutoCloseable {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** How one delivery ended: delivered, or why not (a short code for headers and counts, and the detail). */
    public record Outcome(boolean delivered, String reason, String message, int attempts) {}

    /** Thrown when {@link #close()} interrupts a delivery: it neither succeeded nor failed. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped during a delivery");
        }
    }

    private final URI webhook;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final HttpClient http;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public WebhookDelivery(URI webhook, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration timeout) {
        if (!"http".equals(webhook.getScheme()) && !"https".equals(webhook.getScheme())) {
            throw new IllegalArgumentException("--webhook wants an http:// or https:// URL, got '" + webhook + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("--max-attempts must be at least 1, got " + maxAttempts);
        }
        this.webhook = webhook;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The longest one delivery can take: every attempt timing out, every backoff slept. */
    public Duration worstCase() {
        Duration d = timeout.multipliedBy(2L * maxAttempts); // connect + response timeouts
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            d = d.plus(backoff(attempt));
        }
        return d;
    }

    Duration backoff(int failedAttempts) {
        long ms = firstBackoff.toMillis() << Math.min(failedAttempts - 1, 30);
        return Duration.ofMillis(Math.min(ms < 0 ? Long.MAX_VALUE : ms, maxBackoff.toMillis()));
    }

    public Outcome deliver(String idempotencyKey, String contentType, byte[] body) {
        String reason = null;
        String message = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(backoff(attempt - 1));
            }
            HttpRequest request = HttpRequest.newBuilder(webhook)
                    .timeout(timeout)
                    .header("Content-Type", contentType)
                    .header(IDEMPOTENCY_KEY, idempotencyKey)
                    .header("User-Agent", "riposte-notify")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return new Outcome(true, null, null, attempt);
                }
                reason = "HTTP_" + status;
                message = "the webhook answered HTTP " + status;
                if (status / 100 == 4 && status != 408 && status != 429) {
                    return new Outcome(false, reason, message + " (a refusal, not retried)", attempt);
                }
            } catch (HttpTimeoutException e) {
                reason = "TIMEOUT";
                message = "no answer within " + timeout + ": " + e.getMessage();
            } catch (ConnectException e) {
                reason = "UNREACHABLE";
                message = "cannot connect to " + webhook.getHost() + ":" + port() + ": " + e;
            } catch (IOException e) {
                reason = "IO_ERROR";
                message = String.valueOf(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
            if (stopped.getCount() == 0) {
                throw new Stopped();
            }
        }
        return new Outcome(false, reason, message + " (" + maxAttempts + " attempts)", maxAttempts);
    }

    private int port() {
        return webhook.getPort() >= 0 ? webhook.getPort() : "https".equals(webhook.getScheme()) ? 443 : 80;
    }

    /** Sleeps, ending early (with {@link Stopped}) when closed. */
    void pause(Duration d) {
        try {
            if (stopped.await(d.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
    }
}
