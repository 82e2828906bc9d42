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
package io.camelstora.component.internal.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypeFilterTest {

    @Test
    void emptyMeansEveryEventIncludingOnesTheCatalogDoesNotKnowYet() {
        EventTypeFilter all = EventTypeFilter.parse(" ");
        assertTrue(all.isAll());
        assertTrue(all.accepts("invoice.paid"));
        assertTrue(all.accepts("parcel.delivered"));
        assertEquals(50, all.subscribedTypes().size());
    }

    @Test
    void wildcardsSelectByResourceOrByAction() {
        assertEquals(List.of("unit.available", "unit.created", "unit.deallocated", "unit.occupied", "unit.overlocked",
                "unit.repossessed", "unit.reserved", "unit.unavailable", "unit.updated"),
                EventTypeFilter.parse("unit.*").subscribedTypes());
        EventTypeFilter created = EventTypeFilter.parse("*.created");
        assertEquals(14, created.subscribedTypes().size());
        assertTrue(created.subscribedTypes().stream().allMatch(t -> t.endsWith(".created")));
        // unit.* does not take unit_type.*: the dot is literal
        assertFalse(EventTypeFilter.parse("unit.*").accepts("unit_type.created"));
    }

    @Test
    void aPatternCoversATypeAddedAfterTheCatalog() {
        EventTypeFilter units = EventTypeFilter.parse("unit.*,invoice.paid");
        assertTrue(units.accepts("unit.archived"));
        assertFalse(units.accepts("invoice.voided"));
        assertFalse(units.subscribedTypes().contains("unit.archived"));
    }

    @Test
    void entriesMatchingNoEventTypeFailNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventTypeFilter.parse("invoice.paid, invoce.*,unit.occupy"));
        assertTrue(e.getMessage().startsWith("eventTypes of stora:webhook: invoce.*, unit.occupy match no Stora event type"),
                e.getMessage());
    }
}
