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
package io.camelstora.examples;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.WebhookDelivery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aPaidInvoiceAndACreditNoteBecomeOneLedgerLineEach(Dsl dsl) throws Exception {
        start(Flow.LEDGER, dsl);
        List<Map<String, Object>> open = call("stora:invoices/list?filter.status=open&limit=1");
        String invoiceId = (String) open.get(0).get("id");

        // Stora delivers the invoice.paid event twice: it is still one line
        simulator().faults().duplicateWebhooks(1);
        ObjectNode paid = simulator().control().markInvoicePaid(invoiceId);
        ObjectNode creditNote = simulator().control().createCreditNote(invoiceId, 1250, "other");
        List<WebhookDelivery> deliveries = awaitDeliveries();
        assertEquals(3, deliveries.size(), deliveries::toString);
        assertTrue(deliveries.stream().allMatch(d -> d.status() == WebhookDelivery.Status.SUCCEEDED), deliveries::toString);

        List<String> lines = Files.readAllLines(output.resolve("ledger.csv"), StandardCharsets.UTF_8);
        assertEquals(
                "occurred_at,event_type,document_id,document_number,contact_id,site_id,currency,amount,amount_minor,event_id",
                lines.get(0));
        assertEquals(3, lines.size(), () -> String.join("\n", lines));

        String paidEvent = simulator().webhooks().events("invoice.paid").get(0).id();
        long amountPaid = paid.path("amount_paid").path("amount").asLong();
        assertEquals(List.of("invoice.paid", invoiceId, paid.path("number").asText(), paid.path("contact").path("id").asText(),
                paid.path("site").path("id").asText(), "GBP", new BigDecimal(amountPaid).movePointLeft(2).toPlainString(),
                String.valueOf(amountPaid), paidEvent), line(lines, "invoice.paid"));

        String creditEvent = simulator().webhooks().events("credit_note.created").get(0).id();
        assertEquals(List.of("credit_note.created", creditNote.path("id").asText(), creditNote.path("number").asText(),
                paid.path("contact").path("id").asText(), paid.path("site").path("id").asText(), "GBP", "-12.50", "-1250",
                creditEvent), line(lines, "credit_note.created"));
        assertTrue(Files.readString(output.resolve("ledger.csv")).endsWith("\r\n"));
    }

    /** The columns after occurred_at of the one line of an event type (deliveries run in parallel: any order). */
    private static List<String> line(List<String> lines, String eventType) {
        List<List<String>> matching = lines.stream().map(l -> List.of(l.split(",", -1))).filter(c -> c.get(1).equals(eventType))
                .toList();
        assertEquals(1, matching.size(), () -> eventType + " in " + lines);
        return matching.get(0).subList(1, 10);
    }
}
