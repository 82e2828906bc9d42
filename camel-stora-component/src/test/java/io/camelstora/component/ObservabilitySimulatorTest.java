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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics of an application against the Stora simulator, as camel-main would expose them: a self-registering
 * webhook route, producers under the simulator's rate limit, a 429 and a revoked token.
 */
class ObservabilitySimulatorTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5)))
            .build();

    final int port = AvailablePortFinder.getNextAvailable();
    final Path secretFile = Path.of("target", "secrets", UUID.randomUUID() + ".properties").toAbsolutePath();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    CamelContext context;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
        HealthChecks.withConsumerChecks(context);
        stora.configure(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?autoRegister=true&allowHttp=true&publicUrl=http://localhost:" + port + "/stora/webhook"
                        + "&eventTypes=unit.*&unregisterOnStop=DELETE&secretStoreFile=" + secretFile)
                        .routeId("units").to("mock:units");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theRegisteredWebhookAndItsDeliveriesShowInHealthAndMetrics(StoraSimulator sim) {
        List<?> endpoints = context.createProducerTemplate().requestBody("stora:webhook_endpoints/list", null, List.class);
        String endpointId = (String) ((Map<?, ?>) endpoints.get(0)).get("id");
        HealthCheck.Result registered = HealthChecks.consumer(context, "units");
        assertEquals(HealthCheck.State.UP, registered.getState(), () -> registered.getMessage().orElse(""));
        assertEquals(true, registered.getDetails().get("webhook.registered"));
        assertEquals(endpointId, registered.getDetails().get("webhook.endpoint.id"));
        assertEquals("enabled", registered.getDetails().get("webhook.endpoint.status"));

        String unit = (String) ((Map<?, ?>) context.createProducerTemplate()
                .requestBody("stora:units/list?limit=1", null, List.class).get(0)).get("id");
        sim.control().emit("unit.updated", unit);
        List<WebhookDelivery> deliveries = sim.webhooks().awaitCompleted(1, WAIT);
        assertEquals(WebhookDelivery.Status.SUCCEEDED, deliveries.get(0).status());

        HealthCheck.Result delivered = HealthChecks.consumer(context, "units");
        assertEquals("processed", delivered.getDetails().get("webhook.last.delivery.result"));
        assertEquals("unit.updated", delivered.getDetails().get("webhook.last.event.type"));
        assertEquals(1.0, meters.get("stora.webhook.deliveries").tags("routeId", "units", "result", "processed",
                "eventType", "unit.updated").counter().count());
        // the route registered its endpoint through the account's client, so the create call is metered too
        assertEquals(1,
                meters.get("stora.calls").tags("operation", "webhook_endpoints/create", "status", "201").timer().count());
        assertEquals(HealthCheck.State.UP, HealthChecks.theAccount(context).getState());
    }

    @Test
    void a429ShowsInTheAccountCheckAndARevokedTokenTakesItDown(StoraSimulator sim) {
        sim.faults().rateLimitBurst(1);
        context.createProducerTemplate().requestBody("stora:sites/list", null, List.class);
        HealthCheck.Result limited = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.UP, limited.getState(), "a replayed 429 is throttling doing its job");
        assertEquals(1L, limited.getDetails().get("rate.limit.responses"));
        assertEquals(1, meters.get("stora.requests").tags("operation", "sites/list", "status", "429").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "sites/list", "status", "200").timer().count());

        sim.revokeAccessToken(sim.accessToken());
        Exception failed = context.createProducerTemplate().request("stora:sites/list", e -> {
        }).getException();
        assertInstanceOf(io.camelstora.component.http.StoraApiException.class, failed);
        HealthCheck.Result revoked = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.DOWN, revoked.getState());
        assertTrue(revoked.getMessage().orElseThrow().contains("rejected the access token"), revoked.getMessage()::orElseThrow);
        assertTrue(revoked.getDetails().values().stream().noneMatch(v -> String.valueOf(v).contains(sim.accessToken())));
    }
}
