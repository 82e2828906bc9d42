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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.ApiError;
import io.camelstora.simulator.domain.Store;
import io.camelstora.simulator.support.Json;

/** Filtering, sorting and paging of list operations (https://docs.stora.co/2025-09/guides/responses "Pagination"). */
final class Lister {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    record Page(List<Store.Entity> items, ObjectNode pagination) {
    }

    private Lister() {
    }

    static Page list(Store store, ResourceKind kind, Collection<Store.Entity> source, Map<String, String> params) {
        int page = intParam(params, "page", 1);
        int limit = intParam(params, "limit", DEFAULT_LIMIT);
        if (page < 1) {
            throw ApiError.invalidParam("page", "page must be greater than or equal to 1");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalidParam("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        String sortBy = params.getOrDefault("sort_by", "created_at");
        if (!ListFilters.sortFields(kind).contains(sortBy)) {
            throw ApiError.invalidParam("sort_by", "sort_by must be one of " + ListFilters.sortFields(kind));
        }
        String direction = params.getOrDefault("sort_direction", "DESC").toUpperCase(Locale.ROOT);
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
            throw ApiError.invalidParam("sort_direction", "sort_direction must be ASC or DESC");
        }

        Predicate<ObjectNode> filter = filter(store, kind, params);
        List<Store.Entity> matching = new ArrayList<>();
        for (Store.Entity entity : source) {
            if (filter.test(entity.json)) {
                matching.add(entity);
            }
        }
        // Tables are in insertion order, which is created_at order: walking it backwards makes the default
        // sort (created_at DESC) a near no-op for TimSort even with 100,000 contacts.
        boolean descending = direction.equals("DESC");
        if (descending) {
            Collections.reverse(matching);
        }
        Comparator<Store.Entity> ascending = ((Comparator<Store.Entity>) (a, b) -> compareKeys(a.json.get(sortBy),
                b.json.get(sortBy)))
                .thenComparingLong(e -> e.seq);
        matching.sort(descending ? ascending.reversed() : ascending);

        int count = matching.size();
        int pages = Math.max(1, (count + limit - 1) / limit);
        int from = (int) Math.min((long) (page - 1) * limit, count);
        int to = Math.min(from + limit, count);
        ObjectNode pagination = Json.object();
        pagination.put("count", count);
        pagination.put("last", pages);
        pagination.put("limit", limit);
        if (page < pages) {
            pagination.put("next", page + 1);
        } else {
            pagination.putNull("next");
        }
        pagination.put("page", page);
        pagination.put("pages", pages);
        if (page > 1) {
            pagination.put("prev", page - 1);
        } else {
            pagination.putNull("prev");
        }
        return new Page(new ArrayList<>(matching.subList(from, to)), pagination);
    }

    /** Numbers numerically, everything else as text (ISO timestamps sort as text); nulls after values. */
    private static int compareKeys(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return aNull == bNull ? 0 : aNull ? 1 : -1;
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.asText().compareTo(b.asText());
    }

    private static int intParam(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidParam(name, name + " must be an integer");
        }
    }

    private static Predicate<ObjectNode> filter(Store store, ResourceKind kind, Map<String, String> params) {
        Predicate<ObjectNode> result = json -> true;
        for (ListFilters.Filter filter : ListFilters.filters(kind).values()) {
            String raw = params.get(filter.param());
            if (raw == null) {
                continue;
            }
            result = result.and(matcher(store, filter, raw));
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            // metadata[key]=value (webhook endpoints; the page's description is cut off after "Filter by me").
            if (param.getKey().startsWith("metadata[") && param.getKey().endsWith("]")) {
                String key = param.getKey().substring("metadata[".length(), param.getKey().length() - 1);
                String expected = param.getValue();
                result = result.and(json -> {
                    JsonNode metadata = json.get("metadata");
                    return metadata != null && metadata.has(key) && metadata.get(key).asText().equals(expected);
                });
            }
        }
        return result;
    }

    private static Predicate<ObjectNode> matcher(Store store, ListFilters.Filter filter, String raw) {
        switch (filter.match()) {
            case FROM, UNTIL -> {
                Instant bound;
                try {
                    bound = Instant.parse(raw.trim());
                } catch (DateTimeParseException e) {
                    throw ApiError.invalidParam(filter.param(),
                            filter.param() + " must be an ISO 8601 timestamp (e.g., 2025-01-12T15:30:00Z)");
                }
                boolean from = filter.match() == ListFilters.Match.FROM;
                return json -> {
                    String value = filter.values().apply(store, json).get(0);
                    if (value == null) {
                        return false;
                    }
                    Instant time = Instant.parse(value);
                    return from ? !time.isBefore(bound) : time.isBefore(bound);
                };
            }
            case SEARCH -> {
                String needle = raw.trim().toLowerCase(Locale.ROOT);
                return json -> filter.values().apply(store, json).stream()
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle));
            }
            default -> {
                Set<String> wanted = new HashSet<>(Arrays.asList(raw.split(",")));
                wanted.removeIf(String::isBlank);
                boolean unspecified = filter.match() == ListFilters.Match.ANY_OF_OR_UNSPECIFIED
                        && wanted.contains("unspecified");
                boolean caseInsensitive = filter.param().equals("email");
                Set<String> normalized = new HashSet<>();
                for (String value : wanted) {
                    normalized.add(caseInsensitive ? value.trim().toLowerCase(Locale.ROOT) : value.trim());
                }
                return json -> {
                    for (String value : filter.values().apply(store, json)) {
                        if (value == null) {
                            if (unspecified) {
                                return true;
                            }
                        } else if (normalized.contains(caseInsensitive ? value.toLowerCase(Locale.ROOT) : value)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
        }
    }
}
