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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.simulator.Fault;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.WebhookDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookingFlowTest extends FlowTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aBookingReachesThePaymentUrlOnceAndTheRouteReservesAUnitForTheTenancy(Dsl dsl) throws Exception {
        start(Flow.BOOKING, dsl);
        JsonNode unitType = bookableUnitTypeWithDeposit();
        JsonNode protection = simulator().control().get(firstId("stora:protection_levels/list?limit=1"));
        int ordersBefore = simulator().control().count(ResourceKind.ORDER);

        // moves in in a week
        Map<String, Object> booking = booking(dsl, unitType,
                simulator().clock().nowSeconds().plus(Duration.ofDays(7)).toString());
        booking.put("protection_level_id", protection.path("id").asText());

        // the website posts the booking
        HttpResponse<String> response = post(JSON.writeValueAsString(booking));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode confirmation = JSON.readTree(response.body());
        String orderId = confirmation.path("order_id").asText();
        assertEquals("finalized", confirmation.path("status").asText());
        assertEquals(simulator().baseUrl() + "/_simulator/checkout/" + orderId, confirmation.path("payment_url").asText());

        JsonNode order = simulator().control().get(orderId);
        JsonNode contact = simulator().control().get(order.path("contact").path("id").asText());
        assertEquals("grace." + dsl + "@example.com", contact.path("email").asText());
        assertEquals("web-" + dsl, order.path("metadata").path("booking_reference").asText());
        Map<String, Long> prices = lineItemPrices(order);
        assertEquals(Map.of("unit_type", monthly(unitType), "protection", monthly(protection),
                "security_deposit", unitType.path("security_deposit").path("amount").asLong()), prices);

        // the website sends the same booking again (a retry after a timeout): nothing is booked twice
        @SuppressWarnings("unchecked")
        Map<String, Object> again = template.requestBody("direct:booking", booking, Map.class);
        assertEquals(orderId, again.get("order_id"));
        assertEquals(confirmation.path("payment_url").asText(), again.get("payment_url"));
        assertEquals(ordersBefore + 1, simulator().control().count(ResourceKind.ORDER));
        assertEquals(1, simulator().journal().requests("contacts/create").size());

        // the customer pays on the hosted checkout: Stora creates the tenancy, without a unit (an API order)
        String tenancyId = pay(orderId);
        JsonNode tenancy = simulator().control().get(tenancyId);
        assertEquals(contact.path("id").asText(), tenancy.path("contact").path("id").asText());
        assertEquals(orderId, tenancy.path("order").path("id").asText());

        // on tenancy.created the route reserved an available unit of the booked type at the site
        String unitId = onlyAllocatedUnit(tenancyId);
        JsonNode unit = simulator().control().get(unitId);
        assertEquals("reserved", unit.path("status").asText());
        assertEquals(unitType.path("id").asText(), unit.path("unit_type").path("id").asText());
        assertEquals(unitType.path("site").path("id").asText(), unit.path("site").path("id").asText());
        List<RecordedRequest> reserves = simulator().journal().requests("units/reserve");
        assertEquals(1, reserves.size());
        assertEquals("/2025-09/units/" + unitId + "/reserve", reserves.get(0).path());
        assertEquals(tenancyCreatedEvent(tenancyId) + "-unit-0", reserves.get(0).idempotencyKey());
        assertEquals(0, simulator().journal().requests("units/grant_access").size());

        // move-in day: Stora turns the reservation into occupancy
        simulator().clock().advance(Duration.ofDays(7));
        assertEquals("occupied", simulator().control().get(unitId).path("status").asText());
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aTenancyThatStartsAtOnceGetsAccessGrantedInsteadOfAReservation(Dsl dsl) throws Exception {
        start(Flow.BOOKING, dsl);
        @SuppressWarnings("unchecked")
        Map<String, Object> confirmation = template.requestBody("direct:booking",
                booking(dsl, bookableUnitTypeWithDeposit(), "now"),
                Map.class);
        String tenancyId = pay((String) confirmation.get("order_id"));

        assertEquals("occupied", simulator().control().get(onlyAllocatedUnit(tenancyId)).path("status").asText());
        assertEquals(1, simulator().journal().requests("units/grant_access").size());
        assertEquals(0, simulator().journal().requests("units/reserve").size(),
                "Stora reserves only for tenancies not yet started");
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aRedeliveredTenancyCreatedReservesOnce(Dsl dsl) throws Exception {
        // the component does not retry here: the lost answer fails the route, and Stora delivers the event again
        start(Flow.BOOKING, dsl, Map.of("camel.component.stora.retries", "false"));
        @SuppressWarnings("unchecked")
        Map<String, Object> confirmation = template.requestBody("direct:booking", booking(dsl, bookableUnitTypeWithDeposit(),
                "2030-06-01T00:00:00Z"), Map.class);
        // Stora reserves the unit, but its answer never reaches the route
        simulator().faults().inject(Fault.dropAfterProcessing().on("POST", "/2025-09/units/*/reserve").times(1));
        String tenancyId = pay((String) confirmation.get("order_id"));

        WebhookDelivery delivery = simulator().webhooks().deliveries().stream()
                .filter(d -> d.eventId().equals(tenancyCreatedEvent(tenancyId))).findFirst().orElseThrow();
        assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status());
        assertEquals(2, delivery.attempts().size(), "the failed route answered 500, the redelivery 200");
        assertEquals("reserved", simulator().control().get(onlyAllocatedUnit(tenancyId)).path("status").asText());
        assertEquals(1, simulator().journal().requests("units/reserve").size(), "the redelivery found the unit reserved");
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void withNoUnitAvailableStaffGetATaskAndTheEventIsAcknowledged(Dsl dsl) throws Exception {
        start(Flow.BOOKING, dsl);
        JsonNode unitType = bookableUnitTypeWithDeposit();
        String siteId = unitType.path("site").path("id").asText();
        // the unit type is sold out at the site
        List<Map<String, Object>> available = call("stora:units/list?limit=100&filter.status=available&filter.unit_type_id="
                + unitType.path("id").asText() + "&filter.site_id=" + siteId);
        available.forEach(u -> simulator().control().setUnitStatus((String) u.get("id"), "unavailable"));
        @SuppressWarnings("unchecked")
        Map<String, Object> confirmation = template.requestBody("direct:booking",
                booking(dsl, unitType, "2030-06-01T00:00:00Z"),
                Map.class);
        String tenancyId = pay((String) confirmation.get("order_id"));

        assertEquals(0, simulator().control().get(tenancyId).path("unit_allocations").size());
        assertEquals(0, simulator().journal().requests("units/reserve").size());
        String eventId = tenancyCreatedEvent(tenancyId);
        WebhookDelivery delivery = simulator().webhooks().deliveries().stream().filter(d -> d.eventId().equals(eventId))
                .findFirst().orElseThrow();
        assertEquals(List.of(200), delivery.attempts().stream().map(WebhookDelivery.Attempt::statusCode).toList());

        List<Map<String, Object>> tasks = call("stora:tasks/list?limit=1&sortBy=created_at&sortDirection=DESC");
        JsonNode task = simulator().control().get((String) tasks.get(0).get("id"));
        assertEquals("Allocate a unit to tenancy " + tenancyId, task.path("title").asText());
        assertEquals(tenancyId, task.path("metadata").path("tenancy_id").asText());
        assertEquals(unitType.path("id").asText(), task.path("metadata").path("unit_type_id").asText());
        assertEquals(simulator().control().get(tenancyId).path("contact").path("id").asText(),
                task.path("resource").path("id").asText());
        assertEquals(siteId, task.path("site").path("id").asText());
        assertEquals("2030-06-01T00:00:00Z", task.path("due_at").asText(), "due by move-in");
        assertTrue(task.path("description").asText().contains("no unit of the type is available"), task.toString());
        assertEquals(eventId + "-unit-0-task", simulator().journal().requests("tasks/create").get(0).idempotencyKey());
    }

    @Test
    void anIncompleteBookingIsABadRequestAndCallsNoWriteOperation() throws Exception {
        start(Flow.BOOKING, Dsl.YAML);
        HttpResponse<String> response = post("{\"email\":\"no-reference@example.com\",\"site_id\":\"site_x\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("reference"), response.body());
        assertTrue(response.body().contains("unit_type_id"), response.body());
        assertEquals(List.of(), simulator().journal().requests(r -> "POST".equals(r.method())
                && !"webhook_endpoints/create".equals(r.operation())));
    }

    private Map<String, Object> booking(Dsl dsl, JsonNode unitType, String startsAt) {
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("reference", "web-" + dsl);
        booking.put("email", "grace." + dsl + "@example.com");
        booking.put("full_name", "Grace Hopper");
        booking.put("site_id", unitType.path("site").path("id").asText());
        booking.put("unit_type_id", unitType.path("id").asText());
        booking.put("starts_at", startsAt);
        return booking;
    }

    /** The customer pays; returns the tenancy once Stora's deliveries, tenancy.created among them, are answered. */
    private String pay(String orderId) {
        String tenancyId = simulator().control().payOrder(orderId).path("tenancy").path("id").asText();
        assertEquals(0, simulator().control().get(tenancyId).path("unit_allocations").size(),
                "no auto-reservation for API orders");
        awaitDeliveries();
        return tenancyId;
    }

    private String tenancyCreatedEvent(String tenancyId) {
        return simulator().webhooks().events("tenancy.created").stream().filter(e -> e.resourceId().equals(tenancyId))
                .findFirst().orElseThrow().id();
    }

    private String onlyAllocatedUnit(String tenancyId) {
        JsonNode allocations = simulator().control().get(tenancyId).path("unit_allocations");
        assertEquals(1, allocations.size(), allocations::toString);
        return simulator().control().get(allocations.get(0).path("id").asText()).path("unit").path("id").asText();
    }

    private HttpResponse<String> post(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + "/api/bookings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> lineItemPrices(JsonNode order) {
        Map<String, Long> prices = new LinkedHashMap<>();
        for (JsonNode ref : order.path("line_items")) {
            JsonNode item = simulator().control().get(ref.path("id").asText());
            prices.put(item.path("type").asText(), item.path("price").path("amount").asLong());
        }
        return prices;
    }

    private String firstId(String uri) {
        List<Map<String, Object>> records = call(uri);
        return (String) records.get(0).get("id");
    }

    private JsonNode bookableUnitTypeWithDeposit() {
        List<Map<String, Object>> unitTypes = call("stora:unit_types/list?limit=100");
        return unitTypes.stream().map(u -> simulator().control().get((String) u.get("id")))
                .filter(u -> u.path("require_security_deposit").asBoolean() && monthly(u) > 0)
                .findFirst().orElseThrow();
    }

    static long monthly(JsonNode priced) {
        return StreamSupport.stream(priced.path("prices").spliterator(), false)
                .filter(p -> p.path("billing_period").asText().equals("monthly"))
                .mapToLong(p -> p.path("price").path("amount").asLong()).findFirst().orElse(0);
    }
}
