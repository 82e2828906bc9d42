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
package io.camelstora.component.polling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camelstora.component.internal.support.StoraJson;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * Stateful Stora lists behind WireMock, until the Stora simulator lands: records the test creates, updates and deletes
 * between polls, served as the API serves them (https://docs.stora.co/2025-09/guides/responses): {@code page}/{@code limit} paging with
 * {@code meta.pagination}, {@code sort_by}/{@code sort_direction} (default {@code created_at DESC}, 422 for a field the
 * list does not sort by), inclusive {@code created_after}/{@code updated_after}, and any other parameter as a
 * comma-separated equality filter. Equal sort keys keep creation order, as a database index would. The {@code Date}
 * header tells the time of a clock a second ahead of the latest write, the clock that stamps the records.
 */
final class FakeLists implements ResponseDefinitionTransformerV2 {

    static final String NAME = "stora-fake-lists";
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requested = lock.newCondition();
    private final Map<String, FakeList> lists = new HashMap<>();
    private final List<Map<String, String>> requests = new ArrayList<>();

    /** One list: its path, wrapper key, the fields it sorts by and whether it knows the time-range filters. */
    final class FakeList {
        private final String key;
        private final Set<String> sortFields;
        private final boolean timeRanges;
        private final List<ObjectNode> records = new ArrayList<>();
        /** The server's clock reads at least this, whatever was written last. */
        private volatile Instant clockAtLeast = T0;

        private FakeList(String key, Set<String> sortFields, boolean timeRanges) {
            this.key = key;
            this.sortFields = sortFields;
            this.timeRanges = timeRanges;
        }

        /** Moves the server's clock to {@code T0 + second} at least, as time passing without writes. */
        FakeList clockAt(int second) {
            clockAtLeast = T0.plusSeconds(second);
            return this;
        }

        /** Creates a record at {@code T0 + second} (created_at = updated_at). */
        FakeList create(String id, int second) {
            return create(id, second, second);
        }

        /** Creates a record updated after it was created, or written before it became visible (a late commit). */
        FakeList create(String id, int createdSecond, int updatedSecond) {
            return create(id, T0.plusSeconds(createdSecond), T0.plusSeconds(updatedSecond));
        }

        FakeList create(String id, Instant created, Instant updated) {
            ObjectNode record = StoraJson.MAPPER.createObjectNode();
            record.put("id", id);
            record.put("created_at", created.toString());
            record.put("name", id);
            record.put("status", "lead");
            record.put("updated_at", updated.toString());
            lock.lock();
            try {
                records.add(record);
            } finally {
                lock.unlock();
            }
            return this;
        }

        FakeList update(String id, int second) {
            return update(id, second, "status", "customer");
        }

        FakeList update(String id, int second, String field, String value) {
            lock.lock();
            try {
                ObjectNode record = records.stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElseThrow();
                record.put(field, value);
                record.put("updated_at", at(second));
            } finally {
                lock.unlock();
            }
            return this;
        }

        /** Removes created_at and updated_at from every record, as product categories have none. */
        FakeList stripTimestamps() {
            lock.lock();
            try {
                records.forEach(r -> r.remove(List.of("created_at", "updated_at")));
            } finally {
                lock.unlock();
            }
            return this;
        }

        FakeList delete(String id) {
            lock.lock();
            try {
                records.removeIf(r -> r.get("id").asText().equals(id));
            } finally {
                lock.unlock();
            }
            return this;
        }

        private ResponseDefinition serve(Map<String, String> query) {
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
            String sortBy = query.getOrDefault("sort_by", "created_at");
            if (!sortFields.contains(sortBy)) {
                return error(422, "invalid_url_param", "sort_by must be one of " + sortFields);
            }
            boolean descending = !"ASC".equalsIgnoreCase(query.getOrDefault("sort_direction", "DESC"));
            List<ObjectNode> matching = new ArrayList<>();
            for (ObjectNode r : records) {
                if (matches(r, query)) {
                    matching.add(r.deepCopy());
                }
            }
            Comparator<ObjectNode> order = Comparator.comparing(
                    r -> r.has(sortBy) ? Instant.parse(r.get(sortBy).asText()) : null,
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
            matching.sort(descending ? order.reversed() : order);
            int pages = Math.max(1, (matching.size() + limit - 1) / limit);
            int from = Math.min((page - 1) * limit, matching.size());
            ArrayNode items = StoraJson.MAPPER.createArrayNode();
            matching.subList(from, Math.min(from + limit, matching.size())).forEach(items::add);
            ObjectNode document = StoraJson.MAPPER.createObjectNode();
            document.set(key, items);
            ObjectNode pagination = document.putObject("meta").put("request_id", "req-" + requests.size())
                    .putObject("pagination");
            pagination.put("count", matching.size()).put("page", page).put("pages", pages).put("limit", limit).put("last",
                    pages);
            if (page < pages) {
                pagination.put("next", page + 1);
            } else {
                pagination.putNull("next");
            }
            if (page > 1) {
                pagination.put("prev", page - 1);
            } else {
                pagination.putNull("prev");
            }
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                    .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(serverTime().atOffset(ZoneOffset.UTC)))
                    .withBody(document.toString()).build();
        }

        /** The server's clock, which also stamps the records: a second after the latest write, or clockAt. */
        private Instant serverTime() {
            Instant latest = clockAtLeast.minusSeconds(1);
            for (ObjectNode r : records) {
                for (String field : new String[]{"created_at", "updated_at"}) {
                    if (r.has(field) && Instant.parse(r.get(field).asText()).isAfter(latest)) {
                        latest = Instant.parse(r.get(field).asText());
                    }
                }
            }
            return latest.plusSeconds(1);
        }

        private boolean matches(ObjectNode record, Map<String, String> query) {
            for (Map.Entry<String, String> q : query.entrySet()) {
                String name = q.getKey();
                switch (name) {
                    case "page", "limit", "sort_by", "sort_direction", "expand" -> {
                    }
                    case "created_after", "updated_after" -> {
                        // an API without time ranges ignores them, as Rails APIs ignore unknown parameters
                        if (timeRanges) {
                            String field = name.startsWith("created") ? "created_at" : "updated_at";
                            if (record.has(field)
                                    && Instant.parse(record.get(field).asText()).isBefore(Instant.parse(q.getValue()))) {
                                return false;
                            }
                        }
                    }
                    default -> {
                        if (!record.has(name) || !Arrays.asList(q.getValue().split(",")).contains(record.get(name).asText())) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    /** Serves a list at {@code /2025-09/<path>} wrapped in {@code key}. */
    FakeList list(String path, String key, Set<String> sortFields, boolean timeRanges) {
        FakeList list = new FakeList(key, sortFields, timeRanges);
        lock.lock();
        try {
            lists.put("/2025-09/" + path, list);
        } finally {
            lock.unlock();
        }
        return list;
    }

    /** Runs {@code changes} so that no request sees part of them. */
    void atomically(Runnable changes) {
        lock.lock();
        try {
            changes.run();
        } finally {
            lock.unlock();
        }
    }

    void reset() {
        lock.lock();
        try {
            lists.clear();
            requests.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The query parameters of every list request so far, in order. */
    List<Map<String, String>> requests() {
        lock.lock();
        try {
            return new ArrayList<>(requests);
        } finally {
            lock.unlock();
        }
    }

    int requestCount() {
        lock.lock();
        try {
            return requests.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code count} list requests arrived in all; fails the test after a minute. */
    void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        lock.lock();
        try {
            while (requests.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " list requests, got " + requests.size());
                }
                requested.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    static String at(int second) {
        return T0.plusSeconds(second).toString();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Map<String, String> query = new LinkedHashMap<>();
        if (url.contains("?")) {
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                String name = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                QueryParameter parameter = request.queryParameter(name);
                query.put(name, parameter.isPresent() ? parameter.firstValue() : "");
            }
        }
        lock.lock();
        try {
            FakeList list = lists.get(path);
            if (list == null) {
                return error(404, "invalid_endpoint", "No list at " + path);
            }
            requests.add(query);
            requested.signalAll();
            return list.serve(query);
        } finally {
            lock.unlock();
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ResponseDefinition error(int status, String code, String message) {
        ObjectNode document = StoraJson.MAPPER.createObjectNode();
        document.putObject("error").put("code", code).put("message", message).put("type", "invalid_request_error");
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(document.toString()).build();
    }

    @Override
    public String getName() {
        return NAME;
    }
}
