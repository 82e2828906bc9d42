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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/several-nodes.md, "Webhook deliveries": two nodes (two CamelContexts, each with its own HTTP server, as behind a
 * load balancer) verify with the same secret and keep the state of events in one database through a
 * {@link JdbcWebhookEventStore} each (option {@code eventStore}), on H2 and on a real PostgreSQL. A delivery and Stora's
 * retry of it (the same signed body) reach different nodes. The same with separate JVMs killed with kill -9:
 * camel-stora-it's WebhookNodesIT.
 */
class SeveralNodesWebhookTest {

    static final String TABLE = "stora_webhook_events";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<CamelContext> contexts = new ArrayList<>();

    static Stream<TestDatabase> databases() {
        return TestDatabase.postgresAndH2();
    }

    @AfterEach
    void stopNodes() {
        contexts.forEach(CamelContext::stop);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventRoutedOnOneNodeIsAnsweredDuplicateByTheOtherWithoutRoutingIt(TestDatabase db) throws Exception {
        Node a = startNode(db);
        Node b = startNode(db);
        String id = "evt_paid_" + UUID.randomUUID();
        String body = event(id, "invoice.paid", "{\"id\":\"inv_1\"}");
        String signature = signature(SECRET, Instant.now(), body);

        HttpResponse<String> first = a.deliver(body, signature);
        assertEquals(200, first.statusCode());
        assertEquals("{\"status\":\"processed\"}", first.body());

        HttpResponse<String> retry = b.deliver(body, signature); // Stora's retry, reaching the other node
        assertEquals(200, retry.statusCode());
        assertEquals("{\"status\":\"duplicate\"}", retry.body());

        assertEquals(1, a.routed.get());
        assertEquals(0, b.routed.get(), "B's route did not run");
        assertEquals("DONE", state(db, id));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventWhoseRouteFailedOnOneNodeIsRoutedByTheOtherOnRedelivery(TestDatabase db) throws Exception {
        Node a = startNode(db);
        Node b = startNode(db);
        String id = "evt_created_" + UUID.randomUUID();
        String body = event(id, "invoice.created", "{\"id\":\"inv_2\"}");
        String signature = signature(SECRET, Instant.now(), body);

        a.failing.set(true);
        HttpResponse<String> failed = a.deliver(body, signature);
        assertEquals(500, failed.statusCode());
        assertEquals(1, a.routed.get());
        assertNull(state(db, id), "the failed event's lease is released");

        HttpResponse<String> retry = b.deliver(body, signature);
        assertEquals(200, retry.statusCode());
        assertEquals("{\"status\":\"processed\"}", retry.body());
        assertEquals(1, b.routed.get());
        assertEquals("DONE", state(db, id));

        // and from now on it is a duplicate on every node, the one it failed on included
        a.failing.set(false);
        assertEquals("{\"status\":\"duplicate\"}", a.deliver(body, signature).body());
        assertEquals(1, a.routed.get());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeliveryOfAnEventAnotherNodeIsRoutingIsAnswered409AndTheEventIsRoutedOnce(TestDatabase db) throws Exception {
        Node a = startNode(db);
        Node b = startNode(db);
        String id = "evt_slow_" + UUID.randomUUID();
        String body = event(id, "invoice.paid", "{\"id\":\"inv_3\"}");
        String signature = signature(SECRET, Instant.now(), body);
        a.hold = new CountDownLatch(1);

        CompletableFuture<HttpResponse<String>> first = a.deliverAsync(body, signature);
        assertTrue(a.entered.await(30, TimeUnit.SECONDS), "A is routing the event");
        assertEquals("IN_PROGRESS", state(db, id));

        HttpResponse<String> second = b.deliver(body, signature);
        assertEquals(409, second.statusCode(), "Stora retries a 409 later");
        assertEquals("{\"error\":\"in_progress\"}", second.body());
        assertEquals(0, b.routed.get());

        a.hold.countDown();
        assertEquals("{\"status\":\"processed\"}", first.get(30, TimeUnit.SECONDS).body());
        assertEquals("{\"status\":\"duplicate\"}", b.deliver(body, signature).body(), "Stora's later retry");
        assertEquals(1, a.routed.get() + b.routed.get());
        assertEquals("DONE", state(db, id));
    }

    /** A node: its HTTP port, how often its route ran, and switches to make the route fail or wait. */
    private final class Node {
        final int port = AvailablePortFinder.getNextAvailable();
        final AtomicInteger routed = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold;

        HttpResponse<String> deliver(String body, String signature) throws Exception {
            return http.send(request(body, signature), HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<String>> deliverAsync(String body, String signature) {
            return http.sendAsync(request(body, signature), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest request(String body, String signature) {
            return deliveryRequest("http://localhost:" + port + "/stora/webhook", body, signature, null);
        }
    }

    private Node startNode(TestDatabase db) throws Exception {
        Node node = new Node();
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(node.port);
        context.addService(new VertxPlatformHttpServer(server));

        // as docs/several-nodes.md configures it: each node its own store over the shared database
        JdbcWebhookEventStore events = new JdbcWebhookEventStore(db.dataSource());
        events.setTableName(TABLE);
        context.getRegistry().bind("storaEvents", events);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?secret=" + SECRET + "&eventTypes=invoice.*&eventStore=#storaEvents")
                        .process(e -> {
                            node.routed.incrementAndGet();
                            node.entered.countDown();
                            CountDownLatch hold = node.hold;
                            if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test did not release the route");
                            }
                            if (node.failing.get()) {
                                throw new IllegalStateException("ledger down on this node: "
                                        + e.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID));
                            }
                        });
            }
        });
        context.start();
        return node;
    }

    /** The state column of an event, {@code null} when it has no row. */
    private static String state(TestDatabase db, String eventId) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT state FROM " + TABLE + " WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
