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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Response shapes, paging, sorting, filters, expand, formats and errors (https://docs.stora.co/2025-09/guides/responses, https://docs.stora.co/2025-09/guides/errors). */
class ResponsesTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled())
            .resetBeforeEach(false)
            .build();

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(stora.baseUrl(), stora.accessToken());
    }

    @Test
    void listHasPluralWrapperMetaAndPagination() {
        ApiClient.Response response = api.get("/2025-09/contacts?limit=20&page=2");

        assertEquals(200, response.status());
        assertEquals(20, response.json().get("contacts").size());
        JsonNode meta = response.json().get("meta");
        assertEquals(response.header("X-Request-Id"), meta.get("request_id").asText());
        UUID.fromString(meta.get("request_id").asText());
        assertEquals("bo", meta.get("curies").get(0).get("name").asText());
        assertEquals("https://acme.stora.test{rel}", meta.get("curies").get(1).get("href").asText());
        JsonNode pagination = meta.get("pagination");
        assertEquals(500, pagination.get("count").asInt());
        assertEquals(2, pagination.get("page").asInt());
        assertEquals(25, pagination.get("pages").asInt());
        assertEquals(25, pagination.get("last").asInt());
        assertEquals(20, pagination.get("limit").asInt());
        assertEquals(3, pagination.get("next").asInt());
        assertEquals(1, pagination.get("prev").asInt());
    }

    @Test
    void defaultsToFiftyNewestFirstAndCapsLimitAtOneHundred() {
        JsonNode body = api.get("/2025-09/contacts").json();
        assertEquals(50, body.get("contacts").size());
        assertEquals(50, body.at("/meta/pagination/limit").asInt());
        assertTrue(body.at("/meta/pagination/prev").isNull());
        assertSorted(body.get("contacts"), "created_at", false);

        assertEquals(100, api.get("/2025-09/contacts?limit=100").json().get("contacts").size());
        ApiClient.Response tooMany = api.get("/2025-09/contacts?limit=101");
        assertEquals(422, tooMany.status());
        assertEquals("invalid_url_param", tooMany.errorCode());
        assertEquals("limit", tooMany.json().at("/error/details/0/pointer").asText());
        assertEquals("invalid_url_param", api.get("/2025-09/contacts?page=0").errorCode());
        assertEquals("invalid_url_param", api.get("/2025-09/units?sort_by=reference_id").errorCode());
    }

    @Test
    void singleResourceUsesSingularWrapperWithPrefixedIdAndTimestamps() {
        String id = api.get("/2025-09/unit_types?limit=1").json().at("/unit_types/0/id").asText();
        JsonNode body = api.get("/2025-09/unit_types/" + id).json();

        JsonNode unitType = body.get("unit_type");
        assertTrue(unitType.get("id").asText().startsWith("utype_"));
        Instant.parse(unitType.get("created_at").asText());
        JsonNode price = unitType.at("/prices/0/price");
        assertEquals("GBP", price.get("currency").asText());
        assertTrue(price.get("formatted").asText().startsWith("£"));
        assertTrue(price.get("amount").isIntegralNumber());
        assertFalse(body.get("meta").has("pagination"));
        assertEquals("site_", unitType.at("/site/id").asText().substring(0, 5));
    }

    @Test
    void sortsByAllowedFieldsInBothDirections() {
        JsonNode asc = api.get("/2025-09/contacts?sort_by=full_name&sort_direction=ASC&limit=100").json().get("contacts");
        assertSorted(asc, "full_name", true);
        JsonNode stages = api.get("/2025-09/deals/stages?sort_by=position&sort_direction=ASC").json().get("stages");
        assertEquals(1, stages.get(0).get("position").asInt());
        assertEquals(4, stages.get(3).get("position").asInt());
    }

    @Test
    void filtersByIdsStatusEmailAndTimeRanges() {
        String siteId = api.get("/2025-09/sites").json().at("/sites/0/id").asText();
        JsonNode units = api.get("/2025-09/units?site_id=" + siteId + "&status=available&limit=100").json();
        assertTrue(units.at("/meta/pagination/count").asInt() > 0);
        for (JsonNode unit : units.get("units")) {
            assertEquals(siteId, unit.at("/site/id").asText());
            assertEquals("available", unit.get("status").asText());
        }
        JsonNode occupiedOrOverlocked = api.get("/2025-09/units?status=occupied,overlock&limit=100").json();
        assertTrue(occupiedOrOverlocked.at("/meta/pagination/count").asInt() > 0);

        JsonNode contact = api.get("/2025-09/contacts?limit=1").json().at("/contacts/0");
        JsonNode byEmail = api.get("/2025-09/contacts?email=" + contact.get("email").asText().toUpperCase()).json();
        assertEquals(1, byEmail.get("contacts").size());
        assertEquals(contact.get("id"), byEmail.at("/contacts/0/id"));

        String createdAt = contact.get("created_at").asText();
        JsonNode from = api.get("/2025-09/contacts?created_after=" + createdAt).json();
        assertEquals(1, from.at("/meta/pagination/count").asInt(), "created_after is inclusive");
        JsonNode before = api.get("/2025-09/contacts?created_before=" + createdAt + "&limit=1").json();
        assertEquals(499, before.at("/meta/pagination/count").asInt(), "created_before is exclusive");
        assertEquals("invalid_url_param", api.get("/2025-09/contacts?updated_after=yesterday").errorCode());

        String oldest = api.get("/2025-09/contacts?sort_direction=ASC&limit=1").json().at("/contacts/0/id").asText();
        String updatedAt = api.patch("/2025-09/contacts/" + oldest, "{\"full_name\":\"Renamed\"}").json()
                .at("/contact/updated_at").asText();
        JsonNode changed = api.get("/2025-09/contacts?updated_after=" + updatedAt + "&limit=100").json().get("contacts");
        assertTrue(changed.findValues("id").stream().anyMatch(id -> id.asText().equals(oldest)),
                "updated_after finds the change");
        for (JsonNode item : changed) {
            assertTrue(item.get("updated_at").asText().compareTo(updatedAt) >= 0, "updated_after keeps later changes only");
        }
        JsonNode unchanged = api.get("/2025-09/contacts?updated_before=" + updatedAt + "&limit=100").json().get("contacts");
        assertTrue(unchanged.findValues("id").stream().noneMatch(id -> id.asText().equals(oldest)),
                "updated_before is exclusive");
    }

    @Test
    void expandsReferencesWithDotNotation() {
        JsonNode order = api.get("/2025-09/orders?limit=1&expand=contact,site,line_items,line_items.item").json()
                .at("/orders/0");
        assertTrue(order.at("/contact/email").isTextual());
        assertTrue(order.at("/site/name").isTextual());
        JsonNode lineItem = order.at("/line_items/0");
        assertTrue(lineItem.get("id").asText().startsWith("olitm_"));
        assertTrue(lineItem.at("/item/name").isTextual(), "line_items.item expanded");

        JsonNode plain = api.get("/2025-09/orders?limit=1").json().at("/orders/0");
        assertEquals(1, plain.get("contact").size());
        assertEquals("invalid_url_param", api.get("/2025-09/orders?expand=nonsense").errorCode());
    }

    @Test
    void expandingNeedsTheExpandedResourcesReadScope() {
        String token = stora.simulator().createAccessToken(java.util.Set.of("public.order:read"));
        ApiClient limited = api.withToken(token);
        assertEquals(200, limited.get("/2025-09/orders?limit=1").status());
        ApiClient.Response forbidden = limited.get("/2025-09/orders?limit=1&expand=contact");
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.errorCode());
    }

    @Test
    void listsAnswerCsv() {
        ApiClient.Response csv = api.get("/2025-09/sites", "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        List<String> lines = csv.text().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("id,created_at,updated_at,"));
        assertTrue(lines.get(0).contains("address.city"));
        assertTrue(lines.get(1).startsWith("site_"));
    }

    @Test
    void invoicesAndSignedContractsAnswerPdfOtherFormatsAre406() {
        String invoiceId = api.get("/2025-09/invoices?limit=1").json().at("/invoices/0/id").asText();
        ApiClient.Response pdf = api.get("/2025-09/invoices/" + invoiceId, "application/pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.header("Content-Type"));
        assertTrue(pdf.text().startsWith("%PDF-1.4"));
        assertTrue(pdf.text().trim().endsWith("%%EOF"));

        String signed = api.get("/2025-09/contracts?status=signed&limit=1").json().at("/contracts/0/id").asText();
        assertEquals(200, api.get("/2025-09/contracts/" + signed, "application/pdf").status());
        String pending = api.get("/2025-09/contracts?status=pending&limit=1").json().at("/contracts/0/id").asText();
        ApiClient.Response unsigned = api.get("/2025-09/contracts/" + pending, "application/pdf");
        assertEquals(406, unsigned.status());
        assertEquals("invalid_format", unsigned.errorCode());

        assertEquals("invalid_format", api.get("/2025-09/sites", "application/pdf").errorCode());
        assertEquals("invalid_format", api.get("/2025-09/sites", "application/xml").errorCode());
    }

    @Test
    void errorsHaveTheDocumentedBody() {
        ApiClient.Response unknownPath = api.get("/2025-09/warehouses");
        assertEquals(404, unknownPath.status());
        assertEquals("invalid_endpoint", unknownPath.errorCode());
        JsonNode error = unknownPath.json().get("error");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("The requested endpoint does not exist.", error.get("message").asText());
        assertEquals(unknownPath.header("X-Request-Id"), error.get("request_id").asText());
        assertEquals("open_api", error.at("/links/0/kind").asText());
        assertTrue(error.get("details").isArray());

        ApiClient.Response unknownId = api.get("/2025-09/contacts/con_0000000000000000");
        assertEquals(404, unknownId.status());
        assertEquals("resource_not_found", unknownId.errorCode());

        ApiClient.Response malformed = api.post("/2025-09/contacts", "{not json");
        assertEquals(400, malformed.status());
        assertEquals("invalid_request", malformed.errorCode());
    }

    @Test
    void imagesRedirectWithoutAuthentication() {
        String url = api.get("/2025-09/sites").json().at("/sites/0/images/default/original").asText();
        ApiClient anonymous = api.withToken(null);
        ApiClient.Response redirect = anonymous.get(url.substring(stora.baseUrl().length()));
        assertEquals(302, redirect.status());
        assertTrue(redirect.header("Location").contains("/_simulator/blobs/site-photo.jpg"));
        assertEquals(404, anonymous.get("/2025-09/images/forged--0000/site-photo.jpg").status());
    }

    private static void assertSorted(JsonNode items, String field, boolean ascending) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).asText()));
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(ascending ? null : java.util.Comparator.reverseOrder());
        assertEquals(sorted, values);
        assertNotNull(values.get(0));
        assertNotEquals(0, values.size());
    }
}
