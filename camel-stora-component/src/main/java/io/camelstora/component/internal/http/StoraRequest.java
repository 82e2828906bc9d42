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
package io.camelstora.component.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.camelstora.component.catalog.PathParameter;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;

/**
 * One call of an operation, ready to send: the resolved path and query, the body bytes, the Accept format and, for a
 * POST, the Idempotency-Key every attempt of this call carries.
 *
 * @param operation      the catalog entry
 * @param path           the path with parameters substituted and encoded, e.g. {@code /2025-09/contacts/con_1}
 * @param query          query parameters in sending order, values already joined (not yet encoded)
 * @param body           the request body, or {@code null}
 * @param bodyMediaType  {@code application/json} or {@code application/x-www-form-urlencoded}
 * @param format         the response format asked for in Accept
 * @param idempotencyKey the Idempotency-Key of a POST, else {@code null}
 */
public record StoraRequest(
        StoraOperation operation, String path, Map<String, String> query, byte[] body, String bodyMediaType,
        StoraFormat format, String idempotencyKey) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public StoraRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** The same request for another page of a list. */
    public StoraRequest withPage(int page) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", Integer.toString(page));
        return new StoraRequest(operation, path, q, body, bodyMediaType, format, idempotencyKey);
    }

    /** The same request with the query parameter set (or removed when {@code value} is null). */
    public StoraRequest withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        if (value == null) {
            q.remove(name);
        } else {
            q.put(name, value);
        }
        return new StoraRequest(operation, path, q, body, bodyMediaType, format, idempotencyKey);
    }

    /** {@code application/x-www-form-urlencoded} bytes of the fields, in order; null values are left out. */
    public static byte[] form(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> {
            if (value != null) {
                form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What may appear in logs and exception messages: the method and path, or the path template when the path carries
     * a credential (the token of an image URL).
     */
    public String describe() {
        boolean secretPath = operation.pathParameters().stream().anyMatch(PathParameter::isSecret);
        String shown = secretPath ? operation.pathTemplate() : path;
        return operation.method() + " " + shown;
    }
}
