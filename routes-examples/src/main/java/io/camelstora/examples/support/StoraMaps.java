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
package io.camelstora.examples.support;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Reading the Maps the stora component produces (its default {@code outputType=MAP}). Related resources are references
 * {@code {"id": ...}} in API responses and whole embedded objects in webhook payloads; {@link #id} reads both.
 */
public final class StoraMaps {

    private StoraMaps() {
    }

    /** The member {@code name} of a Map, or null when the map is null or has no such member. */
    public static Object get(Object map, String name) {
        return map instanceof Map<?, ?> m ? m.get(name) : null;
    }

    /** A nested member, {@code path("contact", "address", "city")}, or null where any step is missing. */
    public static Object path(Object map, String... names) {
        Object current = map;
        for (String name : names) {
            current = get(current, name);
        }
        return current;
    }

    public static String text(Object map, String... names) {
        Object value = path(map, names);
        return value == null ? null : value.toString();
    }

    /** The id of a related resource: a reference {@code {"id": "con_..."}} or an embedded object; null when absent. */
    public static String id(Object map, String field) {
        return text(map, field, "id");
    }

    public static List<?> list(Object map, String field) {
        return get(map, field) instanceof List<?> list ? list : List.of();
    }

    /** The amount of a money object ({@code {"amount": 5999, "currency": "GBP", "formatted": "£59.99"}}), in minor units. */
    public static long amount(Object money) {
        Object amount = get(money, "amount");
        if (!(amount instanceof Number number)) {
            throw new IllegalArgumentException("Not a Stora money object: " + money);
        }
        return number.longValue();
    }

    /** Minor units as a decimal in the currency's own precision: 5999 GBP is 59.99, 5999 JPY is 5999. */
    public static BigDecimal decimal(long minorUnits, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return BigDecimal.valueOf(minorUnits).movePointLeft(Math.max(digits, 0));
    }
}
