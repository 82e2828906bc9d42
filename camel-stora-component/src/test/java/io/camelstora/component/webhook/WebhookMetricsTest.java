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

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** stora.webhook.deliveries after real deliveries: results, reasons and event types as tags. */
class WebhookMetricsTest extends WebhookTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:webhook?eventTypes=invoice.*&secret=" + SECRET).routeId("invoices")
                        .filter(header("CamelStoraWebhookResourceId").isEqualTo("inv_bad"))
                        .throwException(new IllegalStateException("cannot book inv_bad"));
            }
        };
    }

    @Test
    void everyAnswerIsCountedWithItsResultReasonAndEventType() throws Exception {
        String paid = event("evt_1", "invoice.paid", "{\"id\":\"inv_1\"}");
        assertEquals(200, deliver("/stora/webhook", SECRET, paid).statusCode());
        assertEquals(200, deliver("/stora/webhook", SECRET, paid).statusCode());
        assertEquals(200,
                deliver("/stora/webhook", SECRET, event("evt_2", "unit.updated", "{\"id\":\"unit_1\"}")).statusCode());
        assertEquals(500,
                deliver("/stora/webhook", SECRET, event("evt_3", "invoice.created", "{\"id\":\"inv_bad\"}")).statusCode());
        String forged = event("evt_4", "invoice.paid", "{\"id\":\"inv_1\"}");
        assertEquals(401, postDelivery("/stora/webhook", forged, signature(OTHER_SECRET, Instant.now(), forged), "req_x")
                .statusCode());
        assertEquals(400, deliver("/stora/webhook", SECRET, "{\"not\":\"an event\"}").statusCode());

        assertEquals(1.0, count("processed", "none", "invoice.paid"));
        assertEquals(1.0, count("duplicate", "none", "invoice.paid"));
        assertEquals(1.0, count("ignored", "none", "unit.updated"));
        assertEquals(1.0, count("failed", "none", "invoice.created"));
        assertEquals(1.0, count("rejected", "invalid_signature", "unknown"));
        assertEquals(1.0, count("rejected", "invalid_payload", "unknown"));
        assertEquals(6.0, meters.get("stora.webhook.deliveries").counters().stream().mapToDouble(c -> c.count()).sum());
    }

    private double count(String result, String reason, String eventType) {
        return meters.get("stora.webhook.deliveries").tags("routeId", "invoices", "result", result, "reason", reason,
                "eventType", eventType).counter().count();
    }
}
