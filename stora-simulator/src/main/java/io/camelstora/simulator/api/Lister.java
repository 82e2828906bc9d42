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

    /** An entity with the value it is sorted by. */
    private record Keyed(JsonNode key, Store.Entity entity) {
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

        boolean descending = direction.equals("DESC");
        // Sorted once per change of the store, each entity's key read once: with 100,000 contacts, filtering and sorting
        // on every request cost 100 ms a page, and a page must never be what binds a client reading at 10/s
        List<Keyed> sorted = source == store.all(kind)
                ? store.derived(List.of("sorted", kind, sortBy), () -> sortAscending(source, sortBy))
                : sortAscending(source, sortBy);
        List<Keyed> matching = keysetRange(kind, sorted, sortBy, params);
        if (matching == null) {
            Predicate<ObjectNode> filter = filter(store, kind, params);
            matching = new ArrayList<>();
            for (Keyed keyed : sorted) {
                if (filter.test(keyed.entity.json)) {
                    matching.add(keyed);
                }
            }
        }
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
        List<Store.Entity> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            // descending is the reverse of (key, insertion order) ascending
            items.add(matching.get(descending ? count - 1 - i : i).entity);
        }
        return new Page(items, pagination);
    }

    private static List<Keyed> sortAscending(Collection<Store.Entity> source, String sortBy) {
        List<Keyed> keyed = new ArrayList<>(source.size());
        for (Store.Entity entity : source) {
            keyed.add(new Keyed(entity.json.get(sortBy), entity));
        }
        // tables are in insertion order, which is created_at order: a near no-op for TimSort
        keyed.sort(Comparator.<Keyed, JsonNode>comparing(Keyed::key, Lister::compareKeys).thenComparingLong(k -> k.entity.seq));
        return Collections.unmodifiableList(keyed);
    }

    /**
     * The records of a keyset page ({@code updated_after} and {@code updated_before} on a list sorted by
     * {@code updated_at}, or the same on {@code created_at}) found by binary search in the sorted list; {@code null}
     * when another filter applies, to filter record by record.
     */
    private static List<Keyed> keysetRange(ResourceKind kind, List<Keyed> sorted, String sortBy, Map<String, String> params) {
        int from = 0;
        int to = sorted.size();
        for (String param : params.keySet()) {
            if (param.startsWith("metadata[")) {
                return null;
            }
        }
        for (ListFilters.Filter filter : ListFilters.filters(kind).values()) {
            String raw = params.get(filter.param());
            if (raw == null) {
                continue;
            }
            if (!sortBy.equals(ListFilters.timeField(filter.param()))) {
                return null;
            }
            Instant bound;
            try {
                bound = Instant.parse(raw.trim());
            } catch (DateTimeParseException e) {
                return null; // the filter answers the 422
            }
            if (bound.getNano() != 0) {
                return null;
            }
            to = Math.min(to, firstNull(sorted)); // records without the timestamp match no time filter
            int at = firstAtOrAfter(sorted, Json.time(bound), to);
            if (filter.match() == ListFilters.Match.FROM) {
                from = Math.max(from, at);
            } else {
                to = Math.min(to, at);
            }
        }
        return from >= to ? List.of() : sorted.subList(from, to);
    }

    /** Where the records without a value of the sort key start (they sort last); no filter on it matches them. */
    private static int firstNull(List<Keyed> sorted) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            JsonNode key = sorted.get(mid).key;
            if (key == null || key.isNull()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first index below {@code end} whose timestamp is at or after {@code time} (both in the API's one format). */
    private static int firstAtOrAfter(List<Keyed> sorted, String time, int end) {
        int lo = 0;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).key.asText().compareTo(time) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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

    /** {@code 2025-01-12T15:30:00Z}: the form {@link Json#time} writes. */
    private static boolean isIsoSeconds(String value) {
        return value.length() == 20 && value.charAt(4) == '-' && value.charAt(10) == 'T' && value.charAt(19) == 'Z';
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
                String boundText = Json.time(bound);
                boolean wholeSecond = bound.getNano() == 0;
                return json -> {
                    String value = filter.values().apply(store, json).get(0);
                    if (value == null) {
                        return false;
                    }
                    // the API's timestamps are whole seconds in one format, which orders like the instants: compared
                    // as text, without parsing 100,000 of them per request
                    int order = wholeSecond && isIsoSeconds(value) ? value.compareTo(boundText)
                            : Instant.parse(value).compareTo(bound);
                    return from ? order >= 0 : order < 0;
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
