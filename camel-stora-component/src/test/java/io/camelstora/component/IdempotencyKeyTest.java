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
package io.camelstora.component;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelstora.component.limits.CallPolicyRetryRulesTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One Idempotency-Key per exchange and endpoint: identical on Camel redeliveries and on the replay with a renewed
 * token, new for every other call. (The component's own retries: limits/CallPolicyRetryRulesTest.)
 */
class IdempotencyKeyTest extends StoraTestSupport {

    private static final String CREATED = "{\"note\":{\"id\":\"note_1\"},\"meta\":{\"request_id\":\"r\"}}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redelivered").errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to("stora:notes/create");
                from("direct:loop").loop(2).to("stora:notes/create").end();
                from("direct:split").split(body()).to("stora:notes/create").end();
                from("direct:twoPosts").setHeader(StoraConstants.IDEMPOTENCY_KEY, constant("booking-17-contact"))
                        .to("stora:notes/create")
                        .to("stora:notes/create");
            }
        };
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @Test
    void camelRedeliverySendsTheSameKey() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(json(201, CREATED)));

        Exchange result = call("direct:redelivered", Map.of("body", "hello"));

        assertNull(result.getException());
        List<String> keys = keys();
        assertEquals(3, keys.size());
        assertEquals(1, keys.stream().distinct().count(), "one key for all attempts: " + keys);

        call("direct:redelivered", Map.of("body", "hello again"));
        assertNotEquals(keys.get(0), keys().get(3), "the next exchange gets a new key");
    }

    @Test
    void headerSetsTheKey() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).willReturn(json(201, CREATED)));

        call("stora:notes/create", Map.of("body", "x"), StoraConstants.IDEMPOTENCY_KEY, "order-4711-note");

        assertEquals(List.of("order-4711-note"), keys());
    }

    @Test
    void aKeyFromTheHeaderIsSpentBySuccessAndNotSentWithTheNextPost() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).willReturn(json(201, CREATED)));

        Exchange result = call("direct:twoPosts", Map.of("body", "x"));

        assertNull(result.getException());
        List<String> keys = keys();
        assertEquals(2, keys.size());
        assertEquals("booking-17-contact", keys.get(0));
        assertNotEquals("booking-17-contact", keys.get(1), "the second POST must not replay the first: " + keys);
        assertNull(result.getMessage().getHeader(StoraConstants.IDEMPOTENCY_KEY));
    }

    @Test
    void aKeyFromTheHeaderStaysAfterAFailureForEveryRedelivery() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(json(201, CREATED)));

        // no redelivery: the failed exchange keeps the key, for a retry of the route to send it again
        Exchange failed = call("stora:notes/create", Map.of("body", "x"), StoraConstants.IDEMPOTENCY_KEY, "event-9-note");
        assertEquals(503, ((io.camelstora.component.http.StoraApiException) failed.getException()).getStatus());
        assertEquals("event-9-note", failed.getMessage().getHeader(StoraConstants.IDEMPOTENCY_KEY));

        wm.resetRequests();
        wm.resetScenarios();
        Exchange redelivered = call("direct:redelivered", Map.of("body", "x"), StoraConstants.IDEMPOTENCY_KEY, "event-9-note");
        assertNull(redelivered.getException());
        assertEquals(List.of("event-9-note", "event-9-note"), keys(), "the redelivery sends the same key");
        assertNull(redelivered.getMessage().getHeader(StoraConstants.IDEMPOTENCY_KEY), "spent once Stora answered 2xx");
    }

    @Test
    void everyIterationOfALoopGetsItsOwnKey() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).willReturn(json(201, CREATED)));

        call("direct:loop", Map.of("body", "x"));

        List<String> keys = keys();
        assertEquals(2, keys.size());
        assertNotEquals(keys.get(0), keys.get(1));
    }

    @Test
    void splitPartsDoNotInheritAPendingKey() {
        // the first call fails and leaves its key pending on the parent exchange ...
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(json(201, CREATED)));
        Exchange parent = template.request("stora:notes/create", e -> e.getIn().setBody(Map.of("body", "first")));
        assertEquals(503, ((io.camelstora.component.http.StoraApiException) parent.getException()).getStatus());

        // ... which copies made by the splitter must not reuse
        parent.setException(null);
        parent.getIn().setBody(List.of(Map.of("body", "a"), Map.of("body", "b")));
        template.send("direct:split", parent);

        List<String> keys = keys();
        assertEquals(3, keys.size());
        assertEquals(3, keys.stream().distinct().count(), "distinct keys: " + keys);
    }

    @Test
    void aReplayWithARenewedTokenSendsTheSameKey() throws Exception {
        StoraComponent oauth = new StoraComponent();
        oauth.getConfiguration().setBaseUrl(wm.baseUrl());
        oauth.getConfiguration().setClientId("cc-client");
        oauth.getConfiguration().setClientSecret("cc-secret");
        oauth.getConfiguration().setScopes("public.note:write");
        context.addComponent("storaOAuth", oauth);
        wm.stubFor(post(urlPathEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OAuthStubs.token("cc-token-1", 7200)).willSetStateTo("renewed"));
        wm.stubFor(post(urlPathEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(OAuthStubs.token("cc-token-2", 7200)));
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).withHeader("Authorization", equalTo("Bearer cc-token-1"))
                .willReturn(OAuthStubs.apiError(401, "invalid_token", "Invalid token.", "req-401")));
        wm.stubFor(post(urlPathEqualTo("/2025-09/notes")).withHeader("Authorization", equalTo("Bearer cc-token-2"))
                .willReturn(json(201, CREATED)));

        Exchange result = call("storaOAuth:notes/create", Map.of("body", "x"));

        assertNull(result.getException());
        List<String> keys = wm.findAll(postRequestedFor(urlPathEqualTo("/2025-09/notes"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertEquals(2, keys.size(), "the call and its replay with the renewed token");
        assertEquals(1, keys.stream().distinct().count(), "one key for both: " + keys);
    }

    private static List<String> keys() {
        return wm.findAll(RequestPatternBuilder.allRequests()).stream().map(r -> r.getHeader("Idempotency-Key")).toList();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
