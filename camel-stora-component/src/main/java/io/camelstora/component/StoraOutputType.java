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
package io.camelstora.component;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.internal.support.StoraJson;

/** The Java type a JSON response body is handed to the route as. */
public enum StoraOutputType {
    /** {@code java.util.Map} for a record, {@code java.util.List} of maps for a list: works with simple and YAML. */
    MAP,
    /** Jackson {@code JsonNode} (ObjectNode / ArrayNode), exact numbers. */
    JSON_NODE,
    /** The JSON text. */
    STRING;

    /** The node as this type; {@code null} stays {@code null}. */
    public Object convert(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return switch (this) {
            case MAP -> StoraJson.MAPPER.convertValue(node, Object.class);
            case JSON_NODE -> node;
            case STRING -> node.toString();
        };
    }
}
