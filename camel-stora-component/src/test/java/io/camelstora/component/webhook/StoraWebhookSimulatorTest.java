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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end against the Stora simulator: the route registers its endpoint through the simulated Webhook Endpoints
 * API, and the simulator delivers real signed events with its retry schedule (scaled down), duplicate deliveries and
 * reordering. Every event is routed exactly once, and every delivery ends acknowledged.
 */
class StoraWebhookSimulatorTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5)))
            .build();

    final int port = AvailablePortFinder.getNextAvailable();
    final Path secretFile = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();
    /** Event id to routing attempts, failed ones included. */
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    final List<String> routed = new CopyOnWriteArrayList<>();
    /** Whether the first routing attempt of every event fails. */
    final AtomicBoolean failFirstAttempts = new AtomicBoolean();
    CamelContext context;

    @BeforeEach
    void startRoute() throws Exception {
        context = start("DELETE");
    }

    /** A new application: CamelContext, HTTP server and the route, sharing only the secret file with earlier ones. */
    private CamelContext start(String unregisterOnStop) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        stora.configure(context);
        String uri = "stora:webhook?autoRegister=true&allowHttp=true&publicUrl=http://localhost:" + port + "/stora/webhook"
                + "&eventTypes=unit.*&unregisterOnStop=" + unregisterOnStop + "&secretStoreFile=" + secretFile;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("units")
                        .process(e -> {
                            String id = e.getIn().getHeader(StoraConstants.WEBHOOK_EVENT_ID, String.class);
                            int attempt = attempts.merge(id, 1, Integer::sum);
                            if (attempt == 1 && failFirstAttempts.get()) {
                                throw new IllegalStateException("first attempt of " + id + " fails");
                            }
                            routed.add(id);
                        });
            }
        });
        context.start();
        return context;
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void everyEventIsRoutedOnceDespiteDuplicatesReorderingAndAFailure(StoraSimulator sim) {
        List<String> units = context.createProducerTemplate()
                .requestBody("stora:units/list?limit=6", null, List.class).stream()
                .map(u -> (String) ((Map<?, ?>) u).get("id")).toList();
        assertEquals(6, units.size());

        sim.faults().duplicateWebhooks(2);
        sim.faults().reorderWebhooks(3);
        for (String unit : units) {
            sim.control().emit("unit.updated", unit);
        }
        // an event type the route did not subscribe to is not even sent
        sim.control().emit("contact.updated", firstContact());

        List<String> eventIds = sim.webhooks().events("unit.updated").stream().map(e -> e.id()).toList();
        assertEquals(6, eventIds.size());
        // 6 events, the first 2 delivered twice
        List<WebhookDelivery> deliveries = sim.webhooks().awaitCompleted(8, WAIT);
        assertEquals(8, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> d.status() == WebhookDelivery.Status.SUCCEEDED), deliveries::toString);
        assertEquals(Set.copyOf(eventIds), Set.copyOf(routed));
        assertEquals(eventIds.size(), routed.size(), "each event routed once: " + routed);
    }

    @Test
    void aFailedEventIsRoutedAgainOnStorasRetry(StoraSimulator sim) {
        String unit = (String) ((Map<?, ?>) context.createProducerTemplate()
                .requestBody("stora:units/list?limit=1", null, List.class).get(0)).get("id");
        failFirstAttempts.set(true);
        sim.control().emit("unit.updated", unit);
        String eventId = sim.webhooks().events("unit.updated").get(0).id();

        List<WebhookDelivery> deliveries = sim.webhooks().awaitCompleted(1, WAIT);
        WebhookDelivery delivery = deliveries.get(0);
        assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status(), delivery.toString());
        List<Integer> statuses = delivery.attempts().stream().map(WebhookDelivery.Attempt::statusCode).toList();
        assertEquals(List.of(500, 200), statuses);
        assertEquals(List.of(eventId), routed);
        assertEquals(2, attempts.get(eventId));
    }

    @Test
    void theRouteRegisteredItsEndpointAndDeletesItOnStop() throws Exception {
        Map<?, ?> endpoint = onlyEndpoint();
        assertEquals("Camel /stora/webhook", ((Map<?, ?>) endpoint.get("metadata")).get("camel_stora_id"));
        assertEquals("http://localhost:" + port + "/stora/webhook", endpoint.get("url"));
        assertEquals(9, ((List<?>) endpoint.get("event_types")).size());

        context.getRouteController().stopRoute("units");
        List<?> left = context.createProducerTemplate().requestBody("stora:webhook_endpoints/list", null, List.class);
        assertEquals(List.of(), left.stream().filter(e -> endpoint.get("id").equals(((Map<?, ?>) e).get("id")))
                .collect(Collectors.toList()));
    }

    @Test
    void aRestartedApplicationFindsItsEndpointAndItsSecretAgain(StoraSimulator sim) throws Exception {
        context.stop(); // deletes the endpoint of @BeforeEach
        context = start("NONE");
        String registered = (String) onlyEndpoint().get("id");
        context.stop();

        context = start("NONE");
        assertEquals(registered, onlyEndpoint().get("id"));
        assertEquals(2, sim.journal().countOperation("webhook_endpoints/create"), "one by @BeforeEach, one by the first run");

        String unit = (String) ((Map<?, ?>) context.createProducerTemplate()
                .requestBody("stora:units/list?limit=1", null, List.class).get(0)).get("id");
        sim.control().emit("unit.occupied", unit);
        WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, WAIT).get(0);
        assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status(), delivery.toString());
        assertEquals(List.of(delivery.eventId()), routed);
    }

    private Map<?, ?> onlyEndpoint() {
        List<?> endpoints = context.createProducerTemplate().requestBody("stora:webhook_endpoints/list", null, List.class);
        assertEquals(1, endpoints.size(), endpoints.toString());
        return (Map<?, ?>) endpoints.get(0);
    }

    private String firstContact() {
        Map<?, ?> contact = (Map<?, ?>) context.createProducerTemplate()
                .requestBody("stora:contacts/list?limit=1", null, List.class).get(0);
        return (String) contact.get("id");
    }
}
