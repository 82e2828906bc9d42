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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static io.camelstora.component.catalog.StoraResource.*;

/**
 * What each list operation accepts besides {@code page}, {@code limit} and {@code expand}: its {@code sort_by} values,
 * its filters, the values of its enum filters where the reference lists them, and whether it has the time-range
 * filters. The polling consumer chooses its order and its server-side window from here, and {@link #checkFilters} is the
 * one check of {@code filter.*} options (producers and consumers, when the endpoint is created) and of the
 * {@code CamelStoraFilters} header (before the call).
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
        // https://docs.stora.co/2025-09/api-reference/contacts/list-all-contacts: sort values and every filter's description
        // and values shown, names hidden except email (booking-flow guide)
        list(CONTACTS, sort(Evidence.DOCUMENTED, "created_at", "updated_at", "full_name"), TimeRanges.SHOWN,
                documented("email"), presumed("search"),
                presumedOneOf("type", "domestic", "company", "student", "charity", "local_authority", "unspecified"),
                presumedOneOf("source", "pre_open", "incomplete_booking", "registered_interest", "price_interest",
                        "quotation_request", "booking", "popup", "external_enquiry", "phone", "walkin", "import", "other",
                        "unspecified"),
                presumedOneOf("marketing_source", "used_before", "recommendation", "received_leaflet", "seen_building_signs",
                        "seen_advert", "facebook_marketplace", "google_search", "other_online_search", "social_media", "email",
                        "radio", "other", "unspecified"),
                presumedOneOf("use_case", "business_needs", "moving_home", "more_space", "refurb", "travelling", "other",
                        "unspecified"),
                presumedOneOf("status", "lead", "customer", "churned"));
        list(CONTRACT_TEMPLATES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED); // page not stored
        // changelog: "filter by contact_id, contract_template_id and tenancy_id query params", "filter by site ID and status"
        list(CONTRACTS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED,
                documented("contact_id", "contract_template_id", "tenancy_id"), presumed("site_id", "status"));
        list(COUPONS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED);
        // changelog: "Credit Notes API: sorting, filters", unnamed: presumed after the fields of a credit note
        list(CREDIT_NOTES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED,
                presumed("contact_id", "invoice_id", "status"));
        // https://docs.stora.co/2025-09/api-reference/deals: the stages page is complete
        list(DEAL_STAGES, sort(Evidence.DOCUMENTED, "created_at", "updated_at", "position"), TimeRanges.NONE);
        // changelog: "Deals API: index filters", unnamed: presumed after the fields of a deal
        list(DEALS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED,
                presumed("contact_id", "site_id", "stage_id", "assignee_id", "status"));
        // the status enum is cut off on the page: any value
        list(IDENTITY_VERIFICATIONS, sort(Evidence.DOCUMENTED, "created_at", "updated_at"), TimeRanges.PRESUMED,
                documented("contact_id", "status"));
        // changelog: "Invoices API: filters" (initial), "add subscription and tenancy ... filters"
        list(INVOICES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED,
                presumed("contact_id", "site_id", "status", "subscription_id", "tenancy_id"));
        // https://docs.stora.co/2025-09/api-reference/notes shows resource_id; the changelog names resource_type
        list(NOTES, sort(Evidence.DOCUMENTED, "created_at", "updated_at"), TimeRanges.PRESUMED,
                documented("resource_id", "resource_type"));
        list(ORDER_LINE_ITEMS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED);
        // changelog: "Orders API: filters", unnamed: presumed after the fields of an order
        list(ORDERS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("contact_id", "site_id", "status"));
        // https://docs.stora.co/2025-09/api-reference/products: the page is complete with page, limit and expand only
        list(PRODUCT_CATEGORIES, sort(Evidence.DOCUMENTED), TimeRanges.NONE);
        // booking-flow guide: GET /products?site_id=...; changelog: "Products API: filters"
        list(PRODUCTS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, documented("site_id"),
                presumed("category_id", "charge_type"));
        list(PROTECTION_LEVELS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.NONE); // complete page
        list(SITES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("search")); // changelog
        list(STAFF, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("search")); // changelog
        list(SUBSCRIPTIONS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, presumed("contact_id")); // changelog
        // changelog: "Tasks API: index filters and sorting", unnamed: presumed after the fields of a task
        list(TASKS, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED,
                presumed("status", "assignee_id", "site_id", "resource_id"));
        list(TENANCIES, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.NONE); // complete page
        list(TIMELINE_SOURCES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED);
        // https://docs.stora.co/2025-09/api-reference/timeline-events: page, limit, then created_after (the name shown) where other lists show sort_by
        list(TIMELINE_TEMPLATES, sort(Evidence.DOCUMENTED), TimeRanges.SHOWN);
        list(UNIT_ALLOCATIONS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.PRESUMED,
                documented("contact_id", "tenancy_id", "unit_id", "site_id"));
        list(UNIT_TYPES, sort(Evidence.PRESUMED, "created_at"), TimeRanges.PRESUMED, documented("site_id")); // changelog
        // https://docs.stora.co/2025-09/api-reference/units/list-all-units lists available, reserved, occupied, overlock
        // before it is cut off; .../units/deallocate-a-unit names repossessed, and
        // https://docs.stora.co/2025-09/guides/core-concepts unavailable
        list(UNITS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.PRESUMED,
                documented("unit_type_id", "site_id"),
                documentedOneOf("status", "available", "reserved", "occupied", "overlock", "repossessed", "unavailable"),
                presumed("search"));
        // metadata is an object filter: metadata[key]=value is accepted as the metadata filter
        list(WEBHOOK_ENDPOINTS, sort(Evidence.DOCUMENTED, "created_at"), TimeRanges.PRESUMED,
                documentedOneOf("status", "enabled", "disabled"), documented("metadata"));
    }

    /** The query parameters of every list that are options of their own, never filters. */
    private static final Map<String, String> LIST_PARAMETERS = Map.of("page", "page", "limit", "limit", "sort_by", "sortBy",
            "sort_direction", "sortDirection", "expand", "expand");

    private final StoraOperation operation;
    private final Map<String, Evidence> sortFields;
    private final Map<String, Evidence> filters;
    /** The values of the enum filters whose values the reference lists; a filter not here takes any value. */
    private final Map<String, Set<String>> filterValues;
    private final boolean timeRanges;

    private ListCapabilities(StoraOperation operation, Map<String, Evidence> sortFields, Map<String, Evidence> filters,
                             Map<String, Set<String>> filterValues, boolean timeRanges) {
        this.operation = operation;
        this.sortFields = Collections.unmodifiableMap(sortFields);
        this.filters = Collections.unmodifiableMap(filters);
        this.filterValues = Collections.unmodifiableMap(filterValues);
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
        return filters.containsKey(baseName(name));
    }

    /**
     * The values the reference lists for an enum filter (a comma-separated list of them is one filter value), or an empty
     * set when the filter takes any value or its values are not documented.
     */
    public Set<String> filterValues(String name) {
        return filterValues.getOrDefault(baseName(name), Set.of());
    }

    /**
     * The one check of the filters a request of this list sends, for {@code filter.*} options when the endpoint is created
     * and for the {@code CamelStoraFilters} header before the call, by producers and consumers alike. A list parameter
     * given as a filter ({@code page}, {@code limit}, {@code sort_by}, {@code sort_direction}, {@code expand}) always
     * fails; with {@code validate} (the validateFilters option) so do a name the reference neither documents nor
     * presumes for the list and a value outside the documented values of an enum filter. Without it, names and values
     * are sent as written, for the filters the stored reference pages leave out.
     *
     * @param filters  filter name to value; a collection or a comma-separated text is several values
     * @param validate whether names and values are checked
     * @param source   how a message names the filter, such as {@code name -> "filter." + name}
     */
    public void checkFilters(Map<?, ?> filters, boolean validate, UnaryOperator<String> source) {
        for (Map.Entry<?, ?> filter : filters.entrySet()) {
            String name = String.valueOf(filter.getKey());
            String option = LIST_PARAMETERS.get(name);
            if (option != null) {
                throw new IllegalArgumentException(source.apply(name) + " of " + operation.uri() + " is not a filter; use the "
                        + option + " option" + (name.equals("expand") ? "" : " (a consumer pages and sorts by itself)"));
            }
            if (!validate) {
                continue;
            }
            if (!acceptsFilter(name)) {
                throw new IllegalArgumentException("Unknown filter '" + name + "' (" + source.apply(name) + ") for "
                        + operation.uri() + ". Filters of " + operation.resource().uriName() + ": " + describeFilters()
                        + ". To send a filter the stored reference pages do not show, set validateFilters=false");
            }
            Set<String> values = filterValues(name);
            if (!values.isEmpty()) {
                for (String value : values(filter.getValue())) {
                    if (!values.contains(value)) {
                        throw new IllegalArgumentException(source.apply(name) + " of " + operation.uri() + " is '"
                                + filter.getValue() + "': '" + value + "' is not a " + name + " of " + operation.resource()
                                        .uriName()
                                + ". Values: " + String.join(", ", values) + " (several separated by commas). To send a"
                                + " value the stored reference pages do not show, set validateFilters=false");
                    }
                }
            }
        }
    }

    /** The single values of a filter value: the elements of a collection or array, the parts of a comma-separated text. */
    private static List<String> values(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> values.addAll(values(v)));
        } else if (value instanceof Object[] array) {
            for (Object v : array) {
                values.addAll(values(v));
            }
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static String baseName(String name) {
        int bracket = name.indexOf('[');
        return bracket > 0 ? name.substring(0, bracket) : name;
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

    /** Filters of a list, with the values of those the reference lists values for. */
    private record Filters(Map<String, Evidence> names, Map<String, Set<String>> values) {
    }

    private static Filters documented(String... names) {
        return new Filters(sort(Evidence.DOCUMENTED, names), Map.of());
    }

    private static Filters presumed(String... names) {
        return new Filters(sort(Evidence.PRESUMED, names), Map.of());
    }

    /** An enum filter whose name a page shows, with the values the reference lists. */
    private static Filters documentedOneOf(String name, String... values) {
        return new Filters(sort(Evidence.DOCUMENTED, name), Map.of(name, new LinkedHashSet<>(List.of(values))));
    }

    /** An enum filter whose values a page lists but whose name it hides. */
    private static Filters presumedOneOf(String name, String... values) {
        return new Filters(sort(Evidence.PRESUMED, name), Map.of(name, new LinkedHashSet<>(List.of(values))));
    }

    private static void list(StoraResource resource, Map<String, Evidence> sortFields, TimeRanges timeRanges,
                             Filters... filterGroups) {
        StoraOperation op = StoraOperation.find(resource, "list")
                .orElseThrow(() -> new IllegalStateException(resource.uriName() + " has no list operation"));
        Map<String, Evidence> filters = new TreeMap<>();
        Map<String, Set<String>> values = new TreeMap<>();
        for (Filters group : filterGroups) {
            filters.putAll(group.names());
            group.values().forEach((name, v) -> values.put(name, Collections.unmodifiableSet(v)));
        }
        if (timeRanges != TimeRanges.NONE) {
            filters.put(CREATED_AFTER, timeRanges == TimeRanges.SHOWN ? Evidence.DOCUMENTED : Evidence.PRESUMED);
            filters.put(CREATED_BEFORE, Evidence.PRESUMED);
            filters.put(UPDATED_AFTER, Evidence.PRESUMED);
            filters.put(UPDATED_BEFORE, Evidence.PRESUMED);
        }
        TABLE.put(resource, new ListCapabilities(op, sortFields, filters, values, timeRanges != TimeRanges.NONE));
    }
}
