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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of a list as read by a poll.
 *
 * @param json     the record
 * @param id       its {@code id}, or {@code null}
 * @param position the value of the cursor field ({@code updated_at} or {@code created_at}), or {@code null} when the
 *                 record has none (product categories have no timestamps)
 * @param createdAt its {@code created_at}, or {@code null}
 * @param key      what identifies this version of the record: {@code id@position#<digest of the record>}, or
 *                 {@code id#<digest>} when it has no position. The digest tells apart two versions that share an
 *                 {@code updated_at} (timestamps have one-second precision: a second change within the second may keep
 *                 it), and makes a record without timestamps reported again only when it changed
 * @param seq      the order it was read in, to keep the API's order among equal positions
 */
record PolledRecord(JsonNode json, String id, Instant position, Instant createdAt, String key, long seq) {

    /** Oldest first; records without a position first, in the order they were read. */
    static final Comparator<PolledRecord> ORDER = Comparator
            .comparing(PolledRecord::position, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(PolledRecord::seq);

    static PolledRecord of(JsonNode json, String cursorField, long seq) {
        String id = text(json, "id");
        Instant position = instant(text(json, cursorField));
        String digest = hash(json);
        String key = position != null
                ? (id != null ? id + "@" + position + "#" + digest : "#" + digest + "@" + position)
                : (id != null ? id : "") + "#" + digest;
        return new PolledRecord(json, id, position, instant(text(json, "created_at")), key, seq);
    }

    String text(String field) {
        return text(json, field);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return InitialSync.timestamp(text);
        } catch (DateTimeParseException e) {
            return null; // not a timestamp: treated like a record without one, identified by its content
        }
    }

    private static String hash(JsonNode json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
