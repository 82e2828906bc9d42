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
@JsonPropertyOrder({ "occurredAt", "eventType", "documentId", "documentNumber", "contactId", "siteId", "currency", "amount",
        "amountMinor", "eventId" })
public record LedgerEntry(String occurredAt, String eventType, String documentId, String documentNumber, String contactId,
        String siteId, String currency, BigDecimal amount, long amountMinor, String eventId) {
}
