package io.camelstora.component.polling;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.http.StoraJson;

/**
 * What a consumer keeps in its {@link org.apache.camel.spi.StateRepository}, as one line of JSON such as
 * {@code {"cursor":"2025-02-22T14:41:00Z"}}.
 *
 * @param cursor the newest cursor-field value of the records processed so far, or {@code null} before the first
 * @param floor  the start chosen by {@code initialSync=none|since:}: nothing older is reported, whatever the overlap;
 *               {@code null} for {@code initialSync=all}
 */
record Checkpoint(Instant cursor, Instant floor) {

    static final Checkpoint EMPTY = new Checkpoint(null, null);

    boolean isEmpty() {
        return cursor == null && floor == null;
    }

    Checkpoint advancedTo(Instant newest) {
        if (newest == null || (cursor != null && !newest.isAfter(cursor))) {
            return this;
        }
        return new Checkpoint(newest, floor);
    }

    String format() {
        ObjectNode json = StoraJson.MAPPER.createObjectNode();
        if (cursor != null) {
            json.put("cursor", cursor.toString());
        }
        if (floor != null) {
            json.put("floor", floor.toString());
        }
        return json.toString();
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
                return new Checkpoint(InitialSync.timestamp(v), null);
            }
            JsonNode json = StoraJson.MAPPER.readTree(v);
            return new Checkpoint(instant(json.get("cursor")), instant(json.get("floor")));
        } catch (Exception e) {
            throw new IllegalStateException("The stored state of " + stateKey + " is not a cursor: '" + value
                                            + "'. Fix or remove it to start again from initialSync", e);
        }
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : InitialSync.timestamp(node.asText());
    }
}
