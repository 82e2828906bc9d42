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
package io.camelstora.benchmarks;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelstora.component.webhook.StoraWebhookVerifier;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Signed Stora events per second on loopback: through a {@code stora:webhook} route (signature verified, event parsed,
 * de-duplicated in the default in-memory repository, routed, answered) versus a bare {@code platform-http} route that
 * only answers 200 with the same small JSON body, both on camel-main's Vert.x server in one JVM, driven by the same
 * load generator in the same run.
 * <p>
 * Every request is a new event (unique id) signed at send time, for both routes, so the generator's work is the same
 * and the stora route never takes the short duplicate path. Rounds alternate between the routes so drift of a shared
 * machine affects both.
 * <p>
 * <pre>mvn -B -q -pl camel-stora-benchmarks exec:java -Dexec.mainClass=io.camelstora.benchmarks.WebhookBenchmark
 *   [-Dconcurrency=64] [-Dseconds=10] [-Drounds=5] [-Dwarmup=10]</pre>
 */
public final class WebhookBenchmark {

    static final String SECRET = "01a9d2bc4f2301b5313a961ba198b0b900ea49478f9ba86fc8b409a5703a8131";
    static final String INVOICE = "{\"id\":\"inv_%d\",\"object\":\"invoice\",\"status\":\"paid\",\"number\":\"INV-%d\","
            + "\"total\":{\"amount\":5999,\"currency\":\"GBP\",\"formatted\":\"£59.99\"},"
            + "\"contact\":{\"id\":\"con_7d1f\",\"email\":\"jsmith@example.com\",\"full_name\":\"J Smith\"},"
            + "\"site\":{\"id\":\"site_3a9c\",\"name\":\"Central\"},\"metadata\":{},"
            + "\"created_at\":\"2025-01-15T10:30:00Z\",\"updated_at\":\"2025-01-15T10:30:00Z\"}";

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 64);
        int seconds = Integer.getInteger("seconds", 10);
        int rounds = Integer.getInteger("rounds", 5);
        int warmup = Integer.getInteger("warmup", 10);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.main.name", "webhook-benchmark");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // answers like the stora route does (small JSON, no request header echoed back), so the
                // difference is the webhook handling and not the size of the answer
                from("platform-http:/bare").routeId("bare")
                        .removeHeaders("*")
                        .setHeader("Content-Type", constant("application/json"))
                        .setBody(constant("{\"status\":\"processed\"}"));
                from("stora:webhook?path=/stora&secret=" + SECRET).routeId("stora")
                        .setProperty("handled", constant(true));
            }
        });
        main.start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI bare = URI.create("http://localhost:" + port + "/bare");
            URI stora = URI.create("http://localhost:" + port + "/stora");
            AtomicLong ids = new AtomicLong();

            System.out.printf("Webhook benchmark: %d requests in flight, %d s warm-up, %d rounds of %d s per route, %d CPUs%n",
                    concurrency, warmup, rounds, seconds, Runtime.getRuntime().availableProcessors());
            drive(client, bare, concurrency, Duration.ofSeconds(warmup / 2), ids);
            drive(client, stora, concurrency, Duration.ofSeconds(warmup - warmup / 2), ids);

            List<Double> bareRates = new ArrayList<>();
            List<Double> storaRates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Result b = drive(client, bare, concurrency, Duration.ofSeconds(seconds), ids);
                Result s = drive(client, stora, concurrency, Duration.ofSeconds(seconds), ids);
                System.out.printf("  round %d: bare %,.0f req/s (%d errors), stora %,.0f events/s (%d errors)%n", round,
                        b.perSecond(), b.errors, s.perSecond(), s.errors);
                bareRates.add(b.perSecond());
                storaRates.add(s.perSecond());
            }
            double bareMedian = median(bareRates);
            double storaMedian = median(storaRates);
            System.out.printf("bare platform-http route answering 200 : %,10.0f req/s (median)%n", bareMedian);
            System.out.printf("stora:webhook route (verify, dedupe)   : %,10.0f events/s (median)%n", storaMedian);
            System.out.printf("ratio stora / bare                     : %10.2f (target >= 0.80)%n", storaMedian / bareMedian);
        } finally {
            main.stop();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    record Result(long ok, long errors, long nanos) {
        double perSecond() {
            return ok * 1e9 / nanos;
        }
    }

    /** {@code concurrency} independent loops, each sending its next signed event when the previous answer came. */
    static Result drive(HttpClient client, URI uri, int concurrency, Duration duration, AtomicLong ids)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int i = 0; i < concurrency; i++) {
            send(client, uri, ids, deadline, ok, errors, finished);
        }
        if (!finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Requests to " + uri + " did not finish");
        }
        return new Result(ok.get(), errors.get(), System.nanoTime() - start);
    }

    private static void send(HttpClient client, URI uri, AtomicLong ids, long deadline, AtomicLong ok, AtomicLong errors,
                             CountDownLatch finished) {
        if (System.nanoTime() >= deadline) {
            finished.countDown();
            return;
        }
        long n = ids.incrementAndGet();
        String body = "{\"event\":{\"id\":\"evt_bench_" + n + "\",\"type\":\"invoice.paid\",\"api_version\":\"2025-09\","
                + "\"created_at\":\"2025-01-15T10:30:00Z\",\"data\":{\"invoice\":" + String.format(INVOICE, n, n) + "}}}";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Stora-Signature", StoraWebhookVerifier.signatureHeader(SECRET, System.currentTimeMillis() / 1000,
                        body.getBytes(StandardCharsets.UTF_8)))
                .header("X-Stora-Request-Id", "req_" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 200) {
                ok.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
            send(client, uri, ids, deadline, ok, errors, finished);
        });
    }
}
