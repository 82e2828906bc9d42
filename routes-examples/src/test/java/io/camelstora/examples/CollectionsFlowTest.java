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
package io.camelstora.examples;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionsFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void anUncollectibleInvoiceOverlocksTheUnitsAndItsPaymentRestoresThem(Dsl dsl) throws Exception {
        start(Flow.COLLECTIONS, dsl);
        // a customer who has moved in: booked, paid, a unit reserved (by the integration: API orders are not
        // auto-reserved), and move-in day come
        Map<String, Object> contact = call("stora:contacts/create", Map.of("email", "late.payer." + dsl + "@example.com",
                "full_name", "Late Payer"), Map.of());
        JsonNode unitType = simulator().control()
                .get((String) this.<List<Map<String, Object>>>call("stora:unit_types/list?limit=1")
                        .get(0).get("id"));
        Map<String, Object> order = call("stora:orders/create", Map.of(
                "site", Map.of("id", unitType.path("site").path("id").asText()),
                "contact", Map.of("id", contact.get("id")),
                "billing_period", "monthly", "payment_method", "card", "starts_at", "2030-06-01T00:00:00Z",
                "line_items",
                List.of(Map.of("type", "unit_type", "quantity", 1, "price", Map.of("amount", BookingFlowTest.monthly(unitType)),
                        "item", Map.of("id", unitType.path("id").asText()))),
                "finalize", Map.of("cancel_redirect_url", "https://example.com/cancelled")), Map.of());
        String orderId = (String) order.get("id");
        simulator().control().payOrder(orderId);
        String tenancyId = simulator().control().get(orderId).path("tenancy").path("id").asText();
        List<Map<String, Object>> available = call("stora:units/list?limit=1&filter.status=available&filter.unit_type_id="
                + unitType.path("id").asText());
        String unitId = (String) available.get(0).get("id");
        call("stora:units/reserve", Map.of("tenancy_id", tenancyId), Map.of(StoraConstants.UNIT_ID, unitId));
        simulator().control().startTenancy(tenancyId);
        assertEquals("occupied", unitStatus(unitId));
        String invoiceId = simulator().webhooks().events("invoice.created").stream()
                .map(e -> simulator().control().get(e.resourceId()))
                .filter(i -> i.path("tenancy").path("id").asText().equals(tenancyId) && !i.path("subscription").isNull())
                .findFirst().orElseThrow().path("id").asText();
        JsonNode invoice = simulator().control().markInvoiceUncollectible(invoiceId);
        awaitDeliveries();

        assertEquals("overlock", unitStatus(unitId));
        List<RecordedRequest> timeline = simulator().journal().requests("timeline_events/create").stream()
                .filter(r -> r.status() == 201).toList();
        assertEquals(1, timeline.size());
        JsonNode event = new ObjectMapper().readTree(timeline.get(0).body());
        assertEquals(contact.get("id"), event.path("contact").path("id").asText());
        assertEquals(invoiceId, event.path("invoice").path("id").asText());
        assertEquals(context.resolvePropertyPlaceholders("{{examples.collections.timelineSourceId}}"),
                event.path("source").path("id").asText());
        assertTrue(event.path("description").asText().contains(invoice.path("number").asText() + " ("
                + invoice.path("amount_due").path("formatted").asText() + ")"),
                event.toString());

        List<Map<String, Object>> tasks = call("stora:tasks/list?limit=1&sortBy=created_at&sortDirection=DESC");
        JsonNode task = simulator().control().get((String) tasks.get(0).get("id"));
        assertEquals(contact.get("id"), task.path("resource").path("id").asText());
        assertEquals(invoiceId, task.path("metadata").path("invoice_id").asText());
        assertEquals(unitType.path("site").path("id").asText(), task.path("site").path("id").asText());
        assertTrue(task.path("title").asText().contains(invoice.path("number").asText()), task.toString());
        assertEquals("open", task.path("status").asText());

        // the customer pays: the overlock is removed
        simulator().control().markInvoicePaid(invoiceId);
        awaitDeliveries();
        assertEquals("occupied", unitStatus(unitId));
        assertEquals(List.of(200),
                simulator().journal().requests("units/remove_overlock").stream().map(RecordedRequest::status).toList());
    }

    private String unitStatus(String unitId) {
        return simulator().control().get(unitId).path("status").asText();
    }
}
