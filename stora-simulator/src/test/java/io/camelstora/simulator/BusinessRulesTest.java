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
package io.camelstora.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booking flow, the unit lifecycle and the other rules of the guides. */
class BusinessRulesTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled())
            .build();

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(stora.baseUrl(), stora.accessToken());
    }

    @Test
    void orderDraftFinalizedPaidCreatesTenancySubscriptionAllocationAndInvoices() {
        JsonNode unitType = api.get("/2025-09/unit_types?limit=100").json().get("unit_types").get(0);
        String site = unitType.at("/site/id").asText();
        String contact = api.post("/2025-09/contacts", "{\"email\":\"jane.smith@example.com\",\"full_name\":\"Jane Smith\"}")
                .json().at("/contact/id").asText();

        JsonNode order = api.post("/2025-09/orders", "{\"site\":{\"id\":\"" + site + "\"},\"contact\":{\"id\":\"" + contact
                + "\"},"
                + "\"billing_period\":\"monthly\",\"payment_method\":\"card\",\"starts_at\":\"now\",\"emails\":{\"move_in_day\":false},"
                + "\"metadata\":{\"channel\":\"website\"},\"custom_field\":\"kept\",\"line_items\":[]}").json().get("order");
        String orderId = order.get("id").asText();
        assertTrue(orderId.startsWith("order_"));
        assertEquals("draft", order.get("status").asText());
        assertFalse(order.at("/email_notifications/move_in_day").asBoolean());
        assertEquals("kept", order.get("custom_field").asText(), "unknown fields pass through");

        ApiClient.Response invalid = api.get("/2025-09/orders/" + orderId + "/validate");
        assertEquals(422, invalid.status());
        assertEquals("Line items must include at least one unit type line item",
                invalid.json().at("/error/details/0/message").asText());

        long price = unitType.at("/prices/1/price/amount").asLong();
        JsonNode line = api
                .post("/2025-09/orders/" + orderId + "/line_items",
                        "{\"type\":\"unit_type\",\"quantity\":1,\"price\":{\"amount\":"
                                + price + "},\"item\":{\"id\":\"" + unitType.get("id").asText() + "\"}}")
                .json().get("line_item");
        String deposit = api.post("/2025-09/orders/" + orderId + "/line_items", "{\"type\":\"security_deposit\",\"quantity\":1,"
                + "\"price\":{\"amount\":5000},\"item\":{\"id\":\"" + unitType.get("id").asText() + "\"}}").json()
                .at("/line_item/id").asText();
        JsonNode updated = api
                .patch("/2025-09/orders/" + orderId + "/line_items/" + line.get("id").asText(), "{\"quantity\":2}").json();
        assertEquals(2 * price, updated.at("/line_item/total/amount").asLong());
        JsonNode totals = api.get("/2025-09/orders/" + orderId).json().get("order");
        assertEquals(2 * price, totals.at("/subtotal/amount").asLong());
        assertEquals(5000, totals.at("/one_time_total/amount").asLong());
        assertEquals(200, api.get("/2025-09/orders/" + orderId + "/validate").status());

        ApiClient.Response missingRedirect = api.post("/2025-09/orders/" + orderId + "/finalize", "{}");
        assertEquals("/finalize/cancel_redirect_url", missingRedirect.json().at("/error/details/0/pointer").asText());
        JsonNode finalized = api.post("/2025-09/orders/" + orderId + "/finalize",
                "{\"finalize\":{\"cancel_redirect_url\":\"https://app.example/cancel\"}}").json().get("order");
        assertEquals("finalized", finalized.get("status").asText());
        assertTrue(finalized.get("payment_url").asText().startsWith(stora.baseUrl()));

        assertEquals("conflict",
                api.post("/2025-09/orders/" + orderId + "/line_items", "{\"type\":\"unit_type\",\"quantity\":1,"
                        + "\"price\":{\"amount\":1},\"item\":{\"id\":\"" + unitType.get("id").asText() + "\"}}").errorCode());
        assertEquals("conflict", api.delete("/2025-09/orders/" + orderId + "/line_items/" + deposit).errorCode());
        assertEquals("conflict",
                api.patch("/2025-09/orders/" + orderId + "/line_items/" + deposit, "{\"quantity\":2}").errorCode(),
                "line items are editable only while the order is a draft");
        assertEquals("conflict", api.patch("/2025-09/orders/" + orderId, "{\"payment_method\":\"bacs_debit\"}").errorCode());

        JsonNode paid = stora.simulator().control().payOrder(orderId);
        assertEquals("completed", paid.get("status").asText());
        JsonNode tenancy = api.get("/2025-09/tenancies/" + paid.at("/tenancy/id").asText()).json().get("tenancy");
        assertEquals(contact, tenancy.at("/contact/id").asText());
        assertEquals(0, tenancy.get("unit_allocations").size(), "an API order is not auto-reserved: the integration allocates");
        JsonNode subscription = api.get("/2025-09/subscriptions/" + paid.at("/subscription/id").asText()).json()
                .get("subscription");
        assertEquals("unit_type", subscription.at("/line_items/0/type").asText());
        JsonNode invoices = api.get("/2025-09/invoices?tenancy_id=" + tenancy.get("id").asText()).json().get("invoices");
        assertEquals(2, invoices.size(), "deposit invoiced separately from the subscription");
        assertEquals("customer", api.get("/2025-09/contacts/" + contact).json().at("/contact/status").asText());

        List<String> types = new ArrayList<>();
        stora.simulator().webhooks().events().forEach(e -> types.add(e.type()));
        assertEquals(List.of("contact.created", "order.created", "order.finalized", "order.completed", "contact.updated",
                "tenancy.created",
                "subscription.created", "invoice.created", "invoice.finalized", "invoice.created", "invoice.finalized",
                "tenancy.started",
                "subscription.started"), types);
    }

    @Test
    void withTheOperatorsAutoReservationPayingAllocatesOneUnitPerBookedQuantity() {
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().autoReserveOnPayment(true).start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            JsonNode unitType = api.get("/2025-09/unit_types?limit=1").json().at("/unit_types/0");
            String now = order(api, unitType, "now", 2);
            String later = order(api, unitType, "2031-01-01T00:00:00Z", 1);

            JsonNode started = api.get("/2025-09/tenancies/" + sim.control().payOrder(now).at("/tenancy/id").asText()
                    + "?expand=unit_allocations").json().get("tenancy");
            assertEquals(2, started.get("unit_allocations").size(), "one unit per booked quantity");
            assertEquals("occupied", api.get("/2025-09/units/" + started.at("/unit_allocations/0/unit/id").asText()).json()
                    .at("/unit/status").asText(), "starts now: access granted at once");
            JsonNode future = api.get("/2025-09/tenancies/" + sim.control().payOrder(later).at("/tenancy/id").asText()
                    + "?expand=unit_allocations").json().get("tenancy");
            assertEquals("reserved", api.get("/2025-09/units/" + future.at("/unit_allocations/0/unit/id").asText()).json()
                    .at("/unit/status").asText(), "starts later: reserved until move-in day");
            assertEquals(List.of("unit.occupied", "unit.occupied", "unit.reserved"), sim.webhooks().events().stream()
                    .map(EmittedEvent::type).filter(t -> t.startsWith("unit.")).toList());
            assertTrue(api.get("/_simulator/info").json().get("auto_reserve_on_payment").asBoolean());
        }
    }

    @Test
    void aReservedUnitIsOccupiedWhenTheClockReachesTheTenancyStart() {
        JsonNode unitType = api.get("/2025-09/unit_types?limit=1").json().at("/unit_types/0");
        Instant moveIn = stora.simulator().clock().nowSeconds().plus(Duration.ofDays(7));
        String tenancy = stora.simulator().control().payOrder(order(api, unitType, moveIn.toString(), 1)).at("/tenancy/id")
                .asText();
        String unit = api.get("/2025-09/units?status=available&limit=1&unit_type_id=" + unitType.get("id").asText()
                + "&site_id=" + unitType.at("/site/id").asText()).json().at("/units/0/id").asText();
        JsonNode reserved = api.post("/2025-09/units/" + unit + "/reserve", "{\"tenancy_id\":\"" + tenancy + "\"}").json()
                .get("unit");
        assertEquals("reserved", reserved.get("status").asText());
        String allocation = reserved.at("/unit_allocation/id").asText();
        assertTrue(api.get("/2025-09/unit_allocations/" + allocation).json().at("/unit_allocation/granted_access_at").isNull());

        stora.simulator().clock().advance(Duration.ofDays(6));
        assertEquals("reserved", api.get("/2025-09/units/" + unit).json().at("/unit/status").asText(), "a day before move-in");
        // exactly to the start date, to the nanosecond
        stora.simulator().clock().advance(Duration.between(stora.simulator().clock().now(), moveIn));
        assertEquals("occupied", api.get("/2025-09/units/" + unit).json().at("/unit/status").asText(), "move-in day");
        assertFalse(
                api.get("/2025-09/unit_allocations/" + allocation).json().at("/unit_allocation/granted_access_at").isNull());
        // it moves in once: neither more time nor the control call starts it again
        stora.simulator().control().advanceClock(Duration.ofDays(1));
        assertEquals(409, api.withToken(null).post("/_simulator/tenancies/" + tenancy + "/start", "").status());
        assertEquals(List.of("unit.reserved", "tenancy.started", "unit.occupied"),
                stora.simulator().webhooks().events().stream()
                        .map(EmittedEvent::type).filter(t -> t.startsWith("unit.") || t.startsWith("tenancy.started"))
                        .toList());
    }

    @Test
    void startTenancyBringsMoveInForwardAndGrantAccessNeedsNoWait() {
        JsonNode unitType = api.get("/2025-09/unit_types?limit=1").json().at("/unit_types/0");
        String first = stora.simulator().control().payOrder(order(api, unitType, "2031-01-01T00:00:00Z", 1)).at("/tenancy/id")
                .asText();
        String second = stora.simulator().control().payOrder(order(api, unitType, "2031-01-01T00:00:00Z", 1)).at("/tenancy/id")
                .asText();
        JsonNode units = api.get("/2025-09/units?status=available&limit=2&unit_type_id=" + unitType.get("id").asText()).json()
                .get("units");
        String reservedUnit = units.get(0).get("id").asText();
        String earlyUnit = units.get(1).get("id").asText();
        api.post("/2025-09/units/" + reservedUnit + "/reserve", "{\"tenancy_id\":\"" + first + "\"}");

        JsonNode started = stora.simulator().control().startTenancy(first);
        assertFalse(Instant.parse(started.get("starts_at").asText()).isAfter(stora.simulator().clock().now()),
                "start date brought forward");
        assertEquals("occupied", api.get("/2025-09/units/" + reservedUnit).json().at("/unit/status").asText());
        assertEquals("conflict", api.post("/2025-09/units/" + units.get(1).get("id").asText() + "/reserve",
                "{\"tenancy_id\":\"" + first + "\"}").errorCode(), "a started tenancy takes grant_access, not reserve");

        // early access before the start date: allocated and occupied in one call, and move-in day leaves it so
        assertEquals("occupied",
                api.post("/2025-09/units/" + earlyUnit + "/grant_access", "{\"tenancy_id\":\"" + second + "\"}")
                        .json().at("/unit/status").asText());
        stora.simulator().control().startTenancy(second);
        assertEquals("occupied", api.get("/2025-09/units/" + earlyUnit).json().at("/unit/status").asText());
        assertEquals(List.of("unit.reserved", "unit.occupied", "unit.occupied"), stora.simulator().webhooks().events().stream()
                .map(EmittedEvent::type).filter(t -> t.startsWith("unit.")).toList());
    }

    /** A finalized order for one unit type, {@code quantity} units, starting at {@code startsAt}; its id. */
    private static String order(ApiClient api, JsonNode unitType, String startsAt, int quantity) {
        String contact = api.post("/2025-09/contacts", "{\"email\":\"" + java.util.UUID.randomUUID() + "@example.com\"}").json()
                .at("/contact/id").asText();
        return api.post("/2025-09/orders",
                "{\"site\":{\"id\":\"" + unitType.at("/site/id").asText() + "\"},\"contact\":{\"id\":\""
                        + contact + "\"},\"billing_period\":\"monthly\",\"payment_method\":\"card\",\"starts_at\":\"" + startsAt
                        + "\","
                        + "\"line_items\":[{\"type\":\"unit_type\",\"quantity\":" + quantity + ",\"price\":{\"amount\":9900},"
                        + "\"item\":{\"id\":\"" + unitType.get("id").asText() + "\"}}],"
                        + "\"finalize\":{\"cancel_redirect_url\":\"https://x.example/c\"}}")
                .json().at("/order/id").asText();
    }

    @Test
    void createAndFinalizeInOneRequestLeavesNothingBehindWhenInvalid() {
        String site = api.get("/2025-09/sites").json().at("/sites/0/id").asText();
        int orders = stora.simulator().control().count(ResourceKind.ORDER);
        ApiClient.Response response = api.post("/2025-09/orders",
                "{\"site\":{\"id\":\"" + site + "\"},\"contact\":{\"email\":\"new@example.com\"},"
                        + "\"billing_period\":\"monthly\",\"payment_method\":\"card\",\"starts_at\":\"now\",\"line_items\":[],"
                        + "\"finalize\":{\"cancel_redirect_url\":\"https://x.example/c\"}}");
        assertEquals(422, response.status());
        assertEquals(orders, stora.simulator().control().count(ResourceKind.ORDER));
        assertEquals(0, api.get("/2025-09/contacts?email=new@example.com").json().get("contacts").size());
        assertTrue(stora.simulator().webhooks().events().isEmpty());
    }

    @Test
    void unitLifecycleFollowsAllocationsAndAccessGuide() {
        JsonNode futureTenancy = null;
        for (JsonNode tenancy : api.get("/2025-09/tenancies?limit=100").json().get("tenancies")) {
            if (tenancy.get("starts_at").asText().startsWith("2030")) {
                futureTenancy = tenancy;
            }
        }
        String tenancy = futureTenancy.get("id").asText();
        String site = futureTenancy.at("/site/id").asText();
        JsonNode available = api.get("/2025-09/units?status=available&site_id=" + site + "&limit=2").json().get("units");
        String unit = available.get(0).get("id").asText();

        JsonNode reserved = api.post("/2025-09/units/" + unit + "/reserve", "{\"tenancy_id\":\"" + tenancy + "\"}").json()
                .get("unit");
        assertEquals("reserved", reserved.get("status").asText());
        String allocation = reserved.at("/unit_allocation/id").asText();
        assertTrue(allocation.startsWith("alloc_"));
        assertEquals("conflict",
                api.post("/2025-09/units/" + unit + "/reserve", "{\"tenancy_id\":\"" + tenancy + "\"}").errorCode());

        String startedTenancy = api.get("/2025-09/tenancies?limit=100").json().findValues("id").stream().map(JsonNode::asText)
                .filter(id -> !id.equals(tenancy))
                .filter(id -> !api.get("/2025-09/tenancies/" + id).json().at("/tenancy/starts_at").asText().startsWith("2030"))
                .findFirst().orElseThrow();
        assertEquals("conflict", api.post("/2025-09/units/" + available.get(1).get("id").asText() + "/reserve",
                "{\"tenancy_id\":\"" + startedTenancy + "\"}").errorCode(), "tenancy already started");
        assertEquals("conflict",
                api.post("/2025-09/units/" + unit + "/grant_access", "{\"tenancy_id\":\"" + startedTenancy + "\"}").errorCode(),
                "reserved for another tenancy");
        assertEquals("invalid_content", api.post("/2025-09/units/" + unit + "/grant_access", "{}").errorCode());

        assertEquals("occupied", api.post("/2025-09/units/" + unit + "/grant_access", "{\"tenancy_id\":\"" + tenancy + "\"}")
                .json().at("/unit/status").asText());
        String contact = futureTenancy.at("/contact/id").asText();
        JsonNode overlocked = api.post("/2025-09/units/overlock", "{\"contact_id\":\"" + contact + "\"}").json();
        assertEquals("1 customer units were successfully overlocked.", overlocked.at("/success/message").asText());
        assertEquals(unit, overlocked.at("/meta/unit_ids/0").asText());
        assertEquals("overlock", api.get("/2025-09/units/" + unit).json().at("/unit/status").asText());
        assertEquals("conflict", api.post("/2025-09/units/overlock", "{\"contact_id\":\"" + contact + "\"}").errorCode(),
                "no occupied units left");
        assertEquals("Overlock was successfully removed from 1 customer units.",
                api.post("/2025-09/units/remove_overlock", "{\"contact_id\":\"" + contact + "\"}").json().at("/success/message")
                        .asText());

        JsonNode deallocated = api.post("/2025-09/units/" + unit + "/deallocate", "").json().get("unit");
        assertEquals("available", deallocated.get("status").asText());
        assertTrue(deallocated.get("unit_allocation").isNull());
        assertEquals(404, api.get("/2025-09/unit_allocations/" + allocation).status());
        assertEquals("conflict", api.post("/2025-09/units/" + unit + "/deallocate", "").errorCode());
        assertEquals(
                List.of("unit.reserved", "unit.occupied", "unit.overlocked", "unit.occupied", "unit.deallocated",
                        "unit.available"),
                stora.simulator().webhooks().events().stream().map(EmittedEvent::type).toList());
    }

    @Test
    void contactEmailIsUniqueAndMetadataFollowsTheGuide() {
        ApiClient.Response duplicate = api.post("/2025-09/contacts",
                "{\"email\":\"" + api.get("/2025-09/contacts?limit=1").json().at("/contacts/0/email").asText() + "\"}");
        assertEquals(422, duplicate.status());
        assertEquals("invalid_content", duplicate.errorCode());
        assertEquals("invalid_content", api.post("/2025-09/contacts", "{\"email\":\"not-an-email\"}").errorCode());

        StringBuilder tooMany = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            tooMany.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertEquals("/metadata", api.post("/2025-09/contacts", "{\"email\":\"m1@example.com\",\"metadata\":" + tooMany + "}}")
                .json().at("/error/details/0/pointer").asText());
        assertEquals("/metadata/Bad Key",
                api.post("/2025-09/contacts", "{\"email\":\"m2@example.com\",\"metadata\":{\"Bad Key\":\"v\"}}")
                        .json().at("/error/details/0/pointer").asText());
        assertEquals("/metadata/" + "k".repeat(41),
                api.post("/2025-09/contacts", "{\"email\":\"m3@example.com\",\"metadata\":{\""
                        + "k".repeat(41) + "\":\"v\"}}").json().at("/error/details/0/pointer").asText());
        assertEquals("/metadata/long", api.post("/2025-09/contacts", "{\"email\":\"m4@example.com\",\"metadata\":{\"long\":\""
                + "v".repeat(501) + "\"}}").json().at("/error/details/0/pointer").asText());

        JsonNode contact = api
                .post("/2025-09/contacts",
                        "{\"email\":\"meta@example.com\",\"metadata\":{\"source\":\"zapier\",\"external_id\":\"abc_123\"}}")
                .json().get("contact");
        String id = contact.get("id").asText();
        JsonNode patched = api.patch("/2025-09/contacts/" + id, "{\"metadata\":{\"source\":\"make\",\"external_id\":null}}")
                .json().get("contact");
        assertEquals("{\"source\":\"make\"}", patched.get("metadata").toString());
        assertNotEquals(contact.get("updated_at").asText(), patched.get("updated_at").asText(),
                "updated_at changes on every modification");
        assertEquals("{}", api.patch("/2025-09/contacts/" + id, "{\"metadata\":{}}").json().at("/contact/metadata").toString());
    }

    @Test
    void aRejectedRequestChangesNothing() {
        String tooMany = metadataWithKeys(21);
        String site = api.get("/2025-09/sites?limit=1").json().at("/sites/0/id").asText();
        ApiClient.Response order = api.post("/2025-09/orders",
                "{\"site\":{\"id\":\"" + site + "\"},\"metadata\":" + tooMany + "}");
        assertEquals(422, order.status(), "at most 20 metadata keys on create");
        assertEquals("/metadata", order.json().at("/error/details/0/pointer").asText());

        JsonNode deal = api.get("/2025-09/deals?status=open&limit=1").json().at("/deals/0");
        String otherStage = api.get("/2025-09/deals/stages").json().findValues("id").stream().map(JsonNode::asText)
                .filter(id -> !id.equals(deal.at("/stage/id").asText())).findFirst().orElseThrow();
        ApiClient.Response rejected = api.patch("/2025-09/deals/" + deal.get("id").asText(),
                "{\"stage\":{\"id\":\"" + otherStage + "\"},\"metadata\":" + tooMany + "}");
        assertEquals(422, rejected.status());
        assertEquals(deal, api.get("/2025-09/deals/" + deal.get("id").asText()).json().get("deal"),
                "a 422 leaves the deal as it was");

        String task = api.post("/2025-09/tasks", "{\"title\":\"Call Jane\"}").json().at("/task/id").asText();
        JsonNode before = api.get("/2025-09/tasks/" + task).json().get("task");
        assertEquals(422,
                api.patch("/2025-09/tasks/" + task, "{\"due_at\":\"2030-01-01T00:00:00Z\",\"metadata\":" + tooMany + "}")
                        .status());
        assertEquals(before, api.get("/2025-09/tasks/" + task).json().get("task"), "a 422 leaves the task as it was");
    }

    private static String metadataWithKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return json.append("}").toString();
    }

    @Test
    void dealsTasksAndWebhookEndpointsFollowTheirStateRules() {
        String deal = api.get("/2025-09/deals?status=open&limit=1").json().at("/deals/0/id").asText();
        assertEquals("won", api.post("/2025-09/deals/" + deal + "/win", "").json().at("/deal/status").asText());
        assertEquals("conflict",
                api.post("/2025-09/deals/" + deal + "/lose", "{\"lost_reason\":\"price_concerns\"}").errorCode());
        String stage = api.get("/2025-09/deals/stages?sort_by=position&sort_direction=DESC").json().at("/stages/0/id").asText();
        JsonNode reopened = api.post("/2025-09/deals/" + deal + "/reopen", "{\"stage\":{\"id\":\"" + stage + "\"}}").json()
                .get("deal");
        assertEquals("open", reopened.get("status").asText());
        assertEquals(stage, reopened.at("/stage/id").asText());
        assertEquals("invalid_content", api.post("/2025-09/deals/" + deal + "/lose", "{}").errorCode());
        assertEquals("lost", api.post("/2025-09/deals/" + deal + "/lose", "{\"lost_reason\":\"chose_competitor\"}").json()
                .at("/deal/status").asText());

        JsonNode task = api.post("/2025-09/tasks", "{\"title\":\"Call Jane\"}").json().get("task");
        assertTrue(task.at("/creator/id").asText().startsWith("tok_"));
        String taskId = task.get("id").asText();
        assertEquals("completed", api.post("/2025-09/tasks/" + taskId + "/complete", "").json().at("/task/status").asText());
        assertEquals("conflict", api.post("/2025-09/tasks/" + taskId + "/complete", "").errorCode());
        assertEquals("open", api.post("/2025-09/tasks/" + taskId + "/open", "").json().at("/task/status").asText());
        assertEquals("Task deleted successfully.",
                api.delete("/2025-09/tasks/" + taskId).json().at("/success/message").asText());

        JsonNode created = api.post("/2025-09/webhook_endpoints",
                "{\"name\":\"Local\",\"api_version\":\"2025-09\",\"url\":\"http://localhost:1/hook\","
                        + "\"event_types\":[\"contact.created\"]}")
                .json().get("endpoint");
        assertTrue(created.get("secret").asText().matches("[0-9a-f]{64}"));
        String endpoint = created.get("id").asText();
        assertTrue(api.get("/2025-09/webhook_endpoints/" + endpoint).json().at("/endpoint/secret").isNull());
        assertTrue(api.get("/2025-09/webhook_endpoints").json().at("/endpoints/0/secret").isNull());
        assertTrue(
                api.patch("/2025-09/webhook_endpoints/" + endpoint, "{\"name\":\"Renamed\"}").json().at("/endpoint/secret")
                        .isNull(),
                "the secret is returned on create only");
        JsonNode disabled = api.post("/2025-09/webhook_endpoints/" + endpoint + "/disable", "").json().get("endpoint");
        assertTrue(disabled.get("secret").isNull());
        assertEquals("disabled", disabled.get("status").asText());
        assertFalse(disabled.get("disabled_at").isNull());
        assertEquals(1, api.get("/2025-09/webhook_endpoints?status=disabled").json().get("endpoints").size());
        assertEquals("enabled",
                api.post("/2025-09/webhook_endpoints/" + endpoint + "/enable", "").json().at("/endpoint/status").asText());
        assertEquals("invalid_content", api.post("/2025-09/webhook_endpoints", "{\"name\":\"x\",\"api_version\":\"2025-09\","
                + "\"url\":\"https://x.example\",\"event_types\":[\"contact.deleted\"]}").errorCode());
    }
}
