package io.camelstora.examples.ledger;

import io.camelstora.examples.support.ExampleWebhooks;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code invoice.paid} and {@code credit_note.created} events appended to a CSV ledger. The YAML twin:
 * routes/ledger.camel.yaml.
 */
public class LedgerRoutes extends RouteBuilder {

    @Override
    public void configure() {
        LedgerEntries entries = new LedgerEntries(getContext().resolvePropertyPlaceholders("{{examples.ledger.currency}}"));
        CsvLedger ledger = new CsvLedger(getContext().resolvePropertyPlaceholders("{{examples.ledger.file}}"));

        from("stora:webhook?path=/stora/ledger&eventTypes=invoice.paid,credit_note.created"
             + "&publicUrl={{examples.publicUrl}}/stora/ledger&endpointName={{examples.name}}-ledger"
             + ExampleWebhooks.REGISTRATION)
                .routeId("ledger")
                // paid invoice: + amount_paid; credit note: - total
                .bean(entries, "fromEvent")
                // on disk before Stora gets its 200; each event id is routed once (the consumer's idempotent repository)
                .bean(ledger, "append")
                .log("Ledger: ${body.eventType()} ${body.documentNumber()} ${body.amount()} ${body.currency()}");
    }
}
