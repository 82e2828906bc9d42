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
package io.camelstora.examples.booking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.camelstora.examples.support.Prices;
import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The request bodies of the booking flow of https://docs.stora.co/2025-09/guides/booking-flow, from a booking request of the website:
 *
 * <pre>{@code
 * {"reference": "web-4711", "email": "jane@example.com", "full_name": "Jane Smith", "phone_number": "+447700900123",
 *  "site_id": "site_...", "unit_type_id": "utype_...", "billing_period": "monthly", "starts_at": "2026-04-15T00:00:00Z",
 *  "protection_level_id": "plvl_..."}
 * }</pre>
 *
 * {@code reference} is the website's id of the booking. Every POST of the flow derives its Idempotency-Key from it, so a
 * booking the website submits twice (a double click, a retry after a timeout) creates one contact and one order.
 */
public final class Bookings {

    /** https://docs.stora.co/2025-09/guides/booking-flow, "billing_period". */
    static final Set<String> BILLING_PERIODS = Set.of("weekly", "monthly", "every_four_weeks", "every_three_months",
            "every_six_months", "yearly");
    static final Set<String> PAYMENT_METHODS = Set.of("card", "bacs_debit", "sepa_debit");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String cancelRedirectUrl;

    /** @param cancelRedirectUrl where a customer who abandons the hosted checkout lands (required by finalize) */
    public Bookings(String cancelRedirectUrl) {
        this.cancelRedirectUrl = cancelRedirectUrl;
    }

    /**
     * The booking request with defaults applied ({@code billing_period} monthly, {@code payment_method} card,
     * {@code starts_at} now).
     *
     * @throws IllegalArgumentException naming every missing or invalid field
     */
    public Map<String, Object> validate(@Body Map<String, Object> request) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> booking = new LinkedHashMap<>(request);
        booking.putIfAbsent("billing_period", "monthly");
        booking.putIfAbsent("payment_method", "card");
        booking.putIfAbsent("starts_at", "now");
        String reference = StoraMaps.text(booking, "reference");
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            problems.add("reference (1 to 64 letters, digits, '_', '-', '.') is required");
        }
        String email = StoraMaps.text(booking, "email");
        if (email == null || !email.contains("@")) {
            problems.add("email is required");
        }
        require(booking, "site_id", "site_", problems);
        require(booking, "unit_type_id", "utype_", problems);
        if (!BILLING_PERIODS.contains(StoraMaps.text(booking, "billing_period"))) {
            problems.add("billing_period must be one of " + BILLING_PERIODS);
        }
        if (!PAYMENT_METHODS.contains(StoraMaps.text(booking, "payment_method"))) {
            problems.add("payment_method must be one of " + PAYMENT_METHODS);
        }
        if (booking.get("protection_level_id") != null) {
            require(booking, "protection_level_id", "plvl_", problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid booking: " + String.join("; ", problems));
        }
        return booking;
    }

    private static void require(Map<String, Object> booking, String field, String prefix, List<String> problems) {
        String value = StoraMaps.text(booking, field);
        if (value == null || !value.startsWith(prefix)) {
            problems.add(field + " (" + prefix + "...) is required");
        }
    }

    /** The filter of {@code stora:contacts/list}: email addresses are unique per operator (https://docs.stora.co/2025-09/guides/booking-flow step 2). */
    public Map<String, Object> contactLookup(@ExchangeProperty("booking") Map<String, Object> booking) {
        return Map.of("email", booking.get("email"));
    }

    /** The body of {@code stora:contacts/create}. */
    public Map<String, Object> newContact(@ExchangeProperty("booking") Map<String, Object> booking) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", booking.get("email"));
        putIfPresent(contact, "full_name", booking.get("full_name"));
        putIfPresent(contact, "phone_number", booking.get("phone_number"));
        contact.put("source", "booking");
        return contact;
    }

    /** The body of {@code stora:orders/create}: a draft with the unit type at the operator's price for the period. */
    public Map<String, Object> draftOrder(@ExchangeProperty("booking") Map<String, Object> booking,
                                          @ExchangeProperty("contact") Map<String, Object> contact,
                                          @ExchangeProperty("unitType") Map<String, Object> unitType) {
        String billingPeriod = (String) booking.get("billing_period");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("site", Map.of("id", booking.get("site_id")));
        order.put("contact", Map.of("id", contact.get("id")));
        order.put("billing_period", billingPeriod);
        order.put("payment_method", booking.get("payment_method"));
        order.put("starts_at", booking.get("starts_at"));
        order.put("metadata", Map.of("booking_reference", booking.get("reference"), "channel", "website"));
        order.put("line_items", List.of(Prices.lineItem("unit_type", (String) unitType.get("id"), 1,
                Prices.amountFor(unitType, billingPeriod))));
        return order;
    }

    /** A {@code protection} line item at the protection level's price for the billing period. */
    public Map<String, Object> protectionLineItem(@ExchangeProperty("booking") Map<String, Object> booking,
                                                  @Body Map<String, Object> protectionLevel) {
        return Prices.lineItem("protection", (String) protectionLevel.get("id"), 1,
                Prices.amountFor(protectionLevel, (String) booking.get("billing_period")));
    }

    /** A {@code security_deposit} line item: it references the unit type, at the unit type's deposit amount. */
    public Map<String, Object> depositLineItem(@ExchangeProperty("unitType") Map<String, Object> unitType) {
        return Prices.lineItem("security_deposit", (String) unitType.get("id"), 1,
                StoraMaps.amount(unitType.get("security_deposit")));
    }

    /** The body of {@code stora:orders/finalize}. */
    public Map<String, Object> finalizeRequest() {
        return Map.of("finalize", Map.of("cancel_redirect_url", cancelRedirectUrl));
    }

    /** What the website gets back: where to send the customer, and the order summary to show. */
    public Map<String, Object> confirmation(@Body Map<String, Object> order) {
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("order_id", order.get("id"));
        confirmation.put("status", order.get("status"));
        confirmation.put("payment_url", order.get("payment_url"));
        confirmation.put("total", StoraMaps.text(order, "total", "formatted"));
        confirmation.put("one_time_total", StoraMaps.text(order, "one_time_total", "formatted"));
        return confirmation;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
