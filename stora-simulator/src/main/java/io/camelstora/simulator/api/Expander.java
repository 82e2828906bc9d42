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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.domain.ApiError;
import io.camelstora.simulator.domain.Domain;
import io.camelstora.simulator.domain.DomainCore;
import io.camelstora.simulator.domain.Store;

/**
 * {@code ?expand=contact,line_items,line_items.item} (https://docs.stora.co/2025-09/guides/responses): replaces reference objects
 * {@code {"id": ...}} by the full resource, following dot paths through objects and arrays. Which resource a
 * reference points to is told by its id prefix; the token needs that resource's read scope.
 */
final class Expander {

    private final Store store;
    private final Domain domain;

    Expander(Store store, Domain domain) {
        this.store = store;
        this.domain = domain;
    }

    /** Parsed {@code expand} parameter as a tree of field names; empty when absent. */
    static Map<String, Map<String, ?>> parse(String expand) {
        Map<String, Map<String, ?>> tree = new LinkedHashMap<>();
        if (expand == null || expand.isBlank()) {
            return tree;
        }
        for (String path : expand.split(",")) {
            Map<String, Map<String, ?>> level = tree;
            for (String segment : path.trim().split("\\.")) {
                if (segment.isEmpty()) {
                    throw ApiError.invalidParam("expand", "`" + path.trim() + "` is not a valid expand path");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, ?>> next = (Map<String, Map<String, ?>>) level.computeIfAbsent(segment,
                        s -> new LinkedHashMap<>());
                level = next;
            }
        }
        return tree;
    }

    void expand(ObjectNode json, Map<String, Map<String, ?>> tree, Set<String> scopes) {
        for (Map.Entry<String, Map<String, ?>> branch : tree.entrySet()) {
            String field = branch.getKey();
            if (!json.has(field)) {
                throw ApiError.invalidParam("expand", "`" + field + "` cannot be expanded");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, ?>> children = (Map<String, Map<String, ?>>) branch.getValue();
            JsonNode value = json.get(field);
            if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, expandValue(array.get(i), children, scopes));
                }
            } else {
                json.set(field, expandValue(value, children, scopes));
            }
        }
    }

    private JsonNode expandValue(JsonNode value, Map<String, Map<String, ?>> children, Set<String> scopes) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode object = (ObjectNode) value;
        if (DomainCore.isRef(object)) {
            String id = object.get("id").asText();
            Store.Entity related = store.find(id);
            if (related != null) {
                if (!scopes.contains(related.kind.readScope())) {
                    throw ApiError.of(ApiError.Code.FORBIDDEN, "expanding `" + related.kind.singular + "` requires the "
                            + related.kind.readScope() + " scope", null);
                }
                object = domain.core.render(related);
            }
        }
        if (!children.isEmpty()) {
            expand(object, children, scopes);
        }
        return object;
    }
}
