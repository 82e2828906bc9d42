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
package io.camelstora.component.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.camelstora.component.HealthChecks;
import io.camelstora.component.StoraConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelstora.component.webhook.WebhookTestSupport.SECRET;
import static io.camelstora.component.webhook.WebhookTestSupport.deliveryRequest;
import static io.camelstora.component.webhook.WebhookTestSupport.event;
import static io.camelstora.component.webhook.WebhookTestSupport.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stora:webhook} with a {@link JdbcWebhookEventStore} whose database becomes unreachable (every new connection
 * refused, as a pool reports it) before, during and after routes: a delivery is acknowledged only when its route
 * completed, nothing is lost, and each failure is logged naming its event.
 */
class EventStoreOutageTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final int port = AvailablePortFinder.getNextAvailable();
    final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    final List<String> routed = new CopyOnWriteArrayList<>();
    /** What the route does for an event besides counting it. */
    final Map<String, Step> steps = new ConcurrentHashMap<>();
    final List<CamelContext> contexts = new ArrayList<>();
    ControlledDataSource database;
    String table;

    interface Step {
        void run() throws Exception;
    }

    static Stream<TestDatabase> databases() {
        return TestDatabase.postgresAndH2();
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whileTheDatabaseIsDownDeliveriesGet503AndARouteThatCompletedIsAcknowledgedAndNamed(TestDatabase db)
            throws Exception {
        CamelContext context = start(db);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        steps.put("evt_running", () -> {
            entered.countDown();
            assertTrue(finish.await(30, TimeUnit.SECONDS));
        });

        try (LogCapture logs = LogCapture.warnings()) {
            CompletableFuture<HttpResponse<String>> running = deliverAsync("evt_running");
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            database.down(true);

            HttpResponse<String> refused = deliver("evt_arriving");
            assertEquals(503, refused.statusCode(), "Stora retries a 503");
            assertEquals("{\"error\":\"store_unavailable\"}", refused.body());
            assertEquals(List.of("evt_running"), routed, "an event that cannot be claimed is not routed");

            finish.countDown();
            // the route completed: acknowledged, although its done mark could not be written
            assertEquals("{\"status\":\"processed\"}", running.get(30, TimeUnit.SECONDS).body());

            List<String> warnings = logs.lines();
            assertTrue(warnings.stream().anyMatch(l -> l.contains("evt_arriving") && l.contains("could not be claimed")),
                    warnings.toString());
            assertTrue(warnings.stream().anyMatch(l -> l.contains("evt_running") && l.contains("could not be marked done")),
                    "the event a redelivery would route again is named: " + warnings);
        }

        database.down(false);
        assertEquals("{\"status\":\"processed\"}", deliver("evt_arriving").body(), "Stora's retry");
        assertEquals(List.of("evt_running", "evt_arriving"), routed);
        assertEquals(1L, HealthChecks.consumer(context, "events").getDetails().get("webhook.deliveries.store_unavailable"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRouteThatFailedWhileTheDatabaseWentDownIsRoutedAgainOnceItsLeaseExpired(TestDatabase db) throws Exception {
        start(db);
        steps.put("evt_failing", () -> {
            steps.remove("evt_failing");
            database.down(true);
            throw new IllegalStateException("ledger down too");
        });

        try (LogCapture logs = LogCapture.warnings()) {
            assertEquals(500, deliver("evt_failing").statusCode());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("evt_failing") && l.contains("could not be released")),
                    logs.lines().toString());
        }
        database.down(false);
        // nobody renews the failed attempt's lease, and nobody removed it: it holds the event until it expires
        assertEquals(409, deliver("evt_failing").statusCode());
        now.addAndGet(JdbcWebhookEventStore.DEFAULT_LEASE_DURATION.toMillis() + 1000);
        assertEquals("{\"status\":\"processed\"}", deliver("evt_failing").body());
        assertEquals(List.of("evt_failing", "evt_failing"), routed, "failed once, then routed");
        assertEquals("{\"status\":\"duplicate\"}", deliver("evt_failing").body());
    }

    private CamelContext start(TestDatabase db) throws Exception {
        database = new ControlledDataSource(db.dataSource());
        table = "events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcWebhookEventStore store = new JdbcWebhookEventStore(database.dataSource());
        store.setTableName(table);
        store.setClock(now::get);

        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        HealthChecks.withConsumerChecks(context);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.getRegistry().bind("storaEvents", store);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?secret=" + SECRET + "&eventStore=#storaEvents").routeId("events")
                        .process(e -> {
                            String id = e.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID, String.class);
                            routed.add(id);
                            Step step = steps.get(id);
                            if (step != null) {
                                step.run();
                            }
                        });
            }
        });
        context.start();
        return context;
    }

    private HttpResponse<String> deliver(String id) throws Exception {
        return http.send(request(id), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> deliverAsync(String id) {
        return http.sendAsync(request(id), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String id) {
        String body = event(id, "invoice.paid", "{\"id\":\"inv_1\"}");
        return deliveryRequest("http://localhost:" + port + "/stora/webhook", body, signature(SECRET, Instant.now(), body),
                null);
    }
}
