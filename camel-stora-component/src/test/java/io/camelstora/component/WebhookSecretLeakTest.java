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

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.camelstora.component.webhook.WebhookTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook signing secrets (a configured one with a previous one during a rotation, and one Stora hands out when
 * autoRegister creates the endpoint), the expected signatures the verifier computes and the access token appear in no
 * log line with every logger at TRACE, nor in the endpoints Camel prints, through valid, forged, replayed and malformed
 * deliveries. As in {@link SecretLeakTest}, Camel core's own TRACE of endpoint resolution prints the URI as written:
 * docs/webhooks.md keeps secrets out of route text with placeholders.
 */
class WebhookSecretLeakTest extends WebhookTestSupport {

    static final String CONFIGURED = "a1".repeat(32);
    static final String PREVIOUS = "b2".repeat(32);
    static final String REGISTERED = "c3".repeat(32);
    static final String PUBLIC_URL = "https://hooks.example.com/stora/registered";

    private TraceLogCapture capture;
    private final Path secretFile = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        capture = TraceLogCapture.everything();
        return super.createCamelContext();
    }

    @AfterEach
    void restoreLogging() {
        capture.restore();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void noWebhookSecretNorExpectedSignatureReachesALogLine() throws Exception {
        // the Webhook Endpoints API: nothing registered yet, the created endpoint comes with its secret
        wm.stubFor(get(urlPathEqualTo("/2025-09/webhook_endpoints")).willReturn(okJson(
                "{\"endpoints\":[],\"meta\":{\"request_id\":\"r0\",\"pagination\":{\"count\":0,\"page\":1,\"next\":null}}}")));
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"endpoint\":{\"id\":\"we_new\",\"api_version\":\"2025-09\",\"event_types\":[\"invoice.paid\"],"
                        + "\"metadata\":{\"camel_stora_id\":\"Camel /stora/registered\"},\"name\":\"Camel /stora/registered\","
                        + "\"secret\":\"" + REGISTERED + "\",\"status\":\"enabled\",\"url\":\"" + PUBLIC_URL + "\"},"
                        + "\"meta\":{\"request_id\":\"r1\"}}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?path=/stora/configured&eventTypes=invoice.paid&secret=RAW(" + CONFIGURED + "," + PREVIOUS
                        + ")")
                        .routeId("configured").to("mock:configured");
                from("stora:webhook?path=/stora/registered&eventTypes=invoice.paid&autoRegister=true&publicUrl=" + PUBLIC_URL
                        + "&secretStoreFile=" + secretFile)
                        .routeId("registered").to("mock:registered");
            }
        });
        context.start();
        MockEndpoint configured = getMockEndpoint("mock:configured");
        MockEndpoint registered = getMockEndpoint("mock:registered");
        configured.expectedMessageCount(2);
        registered.expectedMessageCount(1);
        List<String> expectedSignatures = new ArrayList<>();

        String paid = event("evt_1", "invoice.paid", "{\"id\":\"inv_1\"}");
        assertEquals(200, deliver("/stora/configured", CONFIGURED, paid).statusCode());
        assertEquals(200, deliver("/stora/configured", PREVIOUS, event("evt_2", "invoice.paid", "{\"id\":\"inv_2\"}"))
                .statusCode());
        assertEquals(200, deliver("/stora/registered", REGISTERED, paid).statusCode());

        // forged: signed with another secret; the signatures the verifier then expects must not be printed
        Instant now = Instant.now();
        String forged = event("evt_3", "invoice.paid", "{\"id\":\"inv_3\"}");
        for (String secret : List.of(CONFIGURED, PREVIOUS, REGISTERED)) {
            expectedSignatures.add(v1(secret, now, forged));
        }
        assertEquals(401,
                postDelivery("/stora/configured", forged, signature(OTHER_SECRET, now, forged), "req_f1").statusCode());
        assertEquals(401,
                postDelivery("/stora/registered", forged, signature(OTHER_SECRET, now, forged), "req_f2").statusCode());
        // replayed outside the tolerance, and a signed body that is no event
        Instant old = now.minusSeconds(3600);
        assertEquals(401, postDelivery("/stora/configured", forged, signature(CONFIGURED, old, forged), "req_r").statusCode());
        expectedSignatures.add(v1(CONFIGURED, old, forged));
        assertEquals(400, deliver("/stora/configured", CONFIGURED, "{\"not\":\"an event\"}").statusCode());

        configured.assertIsSatisfied();
        registered.assertIsSatisfied();
        context.stop();

        List<String> secrets = new ArrayList<>(List.of(CONFIGURED, PREVIOUS, REGISTERED, TOKEN));
        secrets.addAll(expectedSignatures);
        List<String> logged = capture.linesBeyondCamelCoreUriTrace();
        assertTrue(logged.size() > 100, "TRACE logging was on: " + logged.size() + " lines");
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("io.camelstora.component.internal.webhook")),
                "our webhook code logged");
        assertEquals(List.of(), TraceLogCapture.leaks(logged, secrets));
        assertEquals(List.of(), TraceLogCapture.leaks(whatCamelPrintsAboutEndpoints(), secrets));
    }

    private static String v1(String secret, Instant t, String body) {
        String header = signature(secret, t, body);
        return header.substring(header.indexOf("v1=") + 3);
    }

    private List<String> whatCamelPrintsAboutEndpoints() {
        List<String> printed = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            printed.add(endpoint.toString());
            printed.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
        }
        return printed;
    }
}
