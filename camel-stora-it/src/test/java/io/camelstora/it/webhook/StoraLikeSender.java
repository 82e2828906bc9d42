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
package io.camelstora.it.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.camelstora.component.webhook.StoraWebhookVerifier;

/**
 * Delivers events as Stora does (https://docs.stora.co/2025-09/guides/webhooks): a signed POST per attempt with a new
 * {@code X-Stora-Request-Id}, 20 s timeout, and every non-2xx answer, network error or timeout retried up to 6 times
 * after 1 min, 5 min, 30 min, 2 h, 6 h and 12 h, here multiplied by {@code timeScale}. Attempts of a delivery go to the
 * nodes in turn, as a load balancer spreads them; a node that is down refuses the connection, which is a failed
 * attempt like any other.
 */
public final class StoraLikeSender implements AutoCloseable {

    static final List<Duration> RETRY_SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12));
    /** The status counted for an attempt that got no answer (refused, reset, timed out). */
    static final int NO_ANSWER = 0;

    private final List<URI> nodes;
    private final String secret;
    private final double timeScale;
    private final Semaphore inFlight;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    private final HttpClient client;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder delivered = new LongAdder();
    private final Map<String, String> exhausted = new ConcurrentHashMap<>();

    public StoraLikeSender(List<URI> nodes, String secret, double timeScale, int maxInFlight) {
        this.nodes = List.copyOf(nodes);
        this.secret = secret;
        this.timeScale = timeScale;
        this.inFlight = new Semaphore(maxInFlight);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Starts a delivery of an event: its first attempt goes to node {@code firstNode} now (waiting for a free slot of
     * maxInFlight), its retries to the next nodes.
     *
     * @param name tells this delivery's request ids from another delivery of the same event
     */
    public void deliver(String eventId, String body, int firstNode, String name) throws InterruptedException {
        pending.incrementAndGet();
        inFlight.acquire();
        attempt(eventId, body.getBytes(StandardCharsets.UTF_8), firstNode, name, 1);
    }

    private void attempt(String eventId, byte[] body, int firstNode, String name, int number) {
        URI node = nodes.get((firstNode + number - 1) % nodes.size());
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(node).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Stora-Webhooks/1.0")
                .header("X-Stora-Signature", StoraWebhookVerifier.signatureHeader(secret, timestamp, body))
                .header("X-Stora-Request-Id", eventId + "-" + name + "-a" + number)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            int status = failure == null ? response.statusCode() : NO_ANSWER;
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status >= 200 && status < 300) {
                delivered.increment();
                pending.decrementAndGet();
            } else if (number > RETRY_SCHEDULE.size()) {
                exhausted.put(eventId + "-" + name, "last answer " + status);
                pending.decrementAndGet();
            } else {
                long delay = Math.max(1, Math.round(RETRY_SCHEDULE.get(number - 1).toMillis() * timeScale));
                retries.schedule(() -> {
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    attempt(eventId, body, firstNode, name, number + 1);
                }, delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Waits until every delivery succeeded or failed all its attempts. */
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** How many attempts got each status ({@link #NO_ANSWER} for none), sorted by status. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    public long count(int status) {
        LongAdder count = statuses.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Deliveries answered 2xx in the end. */
    public long delivered() {
        return delivered.sum();
    }

    /** Deliveries that failed all 7 attempts, as Stora then marks them failed: event id and delivery name. */
    public Map<String, String> exhausted() {
        return Map.copyOf(exhausted);
    }

    public int pending() {
        return pending.get();
    }

    @Override
    public void close() {
        retries.shutdownNow();
        clientThreads.shutdownNow();
    }
}
