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

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.catalog.ResponseShape;
import io.camelstora.component.catalog.StoraOperation;

/** Reads the parts of a response document: the content under its wrapper key, {@code meta} and its pagination. */
public final class StoraDocuments {

    private StoraDocuments() {
    }

    /**
     * The content of a document: the member named by the catalog ({@code contact}, {@code contacts}, {@code endpoint},
     * {@code success}), or else the only member besides {@code meta} (for keys no reference page showed), or else the
     * whole document.
     */
    public static JsonNode content(StoraOperation operation, JsonNode document) {
        if (document == null || !document.isObject() || operation.responseShape() == ResponseShape.BARE) {
            return document;
        }
        String key = operation.responseKey();
        if (key != null && document.has(key)) {
            return document.get(key);
        }
        JsonNode only = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!"meta".equals(e.getKey())) {
                if (only != null) {
                    return document;
                }
                only = e.getValue();
            }
        }
        return only == null ? document : only;
    }

    public static JsonNode meta(JsonNode document) {
        JsonNode meta = document == null ? null : document.get("meta");
        return meta != null && meta.isObject() ? meta : null;
    }

    /** {@code pagination} of a document's {@link #meta}, or {@code null}. */
    public static JsonNode pagination(JsonNode meta) {
        JsonNode pagination = meta == null ? null : meta.get("pagination");
        return pagination != null && pagination.isObject() ? pagination : null;
    }

    /** {@code meta.pagination.next}, or {@code null} on the last page or when the document has no pagination. */
    public static Integer nextPage(JsonNode document) {
        return next(pagination(meta(document)));
    }

    /** {@code next} of a {@link #pagination}, or {@code null}. */
    public static Integer next(JsonNode pagination) {
        JsonNode next = pagination == null ? null : pagination.get("next");
        return next == null || next.isNull() || !next.canConvertToInt() ? null : next.asInt();
    }

    /** {@code request_id} of a document's {@link #meta}, or {@code null}. */
    public static String requestId(JsonNode meta) {
        JsonNode id = meta == null ? null : meta.get("request_id");
        return id == null || id.isNull() ? null : id.asText();
    }
}
