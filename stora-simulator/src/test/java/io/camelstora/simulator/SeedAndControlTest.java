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
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.support.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deterministic seed data, its sizes, reset, the HTTP control API and the standalone options. */
class SeedAndControlTest {

    @Test
    void seedIsDeterministicAndResetRestoresIt() {
        List<String> first;
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            first = ids(api);
            assertEquals(2, api.get("/2025-09/sites").json().get("sites").size());
            assertEquals(200, api.get("/2025-09/units").json().at("/meta/pagination/count").asInt());
            assertEquals(500, api.get("/2025-09/contacts").json().at("/meta/pagination/count").asInt());
            for (String list : List.of("unit_types", "orders", "invoices", "tenancies", "subscriptions", "unit_allocations",
                    "deals",
                    "deals/stages", "tasks", "notes", "timeline/sources", "timeline/templates", "products",
                    "product_categories",
                    "protection_levels", "coupons", "contracts", "contract_templates", "staff", "identity_verifications",
                    "credit_notes")) {
                assertTrue(api.get("/2025-09/" + list).json().at("/meta/pagination/count").asInt() > 0, list + " seeded");
            }
            api.post("/2025-09/contacts", "{\"email\":\"extra@example.com\"}");
            sim.reset();
            assertEquals(0, sim.journal().total(), "the journal is reset too");
            assertEquals(first, ids(api));
        }
        try (StoraSimulator again = StoraSimulator.builder().rateLimitDisabled().start()) {
            assertEquals(first, ids(new ApiClient(again.baseUrl(), again.accessToken())));
        }
    }

    private static List<String> ids(ApiClient api) {
        return List.of(api.get("/2025-09/contacts?limit=1").json().at("/contacts/0/id").asText(),
                api.get("/2025-09/orders?limit=1").json().at("/orders/0/id").asText(),
                api.get("/2025-09/invoices?limit=1").json().at("/invoices/0/updated_at").asText(),
                api.get("/2025-09/units?limit=1").json().at("/units/0/id").asText());
    }

    @Test
    void hundredThousandContactsLoadAndEmptyMeansEmpty() {
        // how fast they load is measured, not asserted (docs/testing-with-the-simulator.md, Seed data): a test under a
        // loaded build machine would fail for the machine, not for the simulator
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().seed(Seed.contacts(100_000)).start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            assertEquals(100_000, api.get("/2025-09/contacts?limit=1").json().at("/meta/pagination/count").asInt());
            assertEquals(1000, api.get("/2025-09/contacts?limit=100&page=1000").json().at("/meta/pagination/page").asInt());
        }
        try (StoraSimulator empty = StoraSimulator.builder().seed(Seed.EMPTY).start()) {
            ApiClient api = new ApiClient(empty.baseUrl(), empty.accessToken());
            assertEquals(0, api.get("/2025-09/sites").json().get("sites").size());
        }
    }

    @Test
    void httpControlApiPlaysPaymentsAndReportsState() {
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            ApiClient control = api.withToken(null);
            JsonNode info = control.get("/_simulator/info").json();
            assertEquals(sim.baseUrl(), info.get("base_url").asText());
            assertEquals(95, info.get("operations").asInt(), "93 documented operations + create/update deal");
            assertFalse(info.get("auto_reserve_on_payment").asBoolean(), "API orders are not auto-reserved unless asked");

            String order = api.get("/2025-09/orders?status=finalized&limit=1").json().at("/orders/0/id").asText();
            String paymentUrl = api.get("/2025-09/orders/" + order).json().at("/order/payment_url").asText();
            assertTrue(control.get(paymentUrl.substring(sim.baseUrl().length())).text().contains("<form"));
            assertEquals("completed", control.post("/_simulator/orders/" + order + "/pay", "").json().get("status").asText());
            assertEquals("conflict", control.post("/_simulator/orders/" + order + "/pay", "").errorCode());

            String token = control.post("/_simulator/tokens", "{\"scopes\":[\"public.site:read\"]}").json().get("access_token")
                    .asText();
            assertEquals(403, api.withToken(token).get("/2025-09/units").status());
            JsonNode counters = control.get("/_simulator/journal/counters").json();
            assertEquals(1, counters.at("/by_status/403").asInt());
            assertTrue(control.get("/_simulator/webhooks/events").json().get("events").size() >= 4);
            control.post("/_simulator/clock/advance", "{\"seconds\":3600}");
            assertEquals(Duration.ofHours(1), sim.clock().offset());
            assertEquals(404, control.get("/_simulator/nothing").status());
            assertEquals(200, control.post("/_simulator/reset", "").status());
            assertEquals(Duration.ZERO, sim.clock().offset());
        }
    }

    /** The API only lists and shows timeline sources and templates; BackOffice creates them, here the control API. */
    @Test
    void timelineSourcesAndTemplatesAreCreatedThroughTheControlApiAndUsableByTheApi() {
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.EMPTY).rateLimitDisabled().start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            ApiClient control = api.withToken(null);
            String source = control.post("/_simulator/timeline_sources",
                    "{\"name\":\"Collections bot\",\"website_url\":\"https://bot.example.com\",\"global\":false}")
                    .json().get("id").asText();
            ObjectNode templateFields = Json.object();
            templateFields.put("name", "Overlocked");
            templateFields.put("message", "overlocked {{ unit }} for {{ contact }}.");
            templateFields.putObject("variables").putArray("custom").add("unit");
            String template = sim.control().createTimelineTemplate(templateFields).get("id").asText();

            assertTrue(source.startsWith("tsrc_"), source);
            assertEquals("Collections bot", api.get("/2025-09/timeline/sources/" + source).json().at("/source/name").asText());
            assertEquals(List.of(template), api.get("/2025-09/timeline/templates").json().findValuesAsText("id"));
            ApiClient.Response event = api.post("/2025-09/timeline/events", "{\"source\":{\"id\":\"" + source
                    + "\"},\"template\":{\"id\":\"" + template + "\"},\"variables\":{\"unit\":\"A12\"}}");
            assertEquals(201, event.status(), event.text());
            assertEquals(template, event.json().at("/event/template/id").asText());
            assertTrue(sim.webhooks().events().isEmpty(), "sources and templates have no webhook events");
        }
    }

    @Test
    void commandLineOptions() {
        assertNotNull(Main
                .parse(new String[]{"--port", "8099", "--seed", "empty", "--rate-limit", "5/30", "--rate-limit-mode", "fixed",
                        "--webhook-time-scale", "0.001", "--token", "abc", "--auto-reserve", "on"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--auto-reserve", "yes"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--nope", "1"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[]{"--port"}));
        assertThrows(IllegalArgumentException.class, () -> Seed.contacts(10));
    }

    @Test
    void servesEveryDocumentedOperation() throws Exception {
        Set<String> documented;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/documented-operations.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .lines()) {
            documented = new java.util.TreeSet<>(lines.filter(l -> !l.isBlank()).toList());
        }
        assertEquals(93, documented.size());
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.EMPTY).start()) {
            Set<String> served = new java.util.TreeSet<>(sim.operationNames());
            Set<String> missing = new java.util.TreeSet<>(documented);
            missing.removeAll(served);
            assertEquals(Set.of(), missing);
            served.removeAll(documented);
            assertEquals(Set.of("deals/create", "deals/update"), served, "the two extra pages found in the reference");
        }
    }
}
