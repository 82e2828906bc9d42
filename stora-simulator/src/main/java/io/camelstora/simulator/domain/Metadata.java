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

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.support.Json;

/** The {@code metadata} field of https://docs.stora.co/2025-09/guides/metadata: validation, creation and merge-patch. */
final class Metadata {

    private static final Pattern METADATA_KEY = Pattern.compile("^[a-z0-9._:-]+$");

    private Metadata() {
    }

    /** https://docs.stora.co/2025-09/guides/metadata: at most 20 keys, key charset [a-z0-9._:-] up to 40 characters, string values up to 500. */
    private static void validateMetadata(JsonNode metadata, boolean allowNullValues, ApiError.Collector errors) {
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            errors.add("/metadata", "value at `/metadata` must be an object");
            return;
        }
        metadata.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String pointer = "/metadata/" + key.replace("~", "~0").replace("/", "~1");
            if (key.length() > 40) {
                errors.add(pointer, "metadata key `" + key + "` is longer than 40 characters");
            } else if (!METADATA_KEY.matcher(key).matches()) {
                errors.add(pointer,
                        "metadata key `" + key + "` may only contain lowercase letters, digits, `.`, `_`, `:` and `-`");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (!allowNullValues) {
                    errors.add(pointer, "metadata value for `" + key + "` must be a string");
                }
            } else if (!value.isTextual()) {
                errors.add(pointer, "metadata value for `" + key + "` must be a string");
            } else if (value.asText().length() > 500) {
                errors.add(pointer, "metadata value for `" + key + "` is longer than 500 characters");
            }
        });
    }

    /**
     * Validates a PATCH's {@code metadata} and returns the resource's metadata after the merge-patch of https://docs.stora.co/2025-09/guides/metadata
     * ({@code {}} or {@code null} clears everything, a {@code null} value removes its key), or null when the body has
     * no metadata. Touches nothing: the caller stores the result only once every field is valid, so a rejected
     * request leaves the resource as it was.
     */
    static ObjectNode mergedMetadata(JsonNode current, JsonNode patch, ApiError.Collector errors) {
        validateMetadata(patch, true, errors);
        if (patch == null) {
            return null;
        }
        ObjectNode merged = current != null && current.isObject() ? current.deepCopy() : Json.object();
        if (patch.isNull() || patch.isObject() && patch.isEmpty()) {
            merged.removeAll();
        } else {
            patch.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    merged.remove(field.getKey());
                } else {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        if (merged.size() > 20) {
            errors.add("/metadata", "metadata can have at most 20 keys");
        }
        return merged;
    }

    static ObjectNode newMetadata(JsonNode metadata, ApiError.Collector errors) {
        validateMetadata(metadata, false, errors);
        ObjectNode result = metadata != null && metadata.isObject() ? metadata.deepCopy() : Json.object();
        if (result.size() > 20) {
            errors.add("/metadata", "metadata can have at most 20 keys");
        }
        return result;
    }
}
