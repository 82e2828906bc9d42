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

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON plumbing shared by the simulator: the mapper, reference objects, money objects and timestamps. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A reference to another resource as the API renders it: {@code {"id": "con_..."}}. */
    public static ObjectNode ref(String id) {
        ObjectNode ref = object();
        ref.put("id", id);
        return ref;
    }

    /** {@code {"id": ...}} or JSON null. */
    public static JsonNode refOrNull(String id) {
        return id == null ? NODES.nullNode() : ref(id);
    }

    /** A money object {@code {amount, currency, formatted}} with the amount in minor units. */
    public static ObjectNode money(long amount, String currency) {
        ObjectNode money = object();
        money.put("amount", amount);
        money.put("currency", currency);
        money.put("formatted", format(amount, currency));
        return money;
    }

    static String format(long amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        String number = format.format(BigDecimal.valueOf(amount).movePointLeft(2));
        String sign = amount < 0 ? "-" : "";
        if (amount < 0) {
            number = number.substring(1);
        }
        return switch (currency) {
            case "GBP" -> sign + "£" + number;
            case "EUR" -> sign + "€" + number;
            case "USD" -> sign + "$" + number;
            default -> sign + number + " " + currency;
        };
    }

    /** ISO-8601 UTC to the second, as in every documented example. */
    public static String time(Instant instant) {
        return instant == null ? null : ISO_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Instant parseTime(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** The id inside a reference field ({@code "contact": {"id": ...}}), or null. */
    public static String refId(JsonNode node, String field) {
        JsonNode ref = node.get(field);
        if (ref == null || !ref.isObject()) {
            return null;
        }
        JsonNode id = ref.get("id");
        return id == null || !id.isTextual() ? null : id.asText();
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
