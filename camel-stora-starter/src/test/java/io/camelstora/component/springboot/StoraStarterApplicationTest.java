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
package io.camelstora.component.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConfiguration;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraOutputType;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application with the starter: camel.component.stora.* in its properties, a webhook route served by the
 * application's web server through camel-platform-http-starter and registered with the Stora simulator, and a producer
 * route calling it.
 */
@SpringBootTest(classes = StoraStarterApplicationTest.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.main.banner-mode=off",
                "camel.component.stora.output-type=JSON_NODE",
                "camel.component.stora.connect-timeout=5s",
                "camel.component.stora.max-retries=2",
                "camel.component.stora.rate-limit-per-second=5",
                "camel.component.stora.idempotent-repository=#bean:processedStoraEvents"})
class StoraStarterApplicationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final StoraSimulator STORA = StoraSimulator.builder().webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5))
            .start();
    static final Path SECRETS = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();

    @DynamicPropertySource
    static void stora(DynamicPropertyRegistry registry) {
        registry.add("camel.component.stora.base-url", STORA::baseUrl);
        registry.add("camel.component.stora.access-token", STORA::accessToken);
        registry.add("camel.component.stora.state-directory", () -> Path.of("target", "state").toString());
        registry.add("stora.webhook.secret-store", SECRETS::toString);
    }

    @AfterAll
    static void stopSimulator() {
        STORA.close();
    }

    @SpringBootApplication
    static class Application {

        @Bean
        IdempotentRepository processedStoraEvents() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }

        @Bean
        RouteBuilder storaRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // local.server.port: the web server has started when Camel starts its routes
                    from("stora:webhook?autoRegister=true&allowHttp=true&eventTypes=unit.*&endpointName=starter-test"
                            + "&publicUrl=http://localhost:{{local.server.port}}/stora/webhook"
                            + "&secretStoreFile={{stora.webhook.secret-store}}&unregisterOnStop=DELETE")
                            .routeId("stora-events")
                            .to("mock:events");

                    from("direct:signup").routeId("signup")
                            .to("stora:contacts/create");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate template;

    @Autowired
    IdempotentRepository processedStoraEvents;

    @Test
    void thePropertiesConfigureTheComponent() {
        StoraComponent stora = camelContext.getComponent("stora", StoraComponent.class);
        StoraConfiguration configuration = stora.getConfiguration();
        assertEquals(STORA.baseUrl(), configuration.getBaseUrl());
        assertEquals(STORA.accessToken(), configuration.getAccessToken());
        assertEquals(StoraOutputType.JSON_NODE, configuration.getOutputType());
        assertEquals(5000, stora.getConnectTimeout());
        assertEquals(2, stora.getMaxRetries());
        assertEquals(5, stora.getRateLimitPerSecond());
        assertEquals(60, stora.getRateLimitPerMinute(), "untouched options keep the component's defaults");
        assertSame(processedStoraEvents, configuration.getIdempotentRepository());
    }

    @Test
    void theProducerRouteCallsStora() {
        JsonNode contact = template.requestBody("direct:signup",
                Map.of("email", "boot@example.com", "full_name", "Spring Boot"),
                JsonNode.class);
        assertTrue(contact.path("id").asText().startsWith("con_"), contact.toString());
        assertEquals("boot@example.com", STORA.control().get(contact.path("id").asText()).path("email").asText());
    }

    @Test
    void theWebhookRouteReceivesTheEventsOfItsRegisteredEndpoint() throws Exception {
        MockEndpoint events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        events.reset();
        events.expectedMessageCount(1);
        events.setResultWaitTime(WAIT.toMillis());

        List<?> endpoints = template.requestBody("stora:webhook_endpoints/list?outputType=MAP", null, List.class);
        assertEquals(1, endpoints.size(), endpoints.toString());
        JsonNode unit = template.requestBody("stora:units/list?limit=1", null, JsonNode.class).get(0);
        STORA.control().emit("unit.updated", unit.path("id").asText());

        events.assertIsSatisfied();
        WebhookDelivery delivery = STORA.webhooks().awaitCompleted(1, WAIT).get(0);
        assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status(), delivery.toString());
        String eventId = events.getExchanges().get(0).getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID, String.class);
        assertEquals(delivery.eventId(), eventId);
        assertTrue(processedStoraEvents.contains("/stora/webhook|" + eventId),
                "the repository named by camel.component.stora.idempotent-repository");
    }

    /**
     * On Spring Boot's servlet engine the component cannot read the body first, but what it answers holds: nothing
     * unsigned reaches the route, nothing gets 5xx, and the start-up log says what bounds the memory a body takes.
     */
    @Test
    void unsignedFormsLargeBodiesAndSignaturesInTheQueryAreRefusedWithoutReachingTheRoute() throws Exception {
        MockEndpoint events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        events.reset();
        HttpClient http = HttpClient.newHttpClient();
        URI webhook = URI.create("http://localhost:" + port + "/stora/webhook");

        assertEquals(415, http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("event=1")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
        assertEquals(415, http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers
                        .ofString("--b\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n1\r\n--b--\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":{}}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(webhook + "?X-Stora-Signature=t%3D1%2Cv1%3Dab"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> large = http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, large.statusCode());
        assertEquals("{\"error\":\"payload_too_large\"}", large.body());
        assertEquals(0, events.getReceivedCounter());

        String log = Files.readString(Path.of("target", "camel-stora-test.log"));
        assertTrue(log.contains("SpringBootPlatformHttpConsumer reads each request body before the component can check it"),
                "the start-up warning");
    }
}
