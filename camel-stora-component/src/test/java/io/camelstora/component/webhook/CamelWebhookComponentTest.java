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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelstora.component.webhook.StoraWebhookRegistrationTest.CREATED_SECRET;
import static io.camelstora.component.webhook.StoraWebhookRegistrationTest.endpointJson;
import static io.camelstora.component.webhook.StoraWebhookRegistrationTest.listJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("webhook:stora:webhook")}: Camel's webhook component serves the path through its REST consumer
 * (platform-http here) and drives the registration through {@code WebhookCapableEndpoint}.
 */
class CamelWebhookComponentTest extends WebhookTestSupport {

    final Path secretFile = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();

    @Test
    void registersAtTheExternalUrlAndRoutesVerifiedEvents() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/2025-09/webhook_endpoints")).willReturn(okJson(listJson(null))));
        wm.stubFor(post(urlEqualTo("/2025-09/webhook_endpoints")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"endpoint\":" + endpointJson("we_hook", "https://hooks.example.com/stora-events", "enabled",
                        "[\"invoice.paid\"]", CREATED_SECRET) + "}")));
        wm.stubFor(delete(urlEqualTo("/2025-09/webhook_endpoints/we_hook"))
                .willReturn(okJson("{\"success\":{\"message\":\"deleted\"}}")));

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:stora:webhook?webhookComponentName=platform-http&webhookExternalUrl=https://hooks.example.com&webhookPath=/stora-events"
                        + "&eventTypes=invoice.paid&unregisterOnStop=DELETE&secretStoreFile=" + secretFile)
                        .routeId("via-webhook").to("mock:webhook");
            }
        });

        JsonNode created = StoraJson.MAPPER.readTree(
                wm.findAll(postRequestedFor(urlEqualTo("/2025-09/webhook_endpoints"))).get(0).getBodyAsString());
        assertEquals("https://hooks.example.com/stora-events", created.get("url").asText());
        assertEquals("Camel /stora-events", created.at("/metadata/camel_stora_id").asText());
        assertEquals(List.of("invoice.paid"), StoraJson.MAPPER.convertValue(created.get("event_types"), List.class));

        MockEndpoint webhook = getMockEndpoint("mock:webhook");
        webhook.expectedMessageCount(1);
        String body = event("evt_w1", "invoice.paid", "{\"id\":\"inv_9\"}");
        assertEquals("{\"status\":\"processed\"}", deliver("/stora-events", CREATED_SECRET, body).body());
        assertEquals("{\"status\":\"duplicate\"}", deliver("/stora-events", CREATED_SECRET, body).body());
        assertEquals(401, deliver("/stora-events", SECRET, event("evt_w2", "invoice.paid", "{\"id\":\"inv_9\"}")).statusCode());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url("/stora-events"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, get.statusCode());
        webhook.assertIsSatisfied();
        assertEquals("inv_9", webhook.getExchanges().get(0).getIn().getBody(Map.class).get("id"));
        assertEquals("evt_w1", webhook.getExchanges().get(0).getIn().getHeader(StoraConstants.WEBHOOK_EVENT_ID));
        assertEquals("via-webhook", webhook.getExchanges().get(0).getFromRouteId());

        // the webhook component unregisters when its endpoint stops, i.e. with the CamelContext, not with the route
        context.stop();
        assertEquals(1, wm.findAll(deleteRequestedFor(urlEqualTo("/2025-09/webhook_endpoints/we_hook"))).size());
    }

    @Test
    void withoutRegistrationTheConfiguredSecretVerifies() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:stora:webhook?webhookComponentName=platform-http&webhookAutoRegister=false&webhookPath=/manual&secret="
                        + SECRET)
                        .to("mock:manual");
            }
        });
        MockEndpoint manual = getMockEndpoint("mock:manual");
        manual.expectedMessageCount(1);
        assertEquals(200, deliver("/manual", SECRET, event("evt_m", "task.created", "{\"id\":\"task_1\"}")).statusCode());
        manual.assertIsSatisfied();
        assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void withoutRegistrationNorSecretTheRouteFailsToStartNamingBoth() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:stora:webhook?webhookComponentName=platform-http&webhookAutoRegister=false"
                        + "&webhookPath=/unverifiable")
                        .to("mock:unverifiable");
            }
        }));
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(t.getMessage()).append('\n');
        }
        String message = causes.toString();
        assertTrue(message.contains("no signing secret") && message.contains("webhookAutoRegister"), message);
    }

    @Test
    void routesWithoutRegistrationKeepTheirEventsApartInASharedStore() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:webhook-component-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcWebhookEventStore store = new JdbcWebhookEventStore(database);
        context.getRegistry().bind("storaEvents", store);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String name : List.of("billing", "crm")) {
                    from("webhook:stora:webhook?webhookComponentName=platform-http&webhookAutoRegister=false&webhookPath=/"
                            + name + "&eventStore=#storaEvents&secret=" + SECRET)
                            .routeId(name).to("mock:" + name);
                }
            }
        });
        String body = event("evt_both", "invoice.paid", "{\"id\":\"inv_5\"}");
        for (String name : List.of("billing", "crm")) {
            assertEquals("{\"status\":\"processed\"}", deliver("/" + name, SECRET, body).body(), name);
            assertEquals("{\"status\":\"duplicate\"}", deliver("/" + name, SECRET, body).body(), name);
            assertEquals(1, getMockEndpoint("mock:" + name).getReceivedCounter(), name);
        }
        List<String> scopes = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT scope FROM " + JdbcWebhookEventStore.DEFAULT_TABLE_NAME
                        + " WHERE event_id = 'evt_both' ORDER BY scope")) {
            while (rows.next()) {
                scopes.add(rows.getString(1));
            }
        }
        assertEquals(List.of("/billing", "/crm"), scopes, "each route's events under the path it is served at");
    }
}
