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
package io.camelstora.component.internal.webhook;

import java.io.IOException;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.internal.support.StoraJson;

/**
 * A verified delivery's payload: {@code {"event": {"id", "type", "api_version", "created_at", "data": {"<key>": {...}}}}}
 * (https://docs.stora.co/2025-09/guides/webhooks; older event pages omit {@code api_version}).
 *
 * @param event    the object under {@code event}
 * @param resource the resource under {@code event.data}: the member named after the type ({@code invoice} of
 *                 {@code invoice.paid}), else the only member, else {@code data} itself
 */
record WebhookEvent(String id, String type, String createdAt, String apiVersion, JsonNode event, JsonNode resource) {

    /** Parses a payload, or fails naming what is missing (the text is safe to log: it holds no payload data). */
    static WebhookEvent parse(byte[] body) throws InvalidPayloadException {
        JsonNode root;
        try {
            root = StoraJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidPayloadException("The body is not JSON");
        }
        JsonNode event = root == null ? null : root.get("event");
        if (event == null || !event.isObject()) {
            throw new InvalidPayloadException("The body has no event object");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || type == null) {
            throw new InvalidPayloadException("The event has no id or no type");
        }
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidPayloadException("The event has no data object");
        }
        return new WebhookEvent(id, type, text(event, "created_at"), text(event, "api_version"), event, resource(type, data));
    }

    /** The {@code id} of the resource, or {@code null}. */
    String resourceId() {
        return resource.isObject() ? text(resource, "id") : null;
    }

    private static JsonNode resource(String type, JsonNode data) {
        String key = StoraEventType.fromType(type).map(StoraEventType::dataKey)
                .orElse(type.indexOf('.') > 0 ? type.substring(0, type.indexOf('.')) : type);
        JsonNode named = data.get(key);
        if (named != null) {
            return named;
        }
        Iterator<JsonNode> members = data.elements();
        JsonNode only = members.hasNext() ? members.next() : null;
        return only != null && !members.hasNext() ? only : data;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty() ? null : value.asText();
    }

    /** A signed body that is not a Stora event: answered 400, Stora's retries will not fix it. */
    static final class InvalidPayloadException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPayloadException(String message) {
            super(message, null, false, false);
        }
    }
}
