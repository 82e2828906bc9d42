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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelstora.component.webhook.StoraWebhookVerifier;
import io.camelstora.it.harness.JvmNode;
import io.camelstora.it.harness.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks on two application nodes (JVMs of their own, camel-main) keeping the state of events in one real
 * PostgreSQL through {@code JdbcWebhookEventStore}, as docs/several-nodes.md sets them up: a delivery of an event the
 * other node is routing is answered 409 and the event routed once; and 10,000 events delivered as Stora delivers them
 * (retries, duplicates, failing first attempts) while one node is killed with kill -9 and restarted lose nothing, and
 * are routed twice only where the killed node was routing them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookNodesIT {

    /** The leases of the test: a node that died holds its events this long (30 s by default). */
    static final long LEASE_MILLIS = 3000;
    static final Path REPORT = Path.of("target", "webhook-nodes-report.txt");

    static SharedPostgres db;
    static List<JvmNode> nodes = new ArrayList<>();
    static List<URI> urls = new ArrayList<>();

    @BeforeAll
    static void startNodes() {
        db = SharedPostgres.start();
        db.execute("CREATE TABLE routed_events (event_id VARCHAR(255) NOT NULL, node VARCHAR(50) NOT NULL, pid BIGINT NOT NULL,"
                + " routed_at BIGINT NOT NULL)");
        for (String name : List.of("webhook-a", "webhook-b")) {
            int port = JvmNode.freePort();
            JvmNode node = JvmNode.builder(name, WebhookNode.class).heap("192m").properties(db.nodeProperties())
                    .property("log4j2.configurationFile", "log4j2-node.properties")
                    .property("node.port", port).property("node.routeMillis", Long.getLong("it.routeMillis", 20))
                    .property("node.leaseMillis", LEASE_MILLIS).property("node.heartbeatMillis", LEASE_MILLIS / 3)
                    .build();
            nodes.add(node);
            urls.add(URI.create("http://localhost:" + port + "/stora/webhook"));
        }
        // the first creates the event table; both at once would do too (JdbcWebhookEventStoreTest)
        nodes.forEach(JvmNode::start);
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(JvmNode::close);
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void aDeliveryOfAnEventTheOtherNodeIsRoutingGets409AndTheEventIsRoutedOnce() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = event("evt_held", "{\"id\":\"inv_held\",\"hold_ms\":4000}");
        CompletableFuture<HttpResponse<String>> onA = http.sendAsync(delivery(urls.get(0), body, "req_held-a1"),
                HttpResponse.BodyHandlers.ofString());
        waitUntil(() -> count("SELECT count(*) FROM routed_events WHERE event_id = 'evt_held'") == 1, "A routes evt_held");

        HttpResponse<String> onB = http.send(delivery(urls.get(1), body, "req_held-b1"), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, onB.statusCode(), onB.body());
        assertEquals(200, onA.get(30, TimeUnit.SECONDS).statusCode());
        HttpResponse<String> retry = http.send(delivery(urls.get(1), body, "req_held-b2"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"status\":\"duplicate\"}", retry.body());
        assertEquals(1, count("SELECT count(*) FROM routed_events WHERE event_id = 'evt_held'"), "routed once");
        assertEquals(1, count("SELECT count(*) FROM stora_webhook_events WHERE event_id = 'evt_held' AND state = 'DONE'"));
    }

    @Test
    @Order(2)
    void tenThousandEventsWithANodeKilledMidStreamLoseNothing() throws Exception {
        int events = Integer.getInteger("it.events", 10_000);
        int perSecond = Integer.getInteger("it.eventsPerSecond", 100);
        long started = System.nanoTime();
        JvmNode victim = nodes.get(0);
        AtomicLong killedPid = new AtomicLong();
        AtomicLong restartMillis = new AtomicLong();
        ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
        CompletableFuture<Void> killed = new CompletableFuture<>();
        try (StoraLikeSender sender = new StoraLikeSender(urls, WebhookNode.SECRET, 0.005, 32)) {
            for (int i = 0; i < events; i++) {
                long due = started + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String id = "evt_stream_" + i;
                // the victim routes the event of the kill point for 3 s longer, so the kill lands while it holds a lease
                // (with 20 ms routes, any event it held when the test looked could be done before the kill)
                boolean killPoint = i == events * 2 / 5;
                // 20 % fail on their first attempt, and Stora retries them
                String body = event(id, "{\"id\":\"inv_" + i + "\",\"fail_first\":" + (i % 5 == 0 && !killPoint)
                        + (killPoint ? ",\"hold_ms\":3000" : "") + "}");
                int node = killPoint ? 0 : i % 2;
                sender.deliver(id, body, node, "d");
                if (i % 10 == 3) {
                    // 10 % delivered again: half at the same moment (to either node), half later to the other node
                    if (i % 20 == 3) {
                        sender.deliver(id, body, (i / 20) % 2 == 0 ? node : 1 - node, "again");
                    } else {
                        later.schedule(() -> {
                            sender.deliver(id, body, 1 - node, "again");
                            return null;
                        }, 1500, TimeUnit.MILLISECONDS);
                    }
                }
                if (killPoint) {
                    later.execute(() -> {
                        try {
                            long pid = victim.pid();
                            killedPid.set(pid);
                            // killed while it holds the held event (its owner is pid@host/...): a lease to take over
                            waitUntil(() -> count("SELECT count(*) FROM stora_webhook_events WHERE event_id = '" + id
                                    + "' AND state = 'IN_PROGRESS' AND lease_owner LIKE '" + pid + "@%'") > 0,
                                    "the node routes " + id);
                            victim.kill();
                            long down = System.nanoTime();
                            victim.start();
                            restartMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));
                            killed.complete(null);
                        } catch (Exception | AssertionError e) {
                            killed.completeExceptionally(e);
                        }
                    });
                }
            }
            killed.get(2, TimeUnit.MINUTES);
            later.shutdown();
            assertTrue(later.awaitTermination(1, TimeUnit.MINUTES));
            assertTrue(sender.awaitAll(Duration.ofMinutes(4)), sender.pending() + " deliveries still pending");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            Map<String, List<String>> routes = routesByEvent("evt_stream_%");
            long lost = events - routes.size();
            Map<String, List<String>> twice = new TreeMap<>();
            routes.forEach((event, by) -> {
                if (by.size() > 1) {
                    twice.put(event, by);
                }
            });
            long notDone = events - count("SELECT count(*) FROM stora_webhook_events WHERE event_id LIKE 'evt_stream_%'"
                    + " AND state = 'DONE'");
            long takeovers = nodes.stream().flatMap(n -> n.log().stream()).filter(l -> l.contains("lease of")
                    && l.contains("expired")).count();
            List<String> report = new ArrayList<>();
            report.add("events: " + events + " at " + perSecond + "/s, route " + Long.getLong("it.routeMillis", 20)
                    + " ms, lease " + LEASE_MILLIS + " ms, wall time " + seconds + " s");
            report.add("node " + victim.name() + " (pid " + killedPid.get() + ") killed with kill -9 after event "
                    + events * 2 / 5 + ", ready again " + restartMillis.get() + " ms later");
            report.add("deliveries answered 2xx in the end: " + sender.delivered() + ", failed all attempts: "
                    + sender.exhausted().size());
            report.add("attempts by status (0 = no answer): " + sender.statuses());
            report.add("409 answers: " + sender.count(409));
            report.add("events lost: " + lost + ", not marked done: " + notDone);
            report.add("leases of the killed node taken over: " + takeovers);
            report.add("events routed twice: " + twice.size() + " " + twice);
            Files.writeString(REPORT, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
            report.forEach(System.out::println);

            assertEquals(0, lost, "events never routed");
            assertTrue(takeovers >= 1, "no lease of the killed node was taken over");
            assertEquals(0, notDone, "events not marked done");
            assertEquals(Map.of(), sender.exhausted(), "deliveries Stora would give up");
            // an event is routed twice only when the killed node had its effect and died before marking it done
            twice.forEach((event, by) -> {
                assertEquals(2, by.size(), event + " routed by " + by);
                assertTrue(by.contains(victim.name() + ":" + killedPid.get()), event + " routed twice by " + by
                        + ", not by the killed node");
            });
        } finally {
            later.shutdownNow();
        }
    }

    static String event(String id, String invoiceJson) {
        return "{\"event\":{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"api_version\":\"2025-09\","
                + "\"created_at\":\"2025-01-15T10:30:00Z\",\"data\":{\"invoice\":" + invoiceJson + "}}}";
    }

    static HttpRequest delivery(URI url, String body, String requestId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Stora-Signature",
                        StoraWebhookVerifier.signatureHeader(WebhookNode.SECRET, System.currentTimeMillis() / 1000, bytes))
                .header("X-Stora-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    /** Per routed event: who routed it, {@code node:pid} per row. */
    static Map<String, List<String>> routesByEvent(String like) throws SQLException {
        Map<String, List<String>> routes = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id, node, pid FROM routed_events WHERE event_id LIKE '" + like
                        + "' ORDER BY routed_at")) {
            while (rs.next()) {
                routes.computeIfAbsent(rs.getString(1), e -> new ArrayList<>()).add(rs.getString(2) + ":" + rs.getLong(3));
            }
        }
        return routes;
    }

    static long count(String sql) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    interface Condition {
        boolean holds() throws IOException;
    }

    static void waitUntil(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
