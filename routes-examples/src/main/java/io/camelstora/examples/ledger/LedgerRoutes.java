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
