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
package io.camelstora.simulator.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A complete HTTP answer, independent of Vert.x so idempotency can store and replay it byte for byte. */
public record HttpResult(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static HttpResult json(int status, JsonNode body) {
        return new HttpResult(status, "application/json; charset=utf-8", Json.bytes(body), new LinkedHashMap<>());
    }

    public static HttpResult text(int status, String contentType, String body) {
        return new HttpResult(status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    public static HttpResult redirect(String location) {
        HttpResult result = new HttpResult(302, null, new byte[0], new LinkedHashMap<>());
        result.headers().put("Location", location);
        return result;
    }

    public HttpResult header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
