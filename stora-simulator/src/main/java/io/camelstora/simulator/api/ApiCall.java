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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request on its way through the simulator, and what became of it. */
public final class ApiCall {

    public final String requestId;
    public final String method;
    public final String path;
    public final String rawQuery;
    final Map<String, String> query;
    /** Lower-case header names. */
    public final Map<String, List<String>> headers;
    public final byte[] body;

    public String operation;
    public String fault;
    public boolean replayed;
    /** Close the connection instead of answering. */
    public boolean drop;

    public ApiCall(String requestId, String method, String path, String rawQuery, Map<String, String> query,
                   Map<String, List<String>> headers, byte[] body) {
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body. */
    Map<String, String> form() {
        Map<String, String> fields = new HashMap<>();
        String text = bodyText();
        if (text.isBlank()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, value);
        }
        return fields;
    }
}
