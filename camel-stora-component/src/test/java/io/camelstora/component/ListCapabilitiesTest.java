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

    private static ListCapabilities caps(StoraResource resource) {
        return ListCapabilities.of(StoraOperation.find(resource, "list").orElseThrow());
    }
}
