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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.domain.WebhookEventTypes;
import io.camelstora.simulator.support.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliveries, signatures and retries of https://docs.stora.co/2025-09/guides/webhooks, and the reachability of all 50 event types. */
class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().webhookTimeScale(0.00002).webhookTimeout(Duration.ofSeconds(2)))
            .build();

    private ApiClient api;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(stora.baseUrl(), stora.accessToken());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private JsonNode subscribe(String... types) {
        StringBuilder list = new StringBuilder();
        for (String type : types) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(type).append('"');
        }
        return api
                .post("/2025-09/webhook_endpoints", "{\"name\":\"test\",\"api_version\":\"2025-09\",\"url\":\"" + receiver.url()
                        + "\",\"event_types\":[" + list + "]}")
                .json().get("endpoint");
    }

    @Test
    void deliveryIsSignedWithTheEndpointSecret() throws Exception {
        String secret = subscribe("contact.created").get("secret").asText();
        String contactId = api.post("/2025-09/contacts", "{\"email\":\"hook@example.com\"}").json().at("/contact/id").asText();
        api.post("/2025-09/notes", "{\"content\":\"not subscribed\",\"resource\":{\"id\":\"" + contactId + "\"}}");

        stora.simulator().webhooks().awaitCompleted(1, WAIT);
        assertEquals(1, receiver.received().size(), "only subscribed events are delivered");
        WebhookReceiver.Received request = receiver.received().get(0);
        assertEquals("application/json", request.header("Content-type"));
        assertEquals("Stora-Webhooks/1.0", request.header("User-agent"));
        String requestId = request.header("X-stora-request-id");
        assertEquals(requestId, stora.simulator().webhooks().deliveries().get(0).attempts().get(0).requestId());

        String[] parts = request.header("X-stora-signature").split(",");
        String timestamp = parts[0].substring("t=".length());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals("v1=" + expected, parts[1]);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60);

        JsonNode event = Json.MAPPER.readTree(request.body()).get("event");
        assertTrue(event.get("id").asText().startsWith("evt_"));
        assertEquals("contact.created", event.get("type").asText());
        assertEquals("2025-09", event.get("api_version").asText());
        Instant.parse(event.get("created_at").asText());
        assertEquals(contactId, event.at("/data/contact/id").asText());
        assertEquals("hook@example.com", event.at("/data/contact/email").asText());
    }

    @Test
    void failedDeliveriesAreRetriedSixTimesOnTheScaledSchedule() {
        receiver.respondWith(500);
        subscribe("task.created");
        api.post("/2025-09/tasks", "{\"title\":\"retry me\"}");

        WebhookDelivery delivery = stora.simulator().webhooks().await(ds -> !ds.isEmpty()
                && ds.get(0).status() == WebhookDelivery.Status.FAILED, WAIT).get(0);
        List<WebhookDelivery.Attempt> attempts = delivery.attempts();
        assertEquals(7, attempts.size(), "the first attempt and 6 retries");
        assertEquals(7, receiver.received().size());
        assertEquals(500, attempts.get(6).statusCode());
        assertEquals(7, new HashSet<>(attempts.stream().map(WebhookDelivery.Attempt::requestId).toList()).size(),
                "a new X-Stora-Request-Id per attempt");
        // 12 h x 0.00002 = 864 ms between the 6th and 7th attempt; 1 min x 0.00002 = 1.2 ms before the 2nd.
        long lastGap = Duration.between(attempts.get(5).time(), attempts.get(6).time()).toMillis();
        assertTrue(lastGap >= 800, "last gap " + lastGap);
    }

    @Test
    void aRecoveringEndpointGetsTheEventOnRetry() {
        receiver.respondWith(503);
        subscribe("task.created");
        api.post("/2025-09/tasks", "{\"title\":\"eventually\"}");
        stora.simulator().webhooks().await(ds -> !ds.isEmpty() && ds.get(0).attempts().size() >= 2, WAIT);
        receiver.respondWith(204);
        WebhookDelivery delivery = stora.simulator().webhooks().awaitCompleted(1, WAIT).get(0);
        assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status());
        assertEquals(204, delivery.attempts().get(delivery.attempts().size() - 1).statusCode());
    }

    @Test
    void disablingTheEndpointCancelsPendingRetries() {
        receiver.respondWith(500);
        String endpoint = subscribe("task.created").get("id").asText();
        api.post("/2025-09/tasks", "{\"title\":\"cancel me\"}");
        // The 4th retry waits 2 h x 0.00002 = 144 ms: disable while it is pending.
        stora.simulator().webhooks().await(ds -> !ds.isEmpty() && ds.get(0).attempts().size() >= 4, WAIT);
        api.post("/2025-09/webhook_endpoints/" + endpoint + "/disable", "");
        WebhookDelivery delivery = stora.simulator().webhooks().awaitCompleted(1, WAIT).get(0);
        assertEquals(WebhookDelivery.Status.CANCELLED, delivery.status());
        assertTrue(delivery.attempts().size() < 7);
    }

    @Test
    void duplicateAndOutOfOrderDeliveriesOnDemand() throws Exception {
        subscribe("task.created");
        stora.simulator().faults().duplicateWebhooks(1);
        api.post("/2025-09/tasks", "{\"title\":\"twice\"}");
        List<WebhookDelivery> twice = stora.simulator().webhooks().awaitCompleted(2, WAIT);
        assertEquals(twice.get(0).eventId(), twice.get(1).eventId());
        assertNotEquals(twice.get(0).id(), twice.get(1).id());

        stora.simulator().faults().reorderWebhooks(3);
        for (String title : List.of("first", "second", "third")) {
            api.post("/2025-09/tasks", "{\"title\":\"" + title + "\"}");
        }
        stora.simulator().webhooks().awaitCompleted(5, WAIT);
        List<WebhookDelivery> reordered = stora.simulator().webhooks().deliveries().subList(2, 5);
        List<String> titles = reordered.stream().map(d -> {
            try {
                return Json.MAPPER.readTree(d.event().payload()).at("/event/data/task/title").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertEquals(List.of("third", "second", "first"), titles);
    }

    @Test
    void everyDocumentedEventTypeIsReachable() {
        var control = stora.simulator().control();
        // Through the API.
        String contact = api.post("/2025-09/contacts", "{\"email\":\"all@example.com\"}").json().at("/contact/id").asText();
        api.patch("/2025-09/contacts/" + contact, "{\"full_name\":\"All Events\"}");
        String note = api.post("/2025-09/notes", "{\"content\":\"n\",\"resource\":{\"id\":\"" + contact + "\"}}").json()
                .at("/note/id").asText();
        api.patch("/2025-09/notes/" + note, "{\"content\":\"m\"}");
        String task = api.post("/2025-09/tasks", "{\"title\":\"t\"}").json().at("/task/id").asText();
        api.patch("/2025-09/tasks/" + task, "{\"title\":\"u\"}");
        api.post("/2025-09/tasks/" + task + "/complete", "");
        api.post("/2025-09/tasks/" + task + "/open", "");
        String deal = api.post("/2025-09/deals", "{\"name\":\"d\",\"contact\":{\"id\":\"" + contact + "\"}}").json()
                .at("/deal/id").asText();
        api.patch("/2025-09/deals/" + deal, "{\"name\":\"e\"}");
        api.post("/2025-09/deals/" + deal + "/win", "");
        api.post("/2025-09/deals/" + deal + "/reopen", "");
        api.post("/2025-09/deals/" + deal + "/lose", "{\"lost_reason\":\"price_concerns\"}");
        JsonNode unitType = api.get("/2025-09/unit_types?limit=1").json().at("/unit_types/0");
        api.post("/2025-09/unit_types/" + unitType.get("id").asText() + "/base_price", "{\"monthly\":{\"amount\":9900}}");
        String protection = api.get("/2025-09/protection_levels?limit=1").json().at("/protection_levels/0/id").asText();
        api.post("/2025-09/protection_levels/" + protection + "/base_price", "{\"weekly\":{\"amount\":299}}");
        String template = api.get("/2025-09/contract_templates?limit=1").json().at("/contract_templates/0/id").asText();
        String order = api.post("/2025-09/orders", "{\"site\":{\"id\":\"" + unitType.at("/site/id").asText()
                + "\"},\"contact\":{\"id\":\""
                + contact
                + "\"},\"billing_period\":\"monthly\",\"payment_method\":\"card\",\"starts_at\":\"2031-01-01T00:00:00Z\","
                + "\"contract_template\":{\"id\":\"" + template + "\"},\"line_items\":[{\"type\":\"unit_type\",\"quantity\":1,"
                + "\"price\":{\"amount\":9900},\"item\":{\"id\":\"" + unitType.get("id").asText() + "\"}}],"
                + "\"finalize\":{\"cancel_redirect_url\":\"https://x.example/c\"}}").json().at("/order/id").asText();

        // Through the control API: the customer and the operator.
        JsonNode completed = control.payOrder(order);
        String tenancy = completed.at("/tenancy/id").asText();
        String subscription = completed.at("/subscription/id").asText();
        // An API order: the integration allocates the unit (unit.reserved), move-in day occupies it (unit.occupied).
        String unit = api.get("/2025-09/units?status=available&limit=1&unit_type_id=" + unitType.get("id").asText()).json()
                .at("/units/0/id").asText();
        api.post("/2025-09/units/" + unit + "/reserve", "{\"tenancy_id\":\"" + tenancy + "\"}");
        control.startTenancy(tenancy);
        control.startSubscription(subscription);
        api.post("/2025-09/units/overlock", "{\"contact_id\":\"" + contact + "\"}");
        control.setUnitStatus(unit, "repossessed");
        api.post("/2025-09/units/" + unit + "/deallocate", "");
        control.setUnitStatus(unit, "unavailable");
        control.setUnitStatus(unit, "available");
        control.updateUnit(unit, (ObjectNode) Json.object().put("reference_id", "RENAMED"));
        control.createUnit(unitType.get("id").asText(), "NEW-001");
        control.createUnitType((ObjectNode) Json.object().put("name", "Huge").put("status", "bookable"));
        control.updateUnitType(unitType.get("id").asText(), (ObjectNode) Json.object().put("name", "Renamed"));
        control.createProtectionLevel((ObjectNode) Json.object().put("public", true));
        control.updateProtectionLevel(protection, (ObjectNode) Json.object().put("public", false));
        String coupon = control
                .createCoupon((ObjectNode) Json.object().put("name", "new").put("type", "percentage").put("percent", 5))
                .get("id").asText();
        control.updateCoupon(coupon, (ObjectNode) Json.object().put("name", "renamed"));
        String invoice = api.get("/2025-09/invoices?tenancy_id=" + tenancy).json().at("/invoices/0/id").asText();
        control.markInvoiceUncollectible(invoice);
        control.markInvoicePaid(invoice);
        String creditNote = control.createCreditNote(invoice, 100, "other").get("id").asText();
        control.updateCreditNote(creditNote, (ObjectNode) Json.object().put("reason", "duplicate"));
        String contract = api.get("/2025-09/contracts?tenancy_id=" + tenancy).json().at("/contracts/0/id").asText();
        control.signContract(contract);
        String verification = control.startIdentityVerification(contact).get("id").asText();
        control.setIdentityVerificationStatus(verification, "succeeded", null);
        control.setIdentityVerificationStatus(verification, "failed", "document_expired");
        control.setIdentityVerificationStatus(verification, "cancelled", null);
        control.cancelSubscription(subscription, "moving_out");
        control.endSubscription(subscription);

        Set<String> emitted = new TreeSet<>(stora.simulator().webhooks().events().stream().map(EmittedEvent::type).toList());
        Set<String> missing = new TreeSet<>(WebhookEventTypes.ALL);
        missing.removeAll(emitted);
        assertEquals(Set.of(), missing);
        assertEquals(50, WebhookEventTypes.ALL.size());
    }
}
