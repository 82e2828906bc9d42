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
package io.camelstora.component;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.camelstora.component.catalog.ListCapabilities;
import io.camelstora.component.catalog.ListCapabilities.Evidence;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list capabilities say what the reference pages show, and mark what they do not show as presumed. */
class ListCapabilitiesTest {

    @Test
    void everyListOperationHasCapabilitiesAndNothingElseHas() {
        for (StoraOperation op : StoraOperation.values()) {
            if (op.isPaged()) {
                assertEquals(op, ListCapabilities.of(op).operation());
            } else {
                assertThrows(IllegalArgumentException.class, () -> ListCapabilities.of(op), op.uri());
            }
        }
        assertEquals(26, Arrays.stream(StoraOperation.values()).filter(StoraOperation::isPaged).count());
    }

    @Test
    void createdAfterIsTheOnlyTimeRangeNameTheReferenceShows() {
        ListCapabilities timelineTemplates = caps(StoraResource.TIMELINE_TEMPLATES);
        assertEquals(Evidence.DOCUMENTED, timelineTemplates.filters().get("created_after"));
        assertEquals(Evidence.PRESUMED, timelineTemplates.filters().get("updated_after"));
        ListCapabilities contacts = caps(StoraResource.CONTACTS);
        assertEquals(Evidence.DOCUMENTED, contacts.filters().get("created_after"));
        for (String presumed : new String[]{"created_before", "updated_after", "updated_before"}) {
            assertEquals(Evidence.PRESUMED, contacts.filters().get(presumed), presumed);
        }
        // the page of units is cut off before any time range: present by the word of the changelog (https://docs.stora.co/2025-09/guides/changelog) only
        assertEquals(Evidence.PRESUMED, caps(StoraResource.UNITS).filters().get("created_after"));
    }

    @Test
    void completePagesWithoutTimeRangesHaveNone() {
        for (StoraResource r : new StoraResource[]{
                StoraResource.TENANCIES, StoraResource.PROTECTION_LEVELS, StoraResource.DEAL_STAGES,
                StoraResource.PRODUCT_CATEGORIES}) {
            assertFalse(caps(r).hasTimeRanges(), r.uriName());
            assertFalse(caps(r).acceptsFilter("updated_after"), r.uriName());
        }
        assertTrue(caps(StoraResource.PRODUCT_CATEGORIES).sortFields().isEmpty());
        assertEquals("none", caps(StoraResource.TENANCIES).describeFilters());
    }

    @Test
    void sortFieldsAreThoseThePagesList() {
        assertEquals(java.util.List.of("created_at", "updated_at", "full_name"),
                java.util.List.copyOf(caps(StoraResource.CONTACTS).sortFields().keySet()));
        assertTrue(caps(StoraResource.NOTES).canSortBy("updated_at"));
        assertTrue(caps(StoraResource.IDENTITY_VERIFICATIONS).canSortBy("updated_at"));
        assertFalse(caps(StoraResource.UNITS).canSortBy("updated_at"));
        assertEquals(Evidence.DOCUMENTED, caps(StoraResource.UNITS).sortFields().get("created_at"));
        assertEquals(Evidence.PRESUMED, caps(StoraResource.STAFF).sortFields().get("created_at"));
        assertTrue(caps(StoraResource.TIMELINE_TEMPLATES).sortFields().isEmpty());
    }

    @Test
    void filtersCarryTheirEvidence() {
        ListCapabilities contacts = caps(StoraResource.CONTACTS);
        assertEquals(Evidence.DOCUMENTED, contacts.filters().get("email"));
        assertEquals(Evidence.PRESUMED, contacts.filters().get("status"));
        assertTrue(contacts.describeFilters().contains("created_before (presumed), email, marketing_source (presumed)"),
                contacts.describeFilters());
        ListCapabilities units = caps(StoraResource.UNITS);
        assertEquals(Evidence.DOCUMENTED, units.filters().get("site_id"));
        assertEquals(Evidence.PRESUMED, units.filters().get("search"));
        assertTrue(caps(StoraResource.WEBHOOK_ENDPOINTS).acceptsFilter("metadata[team]"));
        assertFalse(caps(StoraResource.WEBHOOK_ENDPOINTS).acceptsFilter("team"));
        assertTrue(caps(StoraResource.STAFF).acceptsFilter("search"));
    }

    /**
     * The check never refuses what Stora's documentation shows: every filter name and value of the list reference pages
     * (https://docs.stora.co/2025-09/api-reference), of the guides' requests
     * (https://docs.stora.co/2025-09/guides/booking-flow) and of the changelog's named filters
     * (https://docs.stora.co/2025-09/guides/changelog) passes with validateFilters on, several values comma-separated
     * as the pages allow; the names a page or guide writes out are marked documented.
     */
    @Test
    void everyFilterAndValueTheDocumentationShowsPasses() {
        Map<StoraResource, Map<String, List<String>>> shown = new EnumMap<>(StoraResource.class);
        // list-all-units shows these names and the status values before it is cut off; the guides add the
        // operator-managed repossessed and unavailable (core-concepts, allocations-and-access)
        shown.put(StoraResource.UNITS, Map.of("unit_type_id", List.of("utype_3b3aed5cca33b11d"),
                "site_id", List.of("site_14b419f1096013f1,site_2"),
                "status", List.of("available", "reserved", "occupied", "overlock", "repossessed", "unavailable",
                        "available,reserved")));
        shown.put(StoraResource.UNIT_ALLOCATIONS, Map.of("contact_id", List.of("con_1,con_2"), "tenancy_id", List.of("ten_1"),
                "unit_id", List.of("unit_1"), "site_id", List.of("site_1")));
        // the status values are cut off on the page: the states of the identity_verification.* events
        shown.put(StoraResource.IDENTITY_VERIFICATIONS, Map.of("contact_id", List.of("con_1"),
                "status", List.of("processing", "succeeded", "failed", "cancelled")));
        shown.put(StoraResource.NOTES, Map.of("resource_id", List.of("con_1"), "resource_type", List.of("contact")));
        shown.put(StoraResource.WEBHOOK_ENDPOINTS, Map.of("status", List.of("enabled", "disabled", "disabled,enabled"),
                "metadata[team]", List.of("billing")));
        shown.put(StoraResource.TIMELINE_TEMPLATES, Map.of("created_after", List.of("2025-01-12T15:30:00Z")));
        // the booking-flow guide's GET /contacts?email=, GET /unit_types?site_id= and GET /products?site_id=
        shown.put(StoraResource.CONTACTS, Map.of("email", List.of("jane@doe.com,john@doe.com")));
        shown.put(StoraResource.UNIT_TYPES, Map.of("site_id", List.of("site_14b419f1096013f1")));
        shown.put(StoraResource.PRODUCTS, Map.of("site_id", List.of("site_14b419f1096013f1")));
        shown.put(StoraResource.CONTRACTS, Map.of("contact_id", List.of("con_1"), "contract_template_id", List.of("ctpl_1"),
                "tenancy_id", List.of("ten_1")));
        shown.forEach((resource, filters) -> filters.forEach((name, values) -> {
            assertEquals(Evidence.DOCUMENTED, caps(resource).filters().get(name.replaceFirst("\\[.*", "")),
                    resource.uriName() + " " + name);
            values.forEach(value -> caps(resource).checkFilters(Map.of(name, value), true, n -> "filter." + n));
        }));

        // list-all-contacts shows every value of these filters, but not their names: presumed names, documented values
        Map<String, List<String>> contactValues = Map.of(
                "type", List.of("domestic", "company", "student", "charity", "local_authority", "unspecified"),
                "source", List.of("pre_open", "incomplete_booking", "registered_interest", "price_interest",
                        "quotation_request", "booking", "popup", "external_enquiry", "phone", "walkin", "import", "other",
                        "unspecified"),
                "marketing_source", List.of("used_before", "recommendation", "received_leaflet", "seen_building_signs",
                        "seen_advert", "facebook_marketplace", "google_search", "other_online_search", "social_media", "email",
                        "radio", "other", "unspecified"),
                "use_case", List.of("business_needs", "moving_home", "more_space", "refurb", "travelling", "other",
                        "unspecified"),
                "status", List.of("lead", "customer", "churned"));
        contactValues.forEach((name, values) -> {
            assertEquals(Evidence.PRESUMED, caps(StoraResource.CONTACTS).filters().get(name), name);
            caps(StoraResource.CONTACTS).checkFilters(Map.of(name, values), true, n -> "filter." + n);
            caps(StoraResource.CONTACTS).checkFilters(Map.of(name, String.join(",", values)), true, n -> "filter." + n);
        });
    }

    private static ListCapabilities caps(StoraResource resource) {
        return ListCapabilities.of(StoraOperation.find(resource, "list").orElseThrow());
    }
}
