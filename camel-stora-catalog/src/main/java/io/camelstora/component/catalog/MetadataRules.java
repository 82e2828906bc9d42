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

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The metadata rules of https://docs.stora.co/2025-09/guides/metadata, checked before a request is sent so a bad key fails fast with its name
 * instead of costing a call: at most 20 keys; keys of at most 40 characters from {@code a-z 0-9 . _ : -}; string
 * values of at most 500 characters; {@code null} only on update, where merge-patch semantics make it remove the key.
 */
public final class MetadataRules {

    public static final int MAX_KEYS = 20;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 500;
    private static final Pattern KEY = Pattern.compile("[a-z0-9._:-]+");

    private MetadataRules() {
    }

    /**
     * Checks the {@code metadata} member of a request body, if any.
     *
     * @throws IllegalArgumentException naming the operation, the key and the rule it breaks
     */
    public static void check(StoraOperation operation, JsonNode body) {
        JsonNode metadata = body == null ? null : body.get("metadata");
        if (metadata == null) {
            return;
        }
        boolean update = operation.method() == HttpMethod.PATCH;
        if (!metadata.isObject()) {
            throw new IllegalArgumentException(
                    "metadata of " + operation.uri() + " must be a JSON object of string values, got "
                            + metadata.getNodeType().name().toLowerCase());
        }
        if (metadata.size() > MAX_KEYS) {
            throw new IllegalArgumentException("metadata of " + operation.uri() + " has " + metadata.size()
                    + " keys; at most " + MAX_KEYS + " are allowed");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("metadata key '" + key + "' of " + operation.uri() + " must be 1 to "
                        + MAX_KEY_LENGTH + " characters of lowercase a-z, 0-9, '.', '_', ':' and '-'");
            }
            if (value.isNull()) {
                if (!update) {
                    throw new IllegalArgumentException("metadata key '" + key + "' of " + operation.uri()
                            + " is null; null removes a key and is only allowed on update");
                }
            } else if (!value.isTextual()) {
                throw new IllegalArgumentException("metadata key '" + key + "' of " + operation.uri() + " has a "
                        + value.getNodeType().name().toLowerCase() + " value; values must be strings");
            } else if (value.asText().length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("metadata key '" + key + "' of " + operation.uri() + " has a value of "
                        + value.asText().length() + " characters; at most " + MAX_VALUE_LENGTH
                        + " are allowed");
            }
        }
    }
}
