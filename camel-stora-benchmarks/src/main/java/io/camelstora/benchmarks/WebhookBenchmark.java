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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.component.webhook.StoraWebhookVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Signed Stora events per second on loopback through {@code stora:webhook} routes (signature verified, event parsed,
 * claimed and marked done in an event store, routed, answered) versus a bare {@code platform-http} route that only
 * answers 200 with the same small JSON body, all on camel-main's Vert.x server in one JVM, driven by the same load
 * generator in the same run. The stores compared:
 * <ul>
 * <li>{@code memory}: the default (in progress and done in this JVM);</li>
 * <li>{@code postgres}: {@link JdbcWebhookEventStore} on a real PostgreSQL started here (the documented several-node
 * setup): an INSERT to claim, an UPDATE to mark done, over a HikariCP pool;</li>
 * <li>{@code camel-sql}: the same guarantees from camel-sql's own repositories on the same database
 * ({@link CamelSqlEventStore}: a {@code JdbcOrphanLockAwareIdempotentRepository} lease and a
 * {@code JdbcMessageIdRepository} done mark), measured to compare, not offered.</li>
 * </ul>
 * Every request is a new event (unique id) signed at send time, for every route, so the generator's work is the same and
 * no route takes the short duplicate path. Rounds alternate between the routes so drift of a shared machine affects
 * all.
 * <p>
 * <pre>mvn -B -q -pl camel-stora-benchmarks exec:java -Dexec.mainClass=io.camelstora.benchmarks.WebhookBenchmark
 *   [-Dconcurrency=64] [-Dseconds=10] [-Drounds=5] [-Dwarmup=10] [-Dstores=memory,postgres,camel-sql]</pre>
 */
public final class WebhookBenchmark {

    static final String SECRET = "01a9d2bc4f2301b5313a961ba198b0b900ea49478f9ba86fc8b409a5703a8131";
    static final String INVOICE = "{\"id\":\"inv_%d\",\"object\":\"invoice\",\"status\":\"paid\",\"number\":\"INV-%d\","
            + "\"total\":{\"amount\":5999,\"currency\":\"GBP\",\"formatted\":\"£59.99\"},"
            + "\"contact\":{\"id\":\"con_7d1f\",\"email\":\"jsmith@example.com\",\"full_name\":\"J Smith\"},"
            + "\"site\":{\"id\":\"site_3a9c\",\"name\":\"Central\"},\"metadata\":{},"
            + "\"created_at\":\"2025-01-15T10:30:00Z\",\"updated_at\":\"2025-01-15T10:30:00Z\"}";
    /** The target ratio of each store against the bare route. */
    static final Map<String, Double> TARGETS = Map.of("memory", 0.8, "postgres", 0.7, "camel-sql", 0.0);

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("concurrency", 64);
        int seconds = Integer.getInteger("seconds", 10);
        int rounds = Integer.getInteger("rounds", 5);
        int warmup = Integer.getInteger("warmup", 10);
        List<String> stores = List.of(System.getProperty("stores", "memory,postgres,camel-sql").split(","));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        EmbeddedPostgres postgres = stores.stream().anyMatch(s -> !s.equals("memory")) ? EmbeddedPostgres.start() : null;
        HikariDataSource pool = postgres == null ? null : pool(postgres);
        Main main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.main.name", "webhook-benchmark");
        if (pool != null) {
            main.bind("postgresEvents", new JdbcWebhookEventStore(pool));
            main.bind("camelSqlEvents", new CamelSqlEventStore(pool));
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // answers like the stora route does (small JSON, no request header echoed back), so the
                // difference is the webhook handling and not the size of the answer
                from("platform-http:/bare").routeId("bare")
                        .removeHeaders("*")
                        .setHeader("Content-Type", constant("application/json"))
                        .setBody(constant("{\"status\":\"processed\"}"));
                for (String store : stores) {
                    String option = switch (store) {
                        case "memory" -> "";
                        case "postgres" -> "&eventStore=#postgresEvents";
                        case "camel-sql" -> "&eventStore=#camelSqlEvents";
                        default -> throw new IllegalArgumentException("stores: memory, postgres or camel-sql, got " + store);
                    };
                    from("stora:webhook?path=/" + store + "&secret=" + SECRET + option).routeId(store)
                            .setProperty("handled", constant(true));
                }
            }
        });
        main.start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, URI> routes = new LinkedHashMap<>();
            routes.put("bare", URI.create("http://localhost:" + port + "/bare"));
            stores.forEach(store -> routes.put(store, URI.create("http://localhost:" + port + "/" + store)));
            AtomicLong ids = new AtomicLong();

            System.out.printf("Webhook benchmark: %d requests in flight, %d s warm-up, %d rounds of %d s per route, %d CPUs%n",
                    concurrency, warmup, rounds, seconds, Runtime.getRuntime().availableProcessors());
            for (URI uri : routes.values()) {
                drive(client, uri, concurrency, Duration.ofSeconds(Math.max(1, warmup / routes.size())), ids);
            }
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("  round " + round + ":");
                // every other round in reverse order, so no route always runs right after the same one
                List<Map.Entry<String, URI>> order = new ArrayList<>(routes.entrySet());
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Map.Entry<String, URI> route : order) {
                    Result r = drive(client, route.getValue(), concurrency, Duration.ofSeconds(seconds), ids);
                    rates.computeIfAbsent(route.getKey(), k -> new ArrayList<>()).add(r.perSecond());
                    line.append(String.format(" %s %,.0f/s (%d errors)", route.getKey(), r.perSecond(), r.errors));
                }
                System.out.println(line);
            }
            double bare = median(rates.get("bare"));
            System.out.printf("%-44s: %,8.0f req/s (median)%n", "bare platform-http route answering 200", bare);
            for (String store : stores) {
                double rate = median(rates.get(store));
                System.out.printf("%-44s: %,8.0f events/s (median), ratio %.2f%s%n", "stora:webhook, event store " + store,
                        rate, rate / bare,
                        TARGETS.get(store) > 0 ? String.format(" (target >= %.2f)", TARGETS.get(store)) : "");
            }
            if (pool != null) {
                // the work was done: every event routed through the PostgreSQL store is marked done in its table
                try (Connection c = pool.getConnection();
                        Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + JdbcWebhookEventStore.DEFAULT_TABLE_NAME
                                + " WHERE state = 'DONE'")) {
                    rs.next();
                    System.out.printf("events marked done in %s: %,d%n", JdbcWebhookEventStore.DEFAULT_TABLE_NAME,
                            rs.getLong(1));
                }
            }
        } finally {
            main.stop();
            if (pool != null) {
                pool.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** As many connections as the Vert.x worker threads that run the routes (20). */
    private static HikariDataSource pool(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
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
