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

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("stora:webhook")} on a real HTTP server, receiving real POSTs signed independently of the component.
 */
class StoraWebhookConsumerTest extends WebhookTestSupport {

    static final String INVOICE = "{\"id\":\"inv_1\",\"status\":\"paid\",\"total\":{\"amount\":5999,\"currency\":\"GBP\"}}";

    /** How many times the route of /failing throws before it succeeds. */
    final AtomicInteger failuresLeft = new AtomicInteger();
    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch slowRelease = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?secret=" + SECRET).routeId("events").to("mock:events");
                from("stora:webhook?path=/only-invoices&eventTypes=invoice.*,deal.won&secret=" + SECRET)
                        .to("mock:invoices");
                from("stora:webhook?path=/full&fullEvent=true&outputType=JSON_NODE&secret=" + SECRET).to("mock:full");
                from("stora:webhook?path=/small&maxBodySize=600&secret=" + SECRET).to("mock:small");
                from("stora:webhook?path=/rotating&secret=" + OTHER_SECRET + "," + SECRET).to("mock:rotating");
                from("stora:webhook?path=/at-least-once&idempotent=false&secret=" + SECRET).to("mock:repeated");
                from("stora:webhook?path=/failing&secret=" + SECRET)
                        .process(e -> {
                            if (failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("ledger at db.internal:5432 is down");
                            }
                        })
                        .to("mock:failing");
                from("stora:webhook?path=/slow&secret=" + SECRET)
                        .process(e -> {
                            slowEntered.countDown();
                            assertTrue(slowRelease.await(20, TimeUnit.SECONDS));
                        })
                        .to("mock:slow");
            }
        };
    }

    @Test
    void routesTheResourceWithTheEventHeaders() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        String body = event("evt_1", "invoice.paid", INVOICE);
        HttpResponse<String> response = postDelivery("/stora/webhook", body, signature(SECRET, Instant.now(), body), "req_42");

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"processed\"}", response.body());
        events.assertIsSatisfied();
        Exchange received = events.getExchanges().get(0);
        Map<?, ?> invoice = received.getIn().getBody(Map.class);
        assertEquals("inv_1", invoice.get("id"));
        assertEquals(Map.of("amount", 5999, "currency", "GBP"), invoice.get("total"));
        assertEquals("evt_1", received.getIn().getHeader(StoraConstants.WEBHOOK_EVENT_ID));
        assertEquals("invoice.paid", received.getIn().getHeader(StoraConstants.WEBHOOK_EVENT_TYPE));
        assertEquals("2025-01-15T10:30:00Z", received.getIn().getHeader(StoraConstants.WEBHOOK_CREATED_AT));
        assertEquals("2025-09", received.getIn().getHeader(StoraConstants.WEBHOOK_API_VERSION));
        assertEquals("req_42", received.getIn().getHeader(StoraConstants.WEBHOOK_REQUEST_ID));
        assertEquals("inv_1", received.getIn().getHeader(StoraConstants.WEBHOOK_RESOURCE_ID));
        // nothing that would steer a stora: producer later in the route, and no raw HTTP request headers
        assertNull(received.getIn().getHeader(StoraConstants.EVENT_ID));
        assertNull(received.getIn().getHeader("X-Stora-Signature"));
        assertEquals("events", received.getFromRouteId());
        assertTrue(received.getFromEndpoint().getEndpointUri().startsWith("stora://webhook"),
                received.getFromEndpoint().getEndpointUri());
    }

    @Test
    void theAnswerEchoesNoRequestHeader() throws Exception {
        String body = event("evt_echo", "contact.created", "{\"id\":\"con_1\"}");
        HttpResponse<String> response = deliver("/stora/webhook", SECRET, body);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("X-Stora-Signature").isEmpty());
        assertTrue(response.headers().firstValue("X-Stora-Request-Id").isEmpty());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void rejectsWrongSignaturesWith401BeforeTheRoute() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        String body = event("evt_forged", "invoice.paid", INVOICE);
        Instant now = Instant.now();

        assertEquals(401, postDelivery("/stora/webhook", body, null, "req_1").statusCode());
        assertEquals(401, postDelivery("/stora/webhook", body, signature(OTHER_SECRET, now, body), "req_2").statusCode());
        assertEquals(401,
                postDelivery("/stora/webhook", body, "t=" + now.getEpochSecond() + ",v1=nothex", "req_3").statusCode());
        assertEquals(401, postDelivery("/stora/webhook", body, "garbage", "req_4").statusCode());
        String tampered = body.replace("paid", "void");
        HttpResponse<String> response = postDelivery("/stora/webhook", tampered, signature(SECRET, now, body), "req_5");
        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_signature\"}", response.body());
        events.assertIsSatisfied();
    }

    @Test
    void rejectsReplaysOutsideTheWindowAndTimestampsFromTheFuture() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        String body = event("evt_replayed", "invoice.paid", INVOICE);
        Instant now = Instant.now();

        // 300 s tolerance by default; a margin of 20 s keeps the test independent of the clock's progress
        assertEquals(401,
                postDelivery("/stora/webhook", body, signature(SECRET, now.minusSeconds(320), body), "r1").statusCode());
        assertEquals(401,
                postDelivery("/stora/webhook", body, signature(SECRET, now.plusSeconds(320), body), "r2").statusCode());
        assertEquals(200,
                postDelivery("/stora/webhook", body, signature(SECRET, now.minusSeconds(280), body), "r3").statusCode());
        events.assertIsSatisfied();
    }

    @Test
    void acceptsEveryConfiguredSecretDuringARotation() throws Exception {
        MockEndpoint rotating = getMockEndpoint("mock:rotating");
        rotating.expectedMessageCount(2);

        assertEquals(200,
                deliver("/rotating", OTHER_SECRET, event("evt_old", "unit.updated", "{\"id\":\"unit_1\"}")).statusCode());
        assertEquals(200, deliver("/rotating", SECRET, event("evt_new", "unit.updated", "{\"id\":\"unit_1\"}")).statusCode());
        rotating.assertIsSatisfied();
    }

    @Test
    void answers400ToASignedBodyThatIsNoStoraEvent() throws Exception {
        for (String body : List.of("{not json", "[1,2]", "{\"id\":\"evt_1\"}",
                "{\"event\":{\"type\":\"invoice.paid\",\"data\":{}}}",
                "{\"event\":{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}}")) {
            HttpResponse<String> response = deliver("/stora/webhook", SECRET, body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("{\"error\":\"invalid_payload\"}", response.body());
        }
        assertEquals(0, getMockEndpoint("mock:events").getReceivedCounter());
    }

    @Test
    void answers405ToOtherMethods() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url("/stora/webhook"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url("/stora/webhook")))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        assertEquals(0, getMockEndpoint("mock:events").getReceivedCounter(), "no other method reaches the route");
    }

    @Test
    void answers413ToABodyOverTheLimit() throws Exception {
        MockEndpoint small = getMockEndpoint("mock:small");
        small.expectedMessageCount(1);
        String large = event("evt_large", "note.created", "{\"id\":\"note_1\",\"body\":\"" + "x".repeat(700) + "\"}");
        String fits = event("evt_small", "note.created", "{\"id\":\"note_2\"}");

        HttpResponse<String> response = deliver("/small", SECRET, large);
        assertEquals(413, response.statusCode());
        assertEquals("{\"error\":\"payload_too_large\"}", response.body());
        assertEquals(200, deliver("/small", SECRET, fits).statusCode());
        small.assertIsSatisfied();
    }

    @Test
    void acknowledgesAndDropsEventsOfOtherTypes() throws Exception {
        MockEndpoint invoices = getMockEndpoint("mock:invoices");
        invoices.expectedHeaderValuesReceivedInAnyOrder(StoraConstants.WEBHOOK_EVENT_TYPE, "invoice.paid", "deal.won");

        HttpResponse<String> dropped = deliver("/only-invoices", SECRET, event("evt_u", "unit.updated", "{\"id\":\"unit_1\"}"));
        assertEquals(200, dropped.statusCode());
        assertEquals("{\"status\":\"ignored\"}", dropped.body());
        assertEquals(200, deliver("/only-invoices", SECRET, event("evt_d", "deal.lost", "{\"id\":\"deal_1\"}")).statusCode());
        assertEquals(200, deliver("/only-invoices", SECRET, event("evt_i", "invoice.paid", INVOICE)).statusCode());
        assertEquals(200, deliver("/only-invoices", SECRET, event("evt_w", "deal.won", "{\"id\":\"deal_1\"}")).statusCode());
        invoices.assertIsSatisfied();
    }

    @Test
    void aDuplicateIsAnswered200WithoutRoutingItAgain() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        String body = event("evt_dup", "tenancy.created", "{\"id\":\"ten_1\"}");

        assertEquals("{\"status\":\"processed\"}", deliver("/stora/webhook", SECRET, body).body());
        HttpResponse<String> again = deliver("/stora/webhook", SECRET, body);
        assertEquals(200, again.statusCode());
        assertEquals("{\"status\":\"duplicate\"}", again.body());
        // Stora signs every attempt anew: the same event under a new signature is still a duplicate
        assertEquals("{\"status\":\"duplicate\"}",
                postDelivery("/stora/webhook", body, signature(SECRET, Instant.now().minusSeconds(60), body), "retry").body());
        events.assertIsSatisfied();
    }

    @Test
    void withoutIdempotenceEveryDeliveryIsRouted() throws Exception {
        MockEndpoint repeated = getMockEndpoint("mock:repeated");
        repeated.expectedMessageCount(2);
        String body = event("evt_twice", "task.created", "{\"id\":\"task_1\"}");
        assertEquals("{\"status\":\"processed\"}", deliver("/at-least-once", SECRET, body).body());
        assertEquals("{\"status\":\"processed\"}", deliver("/at-least-once", SECRET, body).body());
        repeated.assertIsSatisfied();
    }

    @Test
    void aFailedRouteIsAnswered500WithoutDetailsAndTheRetryIsRouted() throws Exception {
        failuresLeft.set(2);
        MockEndpoint failing = getMockEndpoint("mock:failing");
        failing.expectedMessageCount(1);
        String body = event("evt_retry", "invoice.paid", INVOICE);

        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> response = deliver("/failing", SECRET, body);
            assertEquals(500, response.statusCode());
            assertEquals("{\"error\":\"processing_failed\"}", response.body());
            assertFalse(response.body().contains("db.internal"));
        }
        assertEquals("{\"status\":\"processed\"}", deliver("/failing", SECRET, body).body());
        assertEquals("{\"status\":\"duplicate\"}", deliver("/failing", SECRET, body).body());
        failing.assertIsSatisfied();
    }

    @Test
    void aConcurrentDeliveryOfAnEventBeingRoutedIsAnswered409() throws Exception {
        MockEndpoint slow = getMockEndpoint("mock:slow");
        slow.expectedMessageCount(1);
        String body = event("evt_concurrent", "order.completed", "{\"id\":\"order_1\"}");

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return deliver("/slow", SECRET, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(slowEntered.await(20, TimeUnit.SECONDS));
        HttpResponse<String> second = deliver("/slow", SECRET, body);
        assertEquals(409, second.statusCode());
        assertEquals("{\"error\":\"in_progress\"}", second.body());
        slowRelease.countDown();

        assertEquals(200, first.get(20, TimeUnit.SECONDS).statusCode());
        assertEquals("{\"status\":\"duplicate\"}", deliver("/slow", SECRET, body).body());
        slow.assertIsSatisfied();
    }

    @Test
    void concurrentDeliveriesOfManyEventsAreEachRoutedOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        int eventCount = 40;
        events.expectedMessageCount(eventCount);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < eventCount; i++) {
            String body = event("evt_many_" + i, "unit.occupied", "{\"id\":\"unit_" + i + "\"}");
            for (int copy = 0; copy < 3; copy++) {
                HttpRequest request = deliveryRequest(url("/stora/webhook"), body, signature(SECRET, Instant.now(), body),
                        null);
                responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
        }
        int processed = 0;
        for (CompletableFuture<HttpResponse<String>> r : responses) {
            HttpResponse<String> response = r.get(30, TimeUnit.SECONDS);
            // a copy is a duplicate (200) or, while the first copy is being routed, in progress (409)
            assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.body());
            if (response.body().contains("processed")) {
                processed++;
            }
        }
        assertEquals(eventCount, processed);
        events.assertIsSatisfied();
        assertEquals(eventCount, events.getExchanges().stream()
                .map(e -> e.getIn().getHeader(StoraConstants.WEBHOOK_EVENT_ID)).distinct().count());
    }

    @Test
    void fullEventRoutesTheEventObject() throws Exception {
        MockEndpoint full = getMockEndpoint("mock:full");
        full.expectedMessageCount(1);
        assertEquals(200, deliver("/full", SECRET, event("evt_f", "deal.won", "{\"id\":\"deal_7\"}")).statusCode());
        full.assertIsSatisfied();

        JsonNode event = assertInstanceOf(JsonNode.class, full.getExchanges().get(0).getIn().getBody());
        assertEquals("evt_f", event.get("id").asText());
        assertEquals("deal_7", event.at("/data/deal/id").asText());
        assertEquals("deal_7", full.getExchanges().get(0).getIn().getHeader(StoraConstants.WEBHOOK_RESOURCE_ID));
    }

    @Test
    void aTypoInEventTypesFailsWhenTheEndpointIsCreated() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("stora:webhook?path=/typo&secret=x&eventTypes=invoice.paid,invoce.*"));
        assertTrue(e.getCause().getMessage().contains("invoce.*"), e.getCause().getMessage());
        assertFalse(e.getCause().getMessage().contains("invoice.paid match"), e.getCause().getMessage());
    }

    @Test
    void aRouteWithoutSecretFailsToStart() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?path=/no-secret").to("mock:never");
            }
        }));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("no signing secret"), cause.getMessage());
    }

    @Test
    void theSecretIsMaskedInTheEndpointUri() {
        String uri = context.getRoute("events").getEndpoint().toString();
        assertFalse(uri.contains(SECRET), uri);
    }
}
