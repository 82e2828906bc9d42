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
package io.camelstora.component.internal.polling;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.internal.support.StoraJson;

/**
 * What a consumer keeps in its {@link org.apache.camel.spi.StateRepository}, as one line of JSON such as
 * {@code {"cursor":"2025-02-22T14:41:00Z"}}.
 *
 * @param cursor    where the next window starts (less the overlap): the newest record sent for lists sorted by the
 *                  cursor field, the server time a finished scan began for the others; {@code null} before the first
 * @param newest    for scanned lists, the newest cursor-field value sent so far: records up to it may have been sent
 *                  and are looked up in the idempotent repository ({@code null} where it is the cursor)
 * @param floor     the start chosen by {@code initialSync=none|since:}: nothing older is reported, whatever the overlap;
 *                  {@code null} for {@code initialSync=all}
 * @param scanStart the server time an unfinished scan of a window began (lists not sorted by the cursor field)
 * @param scanAfter the {@code created_at} of the last record the unfinished scan sent: it continues from there
 */
record Checkpoint(Instant cursor, Instant newest, Instant floor, Instant scanStart, Instant scanAfter) {

    static final Checkpoint EMPTY = new Checkpoint(null, null, null, null, null);

    static Checkpoint startingAt(Instant floor) {
        return new Checkpoint(null, null, floor, null, null);
    }

    boolean isEmpty() {
        return cursor == null && newest == null && floor == null && scanStart == null;
    }

    /** The newest cursor-field value that may have been sent. */
    Instant sentUpTo() {
        return later(cursor, newest);
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    String format() {
        ObjectNode json = StoraJson.MAPPER.createObjectNode();
        put(json, "cursor", cursor);
        put(json, "newest", newest);
        put(json, "floor", floor);
        put(json, "scanStart", scanStart);
        put(json, "scanAfter", scanAfter);
        return json.toString();
    }

    private static void put(ObjectNode json, String name, Instant value) {
        if (value != null) {
            json.put(name, value.toString());
        }
    }

    /**
     * Reads a stored value; a bare ISO-8601 timestamp is accepted as the cursor, so an operator can set one by hand.
     *
     * @throws IllegalStateException naming the key when the value is neither
     */
    static Checkpoint parse(String value, String stateKey) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        try {
            String v = value.trim();
            if (!v.startsWith("{")) {
                return new Checkpoint(InitialSync.timestamp(v), null, null, null, null);
            }
            JsonNode json = StoraJson.MAPPER.readTree(v);
            return new Checkpoint(instant(json, "cursor"), instant(json, "newest"), instant(json, "floor"),
                    instant(json, "scanStart"), instant(json, "scanAfter"));
        } catch (Exception e) {
            throw new IllegalStateException("The stored state of " + stateKey + " is not a cursor: '" + value
                    + "'. Fix or remove it to start again from initialSync", e);
        }
    }

    private static Instant instant(JsonNode json, String name) {
        JsonNode node = json.get(name);
        return node == null || node.isNull() ? null : InitialSync.timestamp(node.asText());
    }
}
