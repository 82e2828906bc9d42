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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.internal.support.StoraJson;
import io.camelstora.component.internal.webhook.StoraWebhookReceiver;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * autoRegister against the Webhook Endpoints API (WireMock, shaped as https://docs.stora.co/2025-09/api-reference/webhook-endpoints shows it), with
 * deliveries signed with the secret the API handed out.
 */
class StoraWebhookRegistrationTest extends WebhookTestSupport {

    static final String PUBLIC_URL = "https://hooks.example.com/stora/webhook";
    static final String NAME = "Camel /stora/webhook";
    static final String CREATED_SECRET = "7c1f0a9e3b5d2c4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e";
    static final String INVOICE_TYPES = "[\"invoice.created\",\"invoice.finalized\",\"invoice.marked_uncollectible\","
            + "\"invoice.paid\",\"invoice.updated\"]";

    Path secretFile;

    @BeforeEach
    void freshSecretFile() {
        secretFile = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();
    }

    @Test
    void createsTheEndpointWhenMissingAndVerifiesWithItsSecret() throws Exception {
        stubList(endpointJson("we_other", "https://other.example.com", "enabled", "[\"contact.created\"]", null));
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"endpoint\":" + endpointJson("we_new", PUBLIC_URL, "enabled", INVOICE_TYPES, CREATED_SECRET)
                        + ",\"meta\":{\"request_id\":\"r1\"}}")));

        startRoute("eventTypes=invoice.*");

        List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints")));
        assertEquals(1, creates.size());
        JsonNode body = StoraJson.MAPPER.readTree(creates.get(0).getBodyAsString());
        assertEquals(NAME, body.get("name").asText());
        assertEquals("2025-09", body.get("api_version").asText());
        assertEquals(PUBLIC_URL, body.get("url").asText());
        assertEquals(StoraJson.MAPPER.readTree(INVOICE_TYPES), body.get("event_types"));
        assertEquals(NAME, body.at("/metadata/camel_stora_id").asText());
        assertNotNull(creates.get(0).getHeader("Idempotency-Key"));
        assertEquals("Bearer " + TOKEN, creates.get(0).getHeader("Authorization"));

        // the secret, shown once, is kept where only the owner can read it
        assertTrue(Files.readString(secretFile).contains("stora.webhook.we_new.secret=" + CREATED_SECRET));
        if (secretFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
        }
        assertEquals("we_new", receiver().getRegisteredEndpointId());

        MockEndpoint hook = getMockEndpoint("mock:hook");
        hook.expectedMessageCount(1);
        assertEquals(200, deliver("/stora/webhook", CREATED_SECRET, event("evt_1", "invoice.paid", "{\"id\":\"inv_1\"}"))
                .statusCode());
        assertEquals(401, deliver("/stora/webhook", SECRET, event("evt_2", "invoice.paid", "{\"id\":\"inv_1\"}"))
                .statusCode());
        hook.assertIsSatisfied();
    }

    @Test
    void findsItsEndpointAgainAfterARestartAndChangesNothingThatIsUpToDate() throws Exception {
        Files.createDirectories(secretFile.getParent());
        Files.writeString(secretFile, "stora.webhook.we_mine.secret=" + CREATED_SECRET + "\n");
        stubList(endpointJson("we_other", "https://other.example.com", "enabled", "[\"contact.created\"]", null),
                endpointJson("we_mine", PUBLIC_URL, "enabled", INVOICE_TYPES, null, NAME));

        startRoute("eventTypes=invoice.*");

        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo("/2025-09/webhook_endpoints"))).size());
        assertEquals(0, wm.findAll(patchRequestedFor(urlPathEqualTo("/2025-09/webhook_endpoints/we_mine"))).size());
        assertEquals("we_mine", receiver().getRegisteredEndpointId());
        MockEndpoint hook = getMockEndpoint("mock:hook");
        hook.expectedMessageCount(1);
        assertEquals(200, deliver("/stora/webhook", CREATED_SECRET, event("evt_1", "invoice.paid", "{\"id\":\"inv_1\"}"))
                .statusCode());
        hook.assertIsSatisfied();
    }

    @Test
    void enablesADisabledEndpointAndUpdatesChangedUrlAndEventTypes() throws Exception {
        Files.createDirectories(secretFile.getParent());
        Files.writeString(secretFile, "stora.webhook.we_mine.secret=" + CREATED_SECRET + "\n");
        stubList(endpointJson("we_mine", "https://old.example.com/hook", "disabled", "[\"invoice.paid\"]", null, NAME));
        String updated = endpointJson("we_mine", PUBLIC_URL, "disabled", "[]", null, NAME);
        wm.stubFor(
                patch(urlEqualTo("/2025-09/webhook_endpoints/we_mine")).willReturn(okJson("{\"endpoint\":" + updated + "}")));
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints/we_mine/enable"))
                .willReturn(okJson("{\"endpoint\":" + updated.replace("disabled", "enabled") + "}")));

        startRoute("eventTypes=unit.*,deal.won");

        List<LoggedRequest> patches = wm.findAll(patchRequestedFor(urlEqualTo("/2025-09/webhook_endpoints/we_mine")));
        assertEquals(1, patches.size());
        JsonNode patch = StoraJson.MAPPER.readTree(patches.get(0).getBodyAsString());
        assertEquals(PUBLIC_URL, patch.get("url").asText());
        List<String> types = StoraJson.MAPPER.convertValue(patch.get("event_types"), List.class);
        assertEquals(List.of("deal.won", "unit.available", "unit.created", "unit.deallocated", "unit.occupied",
                "unit.overlocked", "unit.repossessed", "unit.reserved", "unit.unavailable", "unit.updated"), types);
        assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints/we_mine/enable"))).size());
        assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints"))).size());
    }

    @Test
    void followsTheListAcrossPages() throws Exception {
        Files.createDirectories(secretFile.getParent());
        Files.writeString(secretFile, "stora.webhook.we_mine.secret=" + CREATED_SECRET + "\n");
        wm.stubFor(get(urlPathEqualTo("/2025-09/webhook_endpoints")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(listJson(2, endpointJson("we_a", "https://a.example.com", "enabled", "[]", null)))));
        wm.stubFor(get(urlPathEqualTo("/2025-09/webhook_endpoints")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(listJson(null, endpointJson("we_mine", PUBLIC_URL, "enabled", INVOICE_TYPES, null, NAME)))));

        startRoute("eventTypes=invoice.*");

        assertEquals("we_mine", receiver().getRegisteredEndpointId());
        assertEquals(2, wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/webhook_endpoints"))).size());
        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo("/2025-09/webhook_endpoints"))).size());
    }

    @Test
    void replacesAnEndpointWhoseSecretIsLost() throws Exception {
        stubList(endpointJson("we_lost", PUBLIC_URL, "enabled", INVOICE_TYPES, null, NAME));
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"endpoint\":" + endpointJson("we_new", PUBLIC_URL, "enabled", INVOICE_TYPES, CREATED_SECRET)
                        + "}")));
        wm.stubFor(delete(urlEqualTo("/2025-09/webhook_endpoints/we_lost"))
                .willReturn(okJson("{\"success\":{\"message\":\"deleted\"}}")));

        startRoute("eventTypes=invoice.*");

        assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints"))).size());
        assertEquals(1, wm.findAll(deleteRequestedFor(urlEqualTo("/2025-09/webhook_endpoints/we_lost"))).size());
        assertEquals("we_new", receiver().getRegisteredEndpointId());
    }

    @Test
    void aConfiguredSecretIsTrustedForAnExistingEndpoint() throws Exception {
        stubList(endpointJson("we_mine", PUBLIC_URL, "enabled", INVOICE_TYPES, null, NAME));

        startRoute("eventTypes=invoice.*&secret=" + SECRET);

        assertEquals(0, wm.findAll(postRequestedFor(urlPathEqualTo("/2025-09/webhook_endpoints"))).size());
        assertEquals(200, deliver("/stora/webhook", SECRET, event("evt_1", "invoice.paid", "{\"id\":\"inv_1\"}"))
                .statusCode());
    }

    @Test
    void disablesOnStopWhenAskedTo() throws Exception {
        Files.createDirectories(secretFile.getParent());
        Files.writeString(secretFile, "stora.webhook.we_mine.secret=" + CREATED_SECRET + "\n");
        stubList(endpointJson("we_mine", PUBLIC_URL, "enabled", INVOICE_TYPES, null, NAME));
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints/we_mine/disable"))
                .willReturn(okJson("{\"endpoint\":" + endpointJson("we_mine", PUBLIC_URL, "disabled", INVOICE_TYPES, null, NAME)
                        + "}")));

        startRoute("eventTypes=invoice.*&unregisterOnStop=DISABLE");
        context.getRouteController().stopRoute("hook");

        assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints/we_mine/disable"))).size());
        assertTrue(Files.readString(secretFile).contains("we_mine"), "a disabled endpoint keeps its secret");
    }

    @Test
    void deletesOnStopAndForgetsTheSecretWhenAskedTo() throws Exception {
        stubList();
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"endpoint\":" + endpointJson("we_new", PUBLIC_URL, "enabled", INVOICE_TYPES, CREATED_SECRET)
                        + "}")));
        wm.stubFor(delete(urlEqualTo("/2025-09/webhook_endpoints/we_new"))
                .willReturn(okJson("{\"success\":{\"message\":\"deleted\"}}")));

        startRoute("eventTypes=invoice.*&unregisterOnStop=DELETE");
        assertTrue(Files.readString(secretFile).contains("we_new"));
        context.getRouteController().stopRoute("hook");

        assertEquals(1, wm.findAll(deleteRequestedFor(urlEqualTo("/2025-09/webhook_endpoints/we_new"))).size());
        assertFalse(Files.readString(secretFile).contains("we_new"));
        assertNull(receiver().getRegisteredEndpointId());
    }

    @Test
    void refusesAnHttpUrlUnlessAllowed() throws Exception {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("stora:webhook?autoRegister=true&publicUrl=http://localhost:8080/hook"));
        assertTrue(e.getCause().getMessage().contains("allowHttp"), e.getCause().getMessage());
        assertThrows(Exception.class, () -> context.getEndpoint("stora:webhook?autoRegister=true"));

        stubList();
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"endpoint\":"
                        + endpointJson("we_local", "http://localhost:8080/hook", "enabled", "[]", CREATED_SECRET)
                        + "}")));
        String uri = "stora:webhook?path=/local&autoRegister=true&allowHttp=true&publicUrl=http://localhost:8080/hook"
                + "&secretStoreFile=" + secretFile;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:local");
            }
        });
        assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints"))).size());
    }

    @Test
    void aRegistrationErrorFailsTheRouteStartWithTheApiError() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"forbidden\",\"type\":\"forbidden\",\"message\":\"Missing scope"
                        + " public.webhook_endpoint:read\",\"request_id\":\"r9\"}}")));

        Exception e = assertThrows(Exception.class, () -> startRoute("eventTypes=invoice.*"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("public.webhook_endpoint:read"), cause.getMessage());
    }

    private void startRoute(String options) throws Exception {
        String uri = "stora:webhook?autoRegister=true&publicUrl=" + PUBLIC_URL + "&secretStoreFile=" + secretFile + "&"
                + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("hook").to("mock:hook");
            }
        });
    }

    private StoraWebhookReceiver receiver() {
        return ((StoraEndpoint) context.getRoute("hook").getEndpoint()).getWebhookReceiver();
    }

    private static void stubList(String... endpoints) {
        wm.stubFor(get(urlPathEqualTo("/2025-09/webhook_endpoints")).willReturn(okJson(listJson(null, endpoints))));
    }

    static String listJson(Integer next, String... endpoints) {
        return "{\"endpoints\":[" + String.join(",", endpoints) + "],\"meta\":{\"request_id\":\"r0\",\"pagination\":{\"count\":"
                + endpoints.length + ",\"page\":1,\"next\":" + next + "}}}";
    }

    static String endpointJson(String id, String url, String status, String eventTypes, String secret) {
        return endpointJson(id, url, status, eventTypes, secret, null);
    }

    static String endpointJson(String id, String url, String status, String eventTypes, String secret, String marker) {
        String metadata = marker == null ? "{\"source\":\"zapier\"}" : "{\"camel_stora_id\":\"" + marker + "\"}";
        return "{\"id\":\"" + id + "\",\"api_version\":\"2025-09\",\"created_at\":\"2025-02-22T14:41:00Z\",\"creator\":{\"id\":"
                + "\"app_531844f4c4837d61\"},\"description\":null,\"disabled_at\":null,\"event_types\":" + eventTypes
                + ",\"metadata\":" + metadata + ",\"name\":\"" + (marker == null ? "Other" : marker) + "\",\"secret\":"
                + (secret == null ? "null" : "\"" + secret + "\"") + ",\"status\":\"" + status + "\",\"updated_at\":"
                + "\"2025-02-22T14:41:00Z\",\"url\":\"" + url + "\"}";
    }
}
