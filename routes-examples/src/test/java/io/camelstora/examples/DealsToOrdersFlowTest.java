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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DealsToOrdersFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aWonDealBecomesAFinalizedOrderAndATaskWithThePaymentLink(Dsl dsl) throws Exception {
        start(Flow.DEALS_TO_ORDERS, dsl);
        JsonNode deal = openDealWithProtection();
        String dealId = deal.path("id").asText();

        call("stora:deals/win", null, Map.of(StoraConstants.DEAL_ID, dealId));
        awaitDeliveries();

        List<Map<String, Object>> recent = call("stora:orders/list?limit=10&sortBy=created_at&sortDirection=DESC");
        List<JsonNode> orders = recent.stream().<JsonNode>map(o -> simulator().control().get((String) o.get("id")))
                .filter(o -> o.path("metadata").path("deal_id").asText().equals(dealId)).toList();
        assertEquals(1, orders.size(), recent::toString);
        JsonNode order = orders.get(0);
        assertEquals("finalized", order.path("status").asText());
        assertTrue(order.path("payment_url").asText().startsWith(simulator().baseUrl()), order.toString());
        assertEquals(deal.path("contact").path("id").asText(), order.path("contact").path("id").asText());
        assertEquals(deal.path("site").path("id").asText(), order.path("site").path("id").asText());
        assertEquals("monthly", order.path("billing_period").asText());

        // the deal's items at the operator's monthly prices
        Map<String, JsonNode> lineItems = lineItemIds(order).stream().<JsonNode>map(ref -> simulator().control().get(ref))
                .collect(Collectors.toMap(i -> i.path("type").asText(), i -> i));
        assertEquals(Set.of("unit_type", "protection"), lineItems.keySet());
        for (JsonNode dealItem : deal.path("line_items")) {
            JsonNode orderItem = lineItems.get(dealItem.path("type").asText());
            String itemId = dealItem.path("item").path("id").asText();
            assertEquals(itemId, orderItem.path("item").path("id").asText());
            assertEquals(BookingFlowTest.monthly(simulator().control().get(itemId)),
                    orderItem.path("price").path("amount").asLong());
        }

        List<Map<String, Object>> tasks = call("stora:tasks/list?limit=1&sortBy=created_at&sortDirection=DESC");
        JsonNode task = simulator().control().get((String) tasks.get(0).get("id"));
        assertEquals(deal.path("assignee").path("id").asText(), task.path("assignee").path("id").asText());
        assertEquals(order.path("id").asText(), task.path("metadata").path("order_id").asText());
        assertTrue(task.path("description").asText().contains(order.path("payment_url").asText()), task.toString());
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void theOrderOfAWonDealGetsItsUnitFromTheBookingFlowOncePaid(Dsl dsl) throws Exception {
        // an order created through the API is not auto-reserved: the booking flow's allocation step gives it a unit
        start(List.of(Flow.DEALS_TO_ORDERS, Flow.BOOKING), dsl, Map.of());
        JsonNode deal = openDealWithProtection();
        call("stora:deals/win", null, Map.of(StoraConstants.DEAL_ID, deal.path("id").asText()));
        awaitDeliveries();
        JsonNode order = simulator().control().get(simulator().webhooks().events("order.created").get(0).resourceId());
        assertEquals(deal.path("id").asText(), order.path("metadata").path("deal_id").asText());

        String tenancyId = simulator().control().payOrder(order.path("id").asText()).path("tenancy").path("id").asText();
        awaitDeliveries();

        JsonNode allocations = simulator().control().get(tenancyId).path("unit_allocations");
        assertEquals(1, allocations.size(), allocations::toString);
        JsonNode unit = simulator().control().get(simulator().control().get(allocations.get(0).path("id").asText())
                .path("unit").path("id").asText());
        String unitTypeId = StreamSupport.stream(deal.path("line_items").spliterator(), false)
                .filter(i -> i.path("type").asText().equals("unit_type")).findFirst().orElseThrow().path("item").path("id")
                .asText();
        assertEquals(unitTypeId, unit.path("unit_type").path("id").asText());
        assertEquals(deal.path("site").path("id").asText(), unit.path("site").path("id").asText());
        // reserved for a later start, occupied for one at once: either way by the route, through the API
        assertEquals(1, simulator().journal().requests("units/reserve").size()
                + simulator().journal().requests("units/grant_access").size());
    }

    /** An open deal of the seed for a unit type with protection (two line items). */
    private JsonNode openDealWithProtection() {
        List<Map<String, Object>> open = call("stora:deals/list?filter.status=open&limit=100");
        return open.stream().map(d -> simulator().control().get((String) d.get("id")))
                .filter(d -> d.path("line_items").size() == 2).findFirst().orElseThrow();
    }

    private static List<String> lineItemIds(JsonNode order) {
        return StreamSupport.stream(order.path("line_items").spliterator(), false).map(ref -> ref.path("id").asText()).toList();
    }
}
