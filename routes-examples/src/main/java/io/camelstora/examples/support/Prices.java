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

import java.util.Map;

/**
 * The operator's price of an order line item. Unit types, protection levels and products carry {@code prices}, one
 * per billing period (https://docs.stora.co/2025-09/guides/booking-flow: "The price.amount should come from the relevant resource's prices
 * array for the selected billing period").
 */
public final class Prices {

    private Prices() {
    }

    /**
     * The amount in minor units of {@code priced} for {@code billingPeriod}.
     *
     * @throws NoPriceException when the resource has no price for that period (the API would answer "Billing
     *                                  period must exist" when the order is finalized)
     */
    public static long amountFor(Map<?, ?> priced, String billingPeriod) {
        for (Object price : StoraMaps.list(priced, "prices")) {
            if (billingPeriod.equals(StoraMaps.text(price, "billing_period"))) {
                return StoraMaps.amount(StoraMaps.get(price, "price"));
            }
        }
        throw new NoPriceException(StoraMaps.text(priced, "id") + " (" + StoraMaps.text(priced, "name")
                + ") has no " + billingPeriod + " price");
    }

    /** A line item of an order request: {@code {"type", "quantity", "price": {"amount"}, "item": {"id"}}}. */
    public static Map<String, Object> lineItem(String type, String itemId, long quantity, long amount) {
        return Map.of("type", type, "quantity", quantity, "price", Map.of("amount", amount), "item", Map.of("id", itemId));
    }
}
