package io.camelstora.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.simulator.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookingFlowTest extends FlowTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aBookingReachesThePaymentUrlOnceAndTheTenancyExistsAfterPayment(Dsl dsl) throws Exception {
        start(Flow.BOOKING, dsl);
        JsonNode unitType = bookableUnitTypeWithDeposit();
        JsonNode protection = simulator().control().get(firstId("stora:protection_levels/list?limit=1"));
        int ordersBefore = simulator().control().count(ResourceKind.ORDER);

        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("reference", "web-" + dsl);
        booking.put("email", "grace." + dsl + "@example.com");
        booking.put("full_name", "Grace Hopper");
        booking.put("site_id", unitType.path("site").path("id").asText());
        booking.put("unit_type_id", unitType.path("id").asText());
        booking.put("protection_level_id", protection.path("id").asText());
        booking.put("starts_at", "now");

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

        // the customer pays on the hosted checkout: Stora creates the tenancy
        simulator().control().payOrder(orderId);
        JsonNode tenancy = simulator().control().get(simulator().control().get(orderId).path("tenancy").path("id").asText());
        assertNotNull(tenancy);
        assertEquals(contact.path("id").asText(), tenancy.path("contact").path("id").asText());
        assertEquals(orderId, tenancy.path("order").path("id").asText());
    }

    @Test
    void anIncompleteBookingIsABadRequestAndCallsNoWriteOperation() throws Exception {
        start(Flow.BOOKING, Dsl.YAML);
        HttpResponse<String> response = post("{\"email\":\"no-reference@example.com\",\"site_id\":\"site_x\"}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("reference"), response.body());
        assertTrue(response.body().contains("unit_type_id"), response.body());
        assertEquals(0, simulator().journal().requests(r -> "POST".equals(r.method())).size());
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
