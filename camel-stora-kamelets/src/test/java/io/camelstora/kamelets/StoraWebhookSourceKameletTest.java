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
package io.camelstora.kamelets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelstora.kamelets.KameletTestSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * stora-webhook-source bound in a YAML route on a Vert.x platform-http server, receiving real signed deliveries from the
 * Stora simulator.
 */
class StoraWebhookSourceKameletTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5)))
            .build();

    final int port = KameletTestSupport.freePort();

    @Test
    void routesTheSubscribedEventsVerifiedByTheSecretAsJson(StoraSimulator sim) throws Exception {
        try (CamelContext context = newContextWithServer()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            // the endpoint an operator creates in BackOffice; its secret is shown once
            Map<?, ?> endpoint = template.requestBody("stora:webhook_endpoints/create",
                    Map.of("name", "Operations events", "api_version", "2025-09", "url",
                            "http://localhost:" + port + "/hooks/stora",
                            "event_types", List.of("unit.updated", "contact.updated")),
                    Map.class);
            String secret = (String) endpoint.get("secret");
            context.getPropertiesComponent().addInitialProperty("stora.webhook.secret", secret);
            KameletTestSupport.loadYaml(context, """
                    - route:
                        from:
                          uri: kamelet:stora-webhook-source
                          parameters:
                            secret: "RAW({{stora.webhook.secret}})"
                            eventTypes: "unit.*"
                            path: /hooks/stora
                          steps:
                            - to: mock:units
                    """);
            MockEndpoint units = KameletTestSupport.expect(context, "mock:units", 1);

            String unitId = KameletTestSupport.firstId(template, "units");
            sim.control().emit("unit.updated", unitId);
            sim.control().emit("contact.updated", KameletTestSupport.firstId(template, "contacts"));

            List<WebhookDelivery> deliveries = sim.webhooks().awaitCompleted(2, WAIT);
            assertTrue(deliveries.stream().allMatch(d -> d.status() == WebhookDelivery.Status.SUCCEEDED), deliveries::toString);
            units.assertIsSatisfied();

            Exchange event = units.getExchanges().get(0);
            JsonNode unit = KameletJson.MAPPER.readTree(event.getMessage().getBody(String.class));
            assertEquals(unitId, unit.path("id").asText());
            assertEquals("application/json", event.getMessage().getHeader(Exchange.CONTENT_TYPE));
            assertEquals("unit.updated", event.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_TYPE));
            assertEquals(unitId, event.getMessage().getHeader(StoraConstants.WEBHOOK_RESOURCE_ID));
            assertEquals(sim.webhooks().events("unit.updated").get(0).id(),
                    event.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID));
        }
    }

    @Test
    void autoRegisterCreatesTheEndpointAndVerifiesWithItsSecret(StoraSimulator sim) throws Exception {
        Path secrets = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();
        try (CamelContext context = newContextWithServer()) {
            KameletTestSupport.loadYaml(context, """
                    - route:
                        from:
                          uri: kamelet:stora-webhook-source
                          parameters:
                            autoRegister: true
                            publicUrl: "http://localhost:%d/stora/webhook"
                            allowHttp: true
                            endpointName: kamelet-test
                            secretStoreFile: "%s"
                            eventTypes: "invoice.paid"
                            fullEvent: true
                          steps:
                            - to: mock:invoices
                    """.formatted(port, secrets.toString().replace('\\', '/')));
            context.start();
            MockEndpoint invoices = KameletTestSupport.expect(context, "mock:invoices", 1);

            ProducerTemplate template = context.createProducerTemplate();
            List<?> endpoints = template.requestBody("stora:webhook_endpoints/list", null, List.class);
            assertEquals(1, endpoints.size());
            assertEquals(List.of("invoice.paid"), ((Map<?, ?>) endpoints.get(0)).get("event_types"));

            String invoiceId = KameletTestSupport.firstId(template, "invoices");
            sim.control().emit("invoice.paid", invoiceId);
            invoices.assertIsSatisfied();
            JsonNode event = KameletJson.MAPPER.readTree(invoices.getExchanges().get(0).getMessage().getBody(String.class));
            assertEquals("invoice.paid", event.path("type").asText());
            assertEquals(invoiceId, event.path("data").path("invoice").path("id").asText());
        }
    }

    private CamelContext newContextWithServer() throws Exception {
        CamelContext context = KameletTestSupport.newContext();
        KameletTestSupport.addHttpServer(context, port);
        stora.configure(context);
        return context;
    }
}
