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
package io.camelstora.simulator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store;
import io.camelstora.simulator.support.Json;

/**
 * Which query parameters each list operation accepts, and what they filter on. This is the one table to change
 * when the real names turn out different: only {@code created_after}, {@code sort_by}, {@code sort_direction},
 * {@code email}, {@code status} and the documented {@code *_id} filters are confirmed by the reference pages;
 * {@code created_before}, {@code updated_after} and {@code updated_before} are guesses by analogy with {@code created_after}, the only one a reference page shows,
 * and filters named only in the changelog (https://docs.stora.co/2025-09/guides/changelog) are guessed after the field they filter.
 * Unknown query parameters are ignored, as Rails-style APIs do.
 */
final class ListFilters {

    static final String CREATED_AFTER = "created_after";
    static final String CREATED_BEFORE = "created_before";
    static final String UPDATED_AFTER = "updated_after";
    static final String UPDATED_BEFORE = "updated_before";

    enum Match {
        /** The value (or one of the values) equals one of the comma-separated parameter values. */
        ANY_OF,
        /** Like ANY_OF, and {@code unspecified} matches null (the contacts list's enum filters). */
        ANY_OF_OR_UNSPECIFIED,
        /** Case-insensitive substring of any of the values ("fuzzy" search, BETA on the real API). */
        SEARCH,
        /** Timestamp at or after the parameter (inclusive). */
        FROM,
        /** Timestamp before the parameter (exclusive). */
        UNTIL
    }

    /** One accepted query parameter: how it matches and which value(s) of a resource it looks at. */
    record Filter(String param, Match match, BiFunction<Store, ObjectNode, List<String>> values) {
    }

    private static final Map<ResourceKind, Map<String, Filter>> FILTERS = new EnumMap<>(ResourceKind.class);
    private static final Map<ResourceKind, Set<String>> SORTS = new EnumMap<>(ResourceKind.class);

    static {
        accepts(ResourceKind.CONTACT, Set.of("created_at", "updated_at", "full_name"),
                field("email", Match.ANY_OF, "email"),
                search("search", "full_name", "email", "phone_number"),
                field("type", Match.ANY_OF_OR_UNSPECIFIED, "type"),
                field("source", Match.ANY_OF_OR_UNSPECIFIED, "source"),
                field("marketing_source", Match.ANY_OF_OR_UNSPECIFIED, "marketing_source"),
                field("use_case", Match.ANY_OF_OR_UNSPECIFIED, "use_case"),
                field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.CONTRACT_TEMPLATE, Set.of("created_at", "updated_at"));
        accepts(ResourceKind.CONTRACT, Set.of("created_at", "updated_at"),
                ref("contact_id", "contact"), ref("contract_template_id", "contract_template"),
                ref("tenancy_id", "tenancy"), via("site_id", "tenancy", "site"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.COUPON, Set.of("created_at", "updated_at"));
        accepts(ResourceKind.CREDIT_NOTE, Set.of("created_at"),
                ref("contact_id", "contact"), ref("invoice_id", "invoice"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.DEAL_STAGE, Set.of("created_at", "updated_at", "position"));
        accepts(ResourceKind.DEAL, Set.of("created_at", "updated_at"),
                ref("contact_id", "contact"), ref("site_id", "site"), ref("stage_id", "stage"),
                ref("assignee_id", "assignee"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.IDENTITY_VERIFICATION, Set.of("created_at", "updated_at"),
                ref("contact_id", "contact"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.INVOICE, Set.of("created_at", "updated_at"),
                ref("contact_id", "contact"), ref("subscription_id", "subscription"), ref("tenancy_id", "tenancy"),
                ref("site_id", "site"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.NOTE, Set.of("created_at", "updated_at"),
                ref("resource_id", "resource"),
                new Filter("resource_type", Match.ANY_OF, (store, json) -> {
                    ResourceKind kind = ResourceKind.ofId(Json.refId(json, "resource"));
                    return kind == null ? List.of() : List.of(kind.singular);
                }));
        accepts(ResourceKind.ORDER, Set.of("created_at", "updated_at"),
                ref("contact_id", "contact"), ref("site_id", "site"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.ORDER_LINE_ITEM, Set.of("created_at", "updated_at"));
        // The stored page lists only page, limit and expand.
        accepts(ResourceKind.PRODUCT_CATEGORY, Set.of("created_at"), new Filter[0], false);
        accepts(ResourceKind.PRODUCT, Set.of("created_at", "updated_at"),
                ref("site_id", "site"), ref("category_id", "category"), field("charge_type", Match.ANY_OF, "charge_type"));
        accepts(ResourceKind.PROTECTION_LEVEL, Set.of("created_at"));
        accepts(ResourceKind.SITE, Set.of("created_at", "updated_at"), search("search", "name"));
        accepts(ResourceKind.STAFF, Set.of("created_at", "updated_at"), search("search", "name", "email"));
        accepts(ResourceKind.SUBSCRIPTION, Set.of("created_at", "updated_at"), ref("contact_id", "contact"));
        accepts(ResourceKind.TASK, Set.of("created_at", "updated_at", "due_at"),
                field("status", Match.ANY_OF, "status"), ref("assignee_id", "assignee"), ref("site_id", "site"),
                ref("resource_id", "resource"));
        accepts(ResourceKind.TENANCY, Set.of("created_at"));
        accepts(ResourceKind.TIMELINE_SOURCE, Set.of("created_at", "updated_at"));
        accepts(ResourceKind.TIMELINE_TEMPLATE, Set.of("created_at", "updated_at"));
        accepts(ResourceKind.UNIT_ALLOCATION, Set.of("created_at"),
                via("contact_id", "tenancy", "contact"), ref("tenancy_id", "tenancy"), ref("unit_id", "unit"),
                via("site_id", "unit", "site"));
        accepts(ResourceKind.UNIT_TYPE, Set.of("created_at", "updated_at"),
                ref("site_id", "site"), field("status", Match.ANY_OF, "status"));
        accepts(ResourceKind.UNIT, Set.of("created_at"),
                ref("unit_type_id", "unit_type"), ref("site_id", "site"), field("status", Match.ANY_OF, "status"),
                search("search", "reference_id"));
        accepts(ResourceKind.WEBHOOK_ENDPOINT, Set.of("created_at"), field("status", Match.ANY_OF, "status"));
    }

    private ListFilters() {
    }

    static Map<String, Filter> filters(ResourceKind kind) {
        return FILTERS.getOrDefault(kind, Map.of());
    }

    /** The timestamp a time-range filter compares, {@code null} for other filters. */
    static String timeField(String param) {
        return switch (param) {
            case CREATED_AFTER, CREATED_BEFORE -> "created_at";
            case UPDATED_AFTER, UPDATED_BEFORE -> "updated_at";
            default -> null;
        };
    }

    static Set<String> sortFields(ResourceKind kind) {
        return SORTS.getOrDefault(kind, Set.of("created_at"));
    }

    private static void accepts(ResourceKind kind, Set<String> sorts, Filter... filters) {
        accepts(kind, sorts, filters, true);
    }

    private static void accepts(ResourceKind kind, Set<String> sorts, Filter[] filters, boolean timeRanges) {
        Map<String, Filter> table = new LinkedHashMap<>();
        for (Filter filter : filters) {
            table.put(filter.param(), filter);
        }
        if (timeRanges) {
            table.put(CREATED_AFTER, field(CREATED_AFTER, Match.FROM, "created_at"));
            table.put(CREATED_BEFORE, field(CREATED_BEFORE, Match.UNTIL, "created_at"));
            table.put(UPDATED_AFTER, field(UPDATED_AFTER, Match.FROM, "updated_at"));
            table.put(UPDATED_BEFORE, field(UPDATED_BEFORE, Match.UNTIL, "updated_at"));
        }
        FILTERS.put(kind, Collections.unmodifiableMap(table));
        SORTS.put(kind, sorts);
    }

    private static Filter field(String param, Match match, String field) {
        return new Filter(param, match, (store, json) -> {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? Collections.singletonList(null) : List.of(value.asText());
        });
    }

    private static Filter ref(String param, String field) {
        return new Filter(param, Match.ANY_OF, (store, json) -> {
            String id = Json.refId(json, field);
            return id == null ? List.of() : List.of(id);
        });
    }

    /** A filter on a reference of a referenced resource, e.g. an allocation's contact through its tenancy. */
    private static Filter via(String param, String field, String nestedField) {
        return new Filter(param, Match.ANY_OF, (store, json) -> {
            Store.Entity related = store.find(Json.refId(json, field));
            String id = related == null ? null : Json.refId(related.json, nestedField);
            return id == null ? List.of() : List.of(id);
        });
    }

    private static Filter search(String param, String... fields) {
        return new Filter(param, Match.SEARCH, (store, json) -> {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                String value = Json.text(json, field);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        });
    }
}
