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
package io.camelstora.examples.ledger;

import java.util.Map;

import io.camelstora.component.StoraConstants;
import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * Turns {@code invoice.paid} and {@code credit_note.created} events into ledger entries, with the amounts of the
 * documents' money objects.
 */
public final class LedgerEntries {

    private final String defaultCurrency;

    /**
     * @param defaultCurrency the currency of money objects without one: the older event schema sends only
     *                        {@code amount} and {@code formatted} (https://docs.stora.co/2025-09/api-reference/webhooks)
     */
    public LedgerEntries(String defaultCurrency) {
        this.defaultCurrency = defaultCurrency;
    }

    public LedgerEntry fromEvent(@Header(StoraConstants.WEBHOOK_EVENT_TYPE) String type,
                                 @Header(StoraConstants.WEBHOOK_EVENT_ID) String eventId,
                                 @Header(StoraConstants.WEBHOOK_CREATED_AT) String createdAt,
                                 @Body Map<String, Object> document) {
        Object money;
        int sign;
        switch (type) {
            // what the customer paid: amount_paid, not total (credit notes issued before payment reduce what is due)
            case "invoice.paid" -> {
                money = StoraMaps.get(document, "amount_paid");
                sign = 1;
            }
            // money going back to the customer
            case "credit_note.created" -> {
                money = StoraMaps.get(document, "total");
                sign = -1;
            }
            default -> throw new IllegalArgumentException("No ledger entry for " + type + " events");
        }
        long minor = sign * StoraMaps.amount(money);
        String currency = StoraMaps.text(money, "currency");
        if (currency == null || currency.isBlank()) {
            currency = defaultCurrency;
        }
        return new LedgerEntry(createdAt, type, StoraMaps.text(document, "id"), StoraMaps.text(document, "number"),
                StoraMaps.id(document, "contact"), StoraMaps.id(document, "site"), currency,
                StoraMaps.decimal(minor, currency), minor, eventId);
    }
}
