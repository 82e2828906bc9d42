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
package io.camelstora.component.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static io.camelstora.component.catalog.StoraResource.*;

/**
 * What each list operation accepts besides {@code page}, {@code limit} and {@code expand}: its {@code sort_by} values,
 * its filters and whether it has the time-range filters. The polling consumer chooses its order and its server-side
 * window from here, and checks {@code filter.*} names against it.
 * <p>
 * Filled from the API reference pages (https://docs.stora.co/2025-09/api-reference) and the guides, every name marked with how sure the documentation is of it. The stored
 * reference pages are often cut off before their parameter tables, so most lists mix {@link Evidence#DOCUMENTED} names
 * with {@link Evidence#PRESUMED} ones:
 * <ul>
 * <li>{@code created_after} (inclusive) is the only time-range name a page shows; {@code created_before} (exclusive),
 * {@code updated_after} (inclusive) and {@code updated_before} are named by analogy with it.</li>
 * <li>The changelog (https://docs.stora.co/2025-09/guides/changelog) lists "Time ranged filters" in the initial release, so every list whose page was cut off or not
 * stored is presumed to have them; the lists whose stored page shows the whole parameter table without them
 * (deal stages, product categories, protection levels, tenancies) have none.</li>
 * <li>Lists whose page was cut off before the sort parameters are presumed to sort by {@code created_at}, the
 * documented default of every list that shows {@code sort_by}; lists whose page shows no sort parameter where the
 * others have it (product categories, timeline templates) are not sorted.</li>
 * </ul>
 */
public final class ListCapabilities {

    /** How sure the documentation is that a list accepts a name. */
    public enum Evidence {
        /** The list's reference page shows the name, or a guide writes it out for this list. */
        DOCUMENTED,
        /**
         * A guess: the page shows the description but hides the name, a guide mentions the filter without naming it,
         * or the name is inferred by analogy (the time-range filters).
         */
        PRESUMED
    }

    /** Records created at or after the timestamp: the one time-range name a reference page shows. */
    public static final String CREATED_AFTER = "created_after";
    /** Records created before the timestamp (exclusive): presumed name. */
    public static final String CREATED_BEFORE = "created_before";
    /** Records updated at or after the timestamp: presumed name. */
    public static final String UPDATED_AFTER = "updated_after";
    /** Records updated before the timestamp: presumed name. */
    public static final String UPDATED_BEFORE = "updated_before";

    private static final Map<StoraResource, ListCapabilities> TABLE = new EnumMap<>(StoraResource.class);

    static {
        // https://docs.stora.co/2025-09/api-reference/contacts: sort values and every filter description shown, names hidden except email (booking-flow guide)
        list(CONTACTS, sort(Evidence.DOCUMENTED, "created_at", "updated_at", "full_name"), TimeRanges.SHOWN,
                documented("email"), presumed("search", "type", "source", "marketing_source", "use_case", "status"));
        list(CONTRACT_TEMPLATES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED); // page not stored
        // changelog: "filter by contact_id, contract_template_id and tenancy_id query params", "filter by site ID and status"
        list(CONTRACTS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED,
                documented("contact_id", "contract_template_id", "tenancy_id"), presumed("site_id", "status"));
        list(COUPONS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED);
        list(CREDIT_NOTES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED); // changelog: "sorting", "filters"
        // https://docs.stora.co/2025-09/api-reference/deals: the stages page is complete
        list(DEAL_STAGES, sort(Evidence.DOCUMENTED, "created_at", "updated_at", "position"), TimeRanges.NONE);
        list(DEALS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED); // changelog: "index filters", unnamed
        list(IDENTITY_VERIFICATIONS, sort(Evidence.DOCUMENTED, "created_at", "updated_at"), TimeRanges.PRESUMED,
                documented("contact_id", "status"));
        // changelog: "add subscription and tenancy expandable objects and filters"
        list(INVOICES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("subscription_id", "tenancy_id"));
        // https://docs.stora.co/2025-09/api-reference/notes shows resource_id; the changelog names resource_type
        list(NOTES, sort(Evidence.DOCUMENTED, "created_at", "updated_at"), TimeRanges.PRESUMED,
                documented("resource_id", "resource_type"));
        list(ORDER_LINE_ITEMS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED);
        list(ORDERS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED); // changelog: "filters", unnamed
        // https://docs.stora.co/2025-09/api-reference/products: the page is complete with page, limit and expand only
        list(PRODUCT_CATEGORIES, sort(Evidence.DOCUMENTED), TimeRanges.NONE);
        // booking-flow guide: GET /products?site_id=...
        list(PRODUCTS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, documented("site_id"));
        list(PROTECTION_LEVELS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.NONE); // complete page
        list(SITES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("search")); // changelog
        list(STAFF, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("search")); // changelog
        list(SUBSCRIPTIONS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("contact_id")); // changelog
        list(TASKS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED); // changelog: "index filters and sorting"
        list(TENANCIES, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.NONE); // complete page
        list(TIMELINE_SOURCES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED);
        // https://docs.stora.co/2025-09/api-reference/timeline-events: page, limit, then created_after (the name shown) where other lists show sort_by
        list(TIMELINE_TEMPLATES, sort(Evidence.DOCUMENTED), TimeRanges.SHOWN);
        list(UNIT_ALLOCATIONS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.PRESUMED,
                documented("contact_id", "tenancy_id", "unit_id", "site_id"));
        list(UNIT_TYPES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, documented("site_id")); // changelog
        list(UNITS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.PRESUMED,
                documented("unit_type_id", "site_id", "status"), presumed("search"));
        // metadata is an object filter: metadata[key]=value is accepted as the metadata filter
        list(WEBHOOK_ENDPOINTS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.PRESUMED, documented("status", "metadata"));
    }

    private final StoraOperation operation;
    private final Map<String, Evidence> sortFields;
    private final Map<String, Evidence> filters;
    private final boolean timeRanges;

    private ListCapabilities(StoraOperation operation, Map<String, Evidence> sortFields, Map<String, Evidence> filters,
                             boolean timeRanges) {
        this.operation = operation;
        this.sortFields = Collections.unmodifiableMap(sortFields);
        this.filters = Collections.unmodifiableMap(filters);
        this.timeRanges = timeRanges;
    }

    /**
     * The capabilities of a list operation.
     *
     * @throws IllegalArgumentException when {@code operation} is not a list
     */
    public static ListCapabilities of(StoraOperation operation) {
        ListCapabilities caps = operation.isPaged() ? TABLE.get(operation.resource()) : null;
        if (caps == null) {
            throw new IllegalArgumentException(operation.uri() + " is not a list operation");
        }
        return caps;
    }

    public StoraOperation operation() {
        return operation;
    }

    /** The {@code sort_by} values, with their evidence; empty when the list takes no {@code sort_by}. */
    public Map<String, Evidence> sortFields() {
        return sortFields;
    }

    public boolean canSortBy(String field) {
        return sortFields.containsKey(field);
    }

    /** Whether the list has the time-range filters ({@code created_after} and its presumed siblings). */
    public boolean hasTimeRanges() {
        return timeRanges;
    }

    /** Every filter name the list is known or presumed to accept, time ranges included, with its evidence. */
    public Map<String, Evidence> filters() {
        return filters;
    }

    /** Whether {@code name} is one of {@link #filters()}; {@code metadata[key]} counts as {@code metadata}. */
    public boolean acceptsFilter(String name) {
        int bracket = name.indexOf('[');
        return filters.containsKey(bracket > 0 ? name.substring(0, bracket) : name);
    }

    /** The filter names for messages: {@code email, search (presumed), ...}, or {@code none}. */
    public String describeFilters() {
        if (filters.isEmpty()) {
            return "none";
        }
        return filters.entrySet().stream()
                .map(e -> e.getValue() == Evidence.PRESUMED ? e.getKey() + " (presumed)" : e.getKey())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return operation.uri() + " sort_by " + sortFields.keySet() + ", filters [" + describeFilters() + "]";
    }

    private enum TimeRanges {
        /** The stored page shows the whole parameter table, without time ranges. */
        NONE,
        /** The page shows the time-range filters (the names of all but created_after hidden or cut off). */
        SHOWN,
        /** The page was cut off or not stored; the changelog's "Time ranged filters" suggests they are there. */
        PRESUMED
    }

    private static Map<String, Evidence> sort(Evidence evidence, String... fields) {
        Map<String, Evidence> map = new LinkedHashMap<>();
        for (String f : fields) {
            map.put(f, evidence);
        }
        return map;
    }

    private static Map<String, Evidence> documented(String... names) {
        return sort(Evidence.DOCUMENTED, names);
    }

    private static Map<String, Evidence> presumed(String... names) {
        return sort(Evidence.PRESUMED, names);
    }

    @SafeVarargs
    private static void list(StoraResource resource, Map<String, Evidence> sortFields, TimeRanges timeRanges,
                             Map<String, Evidence>... filterGroups) {
        StoraOperation op = StoraOperation.find(resource, "list")
                .orElseThrow(() -> new IllegalStateException(resource.uriName() + " has no list operation"));
        Map<String, Evidence> filters = new java.util.TreeMap<>();
        for (Map<String, Evidence> group : filterGroups) {
            filters.putAll(group);
        }
        if (timeRanges != TimeRanges.NONE) {
            filters.put(CREATED_AFTER, timeRanges == TimeRanges.SHOWN ? Evidence.DOCUMENTED : Evidence.PRESUMED);
            filters.put(CREATED_BEFORE, Evidence.PRESUMED);
            filters.put(UPDATED_AFTER, Evidence.PRESUMED);
            filters.put(UPDATED_BEFORE, Evidence.PRESUMED);
        }
        TABLE.put(resource, new ListCapabilities(op, sortFields, filters, timeRanges != TimeRanges.NONE));
    }
}
