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
package io.camelstora.examples.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The allocation step of https://docs.stora.co/2025-09/guides/booking-flow ("listen for {@code tenancy.created} and use the reserve endpoint to allocate
 * a specific unit"): orders created through the API are not auto-reserved (https://docs.stora.co/2025-09/guides/allocations-and-access), so the
 * integration gives each booked unit of the tenancy an available unit of its type at its site.
 * <p>
 * Units are counted by position: an order for two units of a type needs positions 0 and 1. A tenancy that already has
 * {@code n} allocations (Stora's auto-reservation, staff, or an earlier delivery of the event) needs the positions from
 * {@code n} on, and each position's calls carry an Idempotency-Key of the event and the position, so a redelivered
 * event reserves nothing twice.
 */
public final class UnitAllocations {

    /** Exchange property: the tenancy as Stora shows it now (re-read, not the event's snapshot). */
    public static final String TENANCY = "tenancy";
    /** Exchange property of each split part: {@code {"position": 0, "unit_type_id": "utype_..."}}. */
    public static final String WANTED = "wantedUnit";
    /** Exchange property: why a wanted unit could not be allocated, for the staff task. */
    public static final String PROBLEM = "allocationProblem";

    private final Clock clock;

    public UnitAllocations() {
        this(Clock.systemUTC());
    }

    UnitAllocations(Clock clock) {
        this.clock = clock;
    }

    /**
     * The units the tenancy still needs: one entry per unit of the order's {@code unit_type} line items (read with
     * {@code expand=line_items}), less the allocations the tenancy already has.
     */
    public List<Map<String, Object>> unitsToAllocate(@ExchangeProperty(TENANCY) Map<String, Object> tenancy,
                                                     @Body Map<String, Object> order) {
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (Object lineItem : StoraMaps.list(order, "line_items")) {
            if (!"unit_type".equals(StoraMaps.text(lineItem, "type"))) {
                continue;
            }
            String unitTypeId = StoraMaps.id(lineItem, "item");
            Object quantity = StoraMaps.get(lineItem, "quantity");
            for (long i = 0, n = quantity instanceof Number number ? number.longValue() : 1; i < n; i++) {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("position", wanted.size());
                unit.put("unit_type_id", unitTypeId);
                wanted.add(unit);
            }
        }
        int allocated = StoraMaps.list(tenancy, "unit_allocations").size();
        return allocated >= wanted.size() ? List.of() : List.copyOf(wanted.subList(allocated, wanted.size()));
    }

    /**
     * Whether the tenancy began when it was created (a booking that starts "now", or on a date already past). Stora
     * reserves only for tenancies that have not started; for one that has, the guide says to grant access instead.
     */
    public boolean startedWhenCreated(@ExchangeProperty(TENANCY) Map<String, Object> tenancy) {
        String startsAt = StoraMaps.text(tenancy, "starts_at");
        String createdAt = StoraMaps.text(tenancy, "created_at");
        return startsAt == null || createdAt != null && !Instant.parse(startsAt).isAfter(Instant.parse(createdAt));
    }

    /** The filters of {@code stora:units/list}: available units of the wanted type at the tenancy's site. */
    public Map<String, Object> availableUnits(@ExchangeProperty(TENANCY) Map<String, Object> tenancy,
                                              @ExchangeProperty(WANTED) Map<String, Object> wanted) {
        return Map.of("site_id", StoraMaps.id(tenancy, "site"), "unit_type_id", wanted.get("unit_type_id"), "status",
                "available");
    }

    /** The body of {@code stora:units/reserve} and {@code stora:units/grant_access}. */
    public Map<String, Object> allocationRequest(@ExchangeProperty(TENANCY) Map<String, Object> tenancy) {
        return Map.of("tenancy_id", StoraMaps.text(tenancy, "id"));
    }

    /**
     * The body of {@code stora:tasks/create} when a unit could not be allocated: staff allocate one in BackOffice, by
     * the move-in date (at once when the tenancy has started).
     */
    public Map<String, Object> staffTask(@ExchangeProperty(TENANCY) Map<String, Object> tenancy,
                                         @ExchangeProperty(WANTED) Map<String, Object> wanted,
                                         @ExchangeProperty(PROBLEM) String problem,
                                         @Header("CamelStoraWebhookEventId") String eventId) {
        String tenancyId = StoraMaps.text(tenancy, "id");
        String unitTypeId = String.valueOf(wanted.get("unit_type_id"));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String startsAt = StoraMaps.text(tenancy, "starts_at");
        Instant due = startsAt == null || Instant.parse(startsAt).isBefore(now) ? now : Instant.parse(startsAt);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", "Allocate a unit to tenancy " + tenancyId);
        task.put("description", "<p>The tenancy needs a unit of type " + escape(unitTypeId) + " from " + escape(startsAt)
                + ", and none could be allocated: " + escape(problem) + ".</p>");
        task.put("due_at", due.toString());
        String siteId = StoraMaps.id(tenancy, "site");
        if (siteId != null) {
            task.put("site", Map.of("id", siteId));
        }
        String contactId = StoraMaps.id(tenancy, "contact");
        if (contactId != null) {
            task.put("resource", Map.of("id", contactId));
        }
        task.put("metadata", Map.of("tenancy_id", String.valueOf(tenancyId), "unit_type_id", unitTypeId, "stora_event_id",
                String.valueOf(eventId)));
        return task;
    }

    /** The task description is HTML (https://docs.stora.co/2025-09/api-reference/tasks). */
    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
