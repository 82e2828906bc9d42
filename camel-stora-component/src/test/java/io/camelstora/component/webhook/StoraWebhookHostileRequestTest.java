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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.camelstora.component.HealthChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests nobody signed, as anyone can send them to a public URL, on camel-main's server (Vert.x): whatever their
 * size, media type or pace, they are answered 400, 401, 408, 413 or 415, never 5xx, never reach the route, never make
 * the component read more than maxBodySize, and are logged at most once a minute per reason.
 */
class StoraWebhookHostileRequestTest extends WebhookTestSupport {

    static final int MAX = 4096;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthChecks.withConsumerChecks(context);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?maxBodySize=" + MAX + "&bodyTimeout=1000&secret=" + SECRET).routeId("events")
                        .to("mock:events");
                // a bodyTimeout no test waits for: a client holding a request open is still waiting when it is checked
                from("stora:webhook?path=/stora/patient&bodyTimeout=60000&secret=" + SECRET).routeId("patient")
                        .to("mock:patient");
            }
        };
    }

    @Test
    void aContentLengthOverTheLimitIsAnswered413BeforeTheBodyIsSent() throws Exception {
        try (RawHttp raw = new RawHttp(port, 5000)) {
            RawHttp.Answer answer = raw.head("POST", "/stora/webhook", "Content-Type: application/json",
                    "Content-Length: " + 10 * 1024 * 1024).answer();
            assertEquals(413, answer.status());
            assertEquals("{\"error\":\"payload_too_large\"}", answer.body(), answer.headers());
            assertTrue(answer.says("connection", "close"), answer.headers());
            assertTrue(raw.closedByServer(), "the server does not wait for the body it refused");
        }
        noEventRouted();
    }

    @Test
    void aBodyThatNeverArrivesIsAnswered408AfterBodyTimeout() throws Exception {
        try (RawHttp raw = new RawHttp(port, 10_000)) {
            long start = System.nanoTime();
            RawHttp.Answer answer = raw.head("POST", "/stora/webhook", "Content-Type: application/json",
                    "Content-Length: 500").send("{\"event\":".getBytes(StandardCharsets.UTF_8)).answer();
            assertEquals(408, answer.status());
            assertEquals("{\"error\":\"incomplete_body\"}", answer.body());
            assertTrue(System.nanoTime() - start < 8_000_000_000L, "answered after bodyTimeout (1 s), not the socket's");
            assertTrue(raw.closedByServer());
        }
        noEventRouted();
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        byte[] chunk = new byte[1024];
        Arrays.fill(chunk, (byte) 'x');
        try (RawHttp raw = new RawHttp(port, 5000)) {
            raw.head("POST", "/stora/webhook", "Content-Type: application/json", "Transfer-Encoding: chunked");
            for (int i = 0; i <= MAX / chunk.length; i++) {
                raw.chunk(chunk);
            }
            RawHttp.Answer answer = raw.answer(); // answered without the rest of the body nor its end
            assertEquals(413, answer.status());
            assertTrue(raw.closedByServer());
        }
        noEventRouted();
    }

    @Test
    void formsMultipartTextAndBodiesWithoutContentTypeAreAnswered415() throws Exception {
        for (String contentType : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                "text/plain", "application/xml")) {
            String body = contentType.startsWith("multipart")
                    ? "--xyz\r\nContent-Disposition: form-data; name=\"event\"\r\n\r\nx\r\n--xyz--\r\n"
                    : "event=1&X-Stora-Signature=t%3D1%2Cv1%3Dab";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/stora/webhook")))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, response.statusCode(), contentType);
            assertEquals("{\"error\":\"unsupported_media_type\"}", response.body());
        }
        try (RawHttp raw = new RawHttp(port, 5000)) {
            assertEquals(415, raw.head("POST", "/stora/webhook", "Content-Length: 2").send("{}".getBytes()).answer().status());
        }
        noEventRouted();
    }

    @Test
    void emptyAndUnsignedJsonBodiesAreAnswered401() throws Exception {
        for (String body : List.of("", "{}", "{\"event\":{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{}}}")) {
            HttpResponse<String> response = postDelivery("/stora/webhook", body, null, null);
            assertEquals(401, response.statusCode(), body);
        }
        noEventRouted();
    }

    @Test
    void aSignatureIsTakenFromTheHeaderOnly() throws Exception {
        String body = event("evt_query", "invoice.paid", "{\"id\":\"inv_1\"}");
        String signature = signature(SECRET, Instant.now(), body);
        String query = "?X-Stora-Signature=" + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8);
        HttpResponse<String> inQuery = http.send(deliveryRequest(url("/stora/webhook" + query), body, null, "req_q"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, inQuery.statusCode());
        HttpResponse<String> both = http.send(deliveryRequest(url("/stora/webhook" + query), body, signature, "req_b"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, both.statusCode(), "a valid header does not make a signature in the query acceptable");
        noEventRouted();

        // and the header alone works
        assertEquals(200, postDelivery("/stora/webhook", body, signature, "req_h").statusCode());
    }

    @Test
    void rejectionsAreCountedPerReasonAndLoggedOncePerIntervalWithTruncatedValues() throws Exception {
        String attackerId = "<script>" + "A".repeat(4000); // under the server's 8 KiB of headers
        try (LogCapture logs = LogCapture.warnings()) {
            for (int i = 0; i < 200; i++) {
                String body = event("evt_forged_" + i, "invoice.paid", "{\"id\":\"inv_1\"}");
                assertEquals(401, postDelivery("/stora/webhook", body, signature(OTHER_SECRET, Instant.now(), body),
                        attackerId + i).statusCode());
            }
            for (int i = 0; i < 50; i++) {
                HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(url("/stora/webhook")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("a=" + i)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(415, form.statusCode());
            }
            List<String> warnings = logs.lines().stream().filter(l -> l.contains("refused with")).toList();
            assertEquals(2, warnings.size(), warnings.toString());
            warnings.forEach(w -> assertTrue(
                    w.length() < 400 && !w.contains("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                            && !w.contains("\n"),
                    w));
        }
        Map<String, Object> details = HealthChecks.consumer(context, "events").getDetails();
        assertEquals(HealthCheck.State.UP, HealthChecks.consumer(context, "events").getState());
        assertEquals(200L, details.get("webhook.deliveries.rejected.invalid_signature"));
        assertEquals(50L, details.get("webhook.deliveries.rejected.unsupported_media_type"));
        assertEquals(250L, details.get("webhook.deliveries.rejected"));
        noEventRouted();
    }

    @Test
    void clientsThatAnnounceABodyAndSendNothingHoldNoWorkerThread() throws Exception {
        // more silent clients than the worker threads every platform-http route shares (Vert.x: 20)
        List<RawHttp> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                silent.add(new RawHttp(port, 60_000).head("POST", "/stora/patient", "Content-Type: application/json",
                        "Content-Length: 500"));
            }
            getMockEndpoint("mock:patient").expectedMessageCount(1);
            String body = event("evt_beside_silent", "invoice.paid", "{\"id\":\"inv_1\"}");
            HttpResponse<String> response = postDelivery("/stora/patient", body, signature(SECRET, Instant.now(), body),
                    "req_beside_silent");
            // answered while all 40 still wait for their 60 s bodyTimeout: none of them held a thread it needed
            assertEquals(200, response.statusCode(), response.body());
            getMockEndpoint("mock:patient").assertIsSatisfied();
            for (RawHttp client : silent) {
                assertTrue(client.unanswered(), "a silent client was answered before its bodyTimeout");
            }
        } finally {
            for (RawHttp client : silent) {
                client.close();
            }
        }
    }

    private void noEventRouted() {
        MockEndpoint events = getMockEndpoint("mock:events");
        assertFalse(events.getReceivedCounter() > 0, "a refused request reached the route");
    }
}
