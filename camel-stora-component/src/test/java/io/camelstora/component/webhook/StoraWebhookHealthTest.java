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

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import io.camelstora.component.HealthChecks;
import io.camelstora.component.StoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The health of stora:webhook consumers through Camel's consumers health check repository (what camel-main's
 * camel.health.consumersEnabled turns on): served path, secret, last delivery and counts; forged deliveries never
 * take the consumer DOWN.
 */
class StoraWebhookHealthTest extends WebhookTestSupport {

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
                from("stora:webhook?secret=" + SECRET).routeId("events").to("mock:events");
            }
        };
    }

    @Test
    void showsTheLastDeliveryAndStaysUpWhenDeliveriesAreForged() throws Exception {
        HealthCheck.Result fresh = HealthChecks.consumer(context, "events");
        assertEquals(HealthCheck.State.UP, fresh.getState(), () -> fresh.getMessage().orElse(""));
        assertEquals("/stora/webhook", fresh.getDetails().get("webhook.path"));
        assertEquals(true, fresh.getDetails().get("webhook.secret.available"));
        assertEquals(false, fresh.getDetails().get("webhook.registered"));
        assertNull(fresh.getDetails().get("webhook.last.delivery.time"));

        String body = event("evt_health_1", "invoice.paid", "{\"id\":\"inv_1\"}");
        assertEquals(200, deliver("/stora/webhook", SECRET, body).statusCode());
        HealthCheck.Result processed = HealthChecks.consumer(context, "events");
        assertEquals("processed", processed.getDetails().get("webhook.last.delivery.result"));
        assertEquals("invoice.paid", processed.getDetails().get("webhook.last.event.type"));
        assertEquals("evt_health_1", processed.getDetails().get("webhook.last.event.id"));

        for (int i = 0; i < 3; i++) {
            String forged = event("evt_forged_" + i, "invoice.paid", "{\"id\":\"inv_1\"}");
            HttpResponse<String> response = postDelivery("/stora/webhook", forged,
                    signature(OTHER_SECRET, Instant.now(), forged), "req_forged_" + i);
            assertEquals(401, response.statusCode());
        }
        HealthCheck.Result afterForgeries = HealthChecks.consumer(context, "events");
        assertEquals(HealthCheck.State.UP, afterForgeries.getState());
        Map<String, Object> details = afterForgeries.getDetails();
        assertEquals("rejected", details.get("webhook.last.delivery.result"));
        assertEquals("invalid_signature", details.get("webhook.last.delivery.reason"));
        assertEquals(401, details.get("webhook.last.delivery.status"));
        assertNull(details.get("webhook.last.event.id"), "a rejected delivery is not parsed");
        assertEquals(1L, details.get("webhook.deliveries.processed"));
        assertEquals(3L, details.get("webhook.deliveries.rejected"));
        details.values().forEach(v -> assertFalse(String.valueOf(v).contains(SECRET), "a detail holds the secret"));
    }

    @Test
    void theConsumerCheckCanBeTurnedOff() throws Exception {
        context.getComponent("stora", StoraComponent.class).setHealthCheckConsumerEnabled(false);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?path=/quiet&secret=" + SECRET).routeId("quiet").to("mock:quiet");
            }
        });
        HealthCheck.Result result = HealthChecks.consumer(context, "quiet");
        assertEquals(HealthCheck.State.UNKNOWN, result.getState());
        assertEquals("Disabled", result.getMessage().orElseThrow());
    }
}
