/*
 * Copyright 2026 the camel-stora authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelstora.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.camelstora.simulator.domain.EventPublisher;
import io.camelstora.simulator.support.Hmac;

/**
 * Signed webhook deliveries with the documented retry schedule (https://docs.stora.co/2025-09/guides/webhooks), and the log of what was
 * emitted and delivered. Retry delays are multiplied by the configured time scale so a test can watch all six
 * retries in milliseconds; the per-attempt timeout is not scaled.
 */
public final class Webhooks {

    /** The documented delays before the 1st to 6th retry. */
    public static final List<Duration> RETRY_SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12));

    /** Whether an endpoint still exists and is enabled (deliveries to it are cancelled otherwise). */
    interface EndpointCheck {
        boolean isEnabled(String endpointId);
    }

    private final double timeScale;
    private final Duration timeout;
    private final Faults faults;
    private final EndpointCheck endpoints;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final List<EmittedEvent> events = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong deliverySeq = new AtomicLong();
    private final List<Runnable> heldBack = new ArrayList<>();
    private int holdBack;

    Webhooks(double timeScale, Duration timeout, Faults faults, EndpointCheck endpoints) {
        this.timeScale = timeScale;
        this.timeout = timeout;
        this.faults = faults;
        this.endpoints = endpoints;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stora-simulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).executor(Executors.newCachedThreadPool(r -> {
                    Thread thread = new Thread(r, "stora-simulator-webhook-client");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }

    /** Every event emitted since start or the last reset, oldest first. */
    public List<EmittedEvent> events() {
        return List.copyOf(events);
    }

    public List<EmittedEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Every delivery (one per event and subscribed endpoint), oldest first. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<WebhookDelivery> deliveriesTo(String endpointId) {
        return deliveries.stream().filter(d -> d.endpointId().equals(endpointId)).toList();
    }

    /**
     * Waits until the deliveries satisfy {@code condition} (e.g. {@code ds -> ds.size() == 3 && ds.stream().allMatch(
     * d -> d.status() != PENDING)}), and returns them; fails with an {@link AssertionError} on timeout.
     */
    public List<WebhookDelivery> await(Predicate<List<WebhookDelivery>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<WebhookDelivery> snapshot = deliveries();
            if (condition.test(snapshot)) {
                return snapshot;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Webhook deliveries did not reach the expected state within " + timeout + ": " + snapshot);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for webhook deliveries", e);
            }
        }
    }

    /** Waits until {@code count} deliveries exist and none of them is pending any more. */
    public List<WebhookDelivery> awaitCompleted(int count, Duration timeout) {
        return await(ds -> ds.size() >= count && ds.stream().noneMatch(d -> d.status() == WebhookDelivery.Status.PENDING),
                timeout);
    }

    /** The value of {@code X-Stora-Signature} for a body: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    public static String signature(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + Hmac.sha256Hex(secret, timestamp + "." + body);
    }

    void reset() {
        for (WebhookDelivery delivery : deliveries) {
            cancel(delivery);
        }
        events.clear();
        deliveries.clear();
        synchronized (heldBack) {
            heldBack.clear();
            holdBack = 0;
        }
    }

    void close() {
        scheduler.shutdownNow();
    }

    /** Records the event and starts delivering it to the targets (asynchronously; never blocks the API). */
    void publish(EmittedEvent event, List<EventPublisher.Target> targets) {
        events.add(event);
        if (targets.isEmpty()) {
            return;
        }
        Runnable send = () -> {
            int copies = faults.takeDuplicateWebhook() ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                for (EventPublisher.Target target : targets) {
                    WebhookDelivery delivery = new WebhookDelivery("whd_" + deliverySeq.incrementAndGet(), event,
                            target.endpointId(), target.url());
                    deliveries.add(delivery);
                    attempt(delivery, target, 1);
                }
            }
        };
        synchronized (heldBack) {
            if (holdBack == 0) {
                holdBack = faults.takeReorderBatch();
            }
            if (holdBack > 0) {
                heldBack.add(send);
                if (heldBack.size() < holdBack) {
                    return;
                }
                List<Runnable> batch = new ArrayList<>(heldBack);
                heldBack.clear();
                holdBack = 0;
                for (int i = batch.size() - 1; i >= 0; i--) {
                    batch.get(i).run();
                }
                return;
            }
        }
        send.run();
    }

    /** Cancels the pending retries of deliveries to an endpoint that was disabled or deleted. */
    void cancelPending(String endpointId) {
        for (WebhookDelivery delivery : deliveries) {
            if (delivery.endpointId().equals(endpointId) && delivery.status() == WebhookDelivery.Status.PENDING
                    && delivery.scheduledRetry != null) {
                cancel(delivery);
            }
        }
    }

    private void cancel(WebhookDelivery delivery) {
        if (delivery.scheduledRetry != null) {
            delivery.scheduledRetry.cancel(false);
        }
        if (delivery.status() == WebhookDelivery.Status.PENDING) {
            delivery.status(WebhookDelivery.Status.CANCELLED);
        }
    }

    private void attempt(WebhookDelivery delivery, EventPublisher.Target target, int number) {
        if (delivery.status() != WebhookDelivery.Status.PENDING) {
            return;
        }
        if (number > 1 && !endpoints.isEnabled(target.endpointId())) {
            delivery.status(WebhookDelivery.Status.CANCELLED);
            return;
        }
        String requestId = UUID.randomUUID().toString();
        String body = delivery.event().payload();
        // Real time, not the simulated clock: receivers compare t with their own clock to reject replays.
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(target.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Stora-Webhooks/1.0")
                    .header("X-Stora-Signature", signature(target.secret(), timestamp, body))
                    .header("X-Stora-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            record(delivery, target, number,
                    new WebhookDelivery.Attempt(number, requestId, Instant.now(), 0, "Invalid URL: " + e.getMessage(), 0));
            return;
        }
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            WebhookDelivery.Attempt attempt = failure == null
                    ? new WebhookDelivery.Attempt(number, requestId, startedAt, response.statusCode(), null, millis)
                    : new WebhookDelivery.Attempt(number, requestId, startedAt, 0, describe(failure), millis);
            record(delivery, target, number, attempt);
        });
    }

    private void record(WebhookDelivery delivery, EventPublisher.Target target, int number, WebhookDelivery.Attempt attempt) {
        delivery.addAttempt(attempt);
        if (attempt.succeeded()) {
            delivery.status(WebhookDelivery.Status.SUCCEEDED);
            return;
        }
        if (number > RETRY_SCHEDULE.size()) {
            delivery.status(WebhookDelivery.Status.FAILED);
            return;
        }
        if (delivery.status() != WebhookDelivery.Status.PENDING) {
            return;
        }
        long delayMillis = Math.max(1, Math.round(RETRY_SCHEDULE.get(number - 1).toMillis() * timeScale));
        try {
            delivery.scheduledRetry = scheduler.schedule(() -> attempt(delivery, target, number + 1), delayMillis,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            delivery.status(WebhookDelivery.Status.CANCELLED);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "Timed out";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
