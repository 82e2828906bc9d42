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
package io.camelstora.component.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response as received: status, headers (names lower-cased) and the body bytes.
 */
public record StoraResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type without parameters, lower case, or {@code null}. */
    public String mediaType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isJson() {
        String mt = mediaType();
        return mt != null && (mt.equals("application/json") || mt.endsWith("+json"));
    }
}
