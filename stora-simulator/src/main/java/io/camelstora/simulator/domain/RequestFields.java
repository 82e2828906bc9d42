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
package io.camelstora.simulator.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.support.Json;

/** Reading and validating request body fields; each problem is added to the collector as a 422 detail. */
final class RequestFields {

    private RequestFields() {
    }

    static boolean contains(JsonNode array, String value) {
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (value.equals(item.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies the fields the simulator does not model (the reference pages are incomplete) so they are echoed back. */
    static void passThrough(ObjectNode target, ObjectNode body, Set<String> handled) {
        body.fields().forEachRemaining(field -> {
            if (!handled.contains(field.getKey()) && !Set.of("id", "created_at", "updated_at").contains(field.getKey())) {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    static String optionalEnum(ObjectNode body, String field, Set<String> allowed, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            errors.add("/" + field, "value at `/" + field + "` must be one of " + new java.util.TreeSet<>(allowed));
            return null;
        }
        return value.asText();
    }

    static String optionalTime(ObjectNode body, String field, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Json.time(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            errors.add("/" + field, "value at `/" + field + "` does not match format: date-time");
            return null;
        }
    }

    static String requiredString(ObjectNode body, String field, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            errors.add("/" + field, "value at `/" + field + "` is required");
            return null;
        }
        return value.asText();
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> union = new java.util.HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
