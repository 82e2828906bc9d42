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

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the accounting ledger: money received (a paid invoice, positive) or given back (a credit note,
 * negative), in the currency of the document.
 *
 * @param eventId        the Stora event that produced the line: a ledger line per event, never two
 * @param amountMinor    the amount in minor units as Stora sends it (pence)
 * @param amount         the same amount as a decimal (59.99), for spreadsheets and accounting imports
 */
@JsonPropertyOrder({"occurredAt", "eventType", "documentId", "documentNumber", "contactId", "siteId", "currency", "amount",
        "amountMinor", "eventId"})
public record LedgerEntry(String occurredAt, String eventType, String documentId, String documentNumber, String contactId,
        String siteId, String currency, BigDecimal amount, long amountMinor, String eventId) {
}
