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
package io.camelstora.simulator.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

/** Invoices, credit notes and contracts, and the lifecycle the control API plays for them. */
public final class Billing {

    private final DomainCore core;
    private final Store store;
    /** Invoice numbers are SIM-1001, SIM-1002...; a simulator reset starts them again. */
    private long invoiceNumber = 1000;

    Billing(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    void resetInvoiceNumber() {
        invoiceNumber = 1000;
    }

    Entity createInvoice(String contactId, String siteId, String subscriptionId, String tenancyId, ArrayNode lines, long total,
                         Entity order) {
        ObjectNode json = core.newResource(ResourceKind.INVOICE);
        json.set("amount_due", core.money(total));
        json.set("amount_paid", core.money(0));
        json.set("contact", Json.ref(contactId));
        json.putNull("finalized_at");
        json.set("line_items", lines);
        json.put("number", "SIM-" + (++invoiceNumber));
        json.putNull("paid_at");
        json.putNull("period_end");
        json.put("period_start", Json.time(core.now()));
        json.set("post_payment_credit_notes_amount", core.money(0));
        json.set("pre_payment_credit_notes_amount", core.money(0));
        json.set("purchase_order_number", order == null ? Json.NODES.nullNode() : order.json.get("purchase_order_number"));
        json.set("site", Json.ref(siteId));
        json.put("status", "draft");
        json.set("subscription", Json.refOrNull(subscriptionId));
        long subtotal = 0;
        for (JsonNode line : lines) {
            subtotal += line.path("total").path("amount").asLong();
        }
        json.set("subtotal", core.money(subtotal));
        json.set("tax", core.money(0));
        json.set("tenancy", Json.refOrNull(tenancyId));
        json.set("total", core.money(total));
        json.putNull("voided_at");
        Entity invoice = store.insert(ResourceKind.INVOICE, json);
        core.emit("invoice.created", invoice);
        return invoice;
    }

    public Entity finalizeInvoice(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "draft");
        invoice.json.put("status", "open");
        invoice.json.put("finalized_at", Json.time(core.now()));
        core.touch(invoice);
        core.emit("invoice.finalized", invoice);
        return invoice;
    }

    public Entity markInvoicePaid(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "open", "uncollectible");
        invoice.json.set("amount_paid", invoice.json.get("amount_due").deepCopy());
        invoice.json.set("amount_due", core.money(0));
        invoice.json.put("status", "paid");
        invoice.json.put("paid_at", Json.time(core.now()));
        core.touch(invoice);
        core.emit("invoice.paid", invoice);
        core.emit("invoice.updated", invoice);
        return invoice;
    }

    public Entity markInvoiceUncollectible(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "open");
        invoice.json.put("status", "uncollectible");
        core.touch(invoice);
        core.emit("invoice.marked_uncollectible", invoice);
        core.emit("invoice.updated", invoice);
        return invoice;
    }

    public Entity voidInvoice(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "draft", "open", "uncollectible");
        invoice.json.put("status", "void");
        invoice.json.put("voided_at", Json.time(core.now()));
        core.touch(invoice);
        core.emit("invoice.updated", invoice);
        return invoice;
    }

    private static void requireInvoiceStatus(Entity invoice, String... allowed) {
        String status = Json.text(invoice.json, "status");
        for (String candidate : allowed) {
            if (candidate.equals(status)) {
                return;
            }
        }
        throw ApiError.conflict("Invoice " + invoice.id + " is " + status + "; expected " + String.join(" or ", allowed));
    }

    public Entity createCreditNote(String invoiceId, long amount, String reason) {
        Entity invoice = store.require(ResourceKind.INVOICE, invoiceId);
        ObjectNode json = core.newResource(ResourceKind.CREDIT_NOTE);
        json.set("contact", invoice.json.get("contact").deepCopy());
        json.set("invoice", Json.ref(invoiceId));
        ArrayNode lines = json.putArray("line_items");
        ObjectNode line = lines.addObject();
        line.set("amount", core.money(amount));
        line.put("description", "Credit for invoice " + Json.text(invoice.json, "number"));
        line.set("discount_total", core.money(0));
        line.set("price", core.money(amount));
        line.put("quantity", 1);
        line.set("tax", core.money(0));
        line.put("type", "invoice_line_item");
        json.put("number", Json.text(invoice.json, "number") + "-CN-" + (store.count(ResourceKind.CREDIT_NOTE) + 1));
        json.put("reason", reason == null ? "other" : reason);
        json.set("site", invoice.json.get("site").deepCopy());
        json.put("status", "issued");
        json.set("subtotal", core.money(amount));
        json.set("total", core.money(amount));
        boolean paid = "paid".equals(Json.text(invoice.json, "status"));
        json.put("type", paid ? "post_payment" : "pre_payment");
        Entity creditNote = store.insert(ResourceKind.CREDIT_NOTE, json);
        String field = paid ? "post_payment_credit_notes_amount" : "pre_payment_credit_notes_amount";
        invoice.json.set(field, core.money(invoice.json.path(field).path("amount").asLong() + amount));
        core.touch(invoice);
        core.emit("credit_note.created", creditNote);
        core.emit("invoice.updated", invoice);
        return creditNote;
    }

    public Entity createContract(String tenancyId, String templateId) {
        Entity tenancy = store.require(ResourceKind.TENANCY, tenancyId);
        Entity template = store.require(ResourceKind.CONTRACT_TEMPLATE, templateId);
        ObjectNode json = core.newResource(ResourceKind.CONTRACT);
        String id = json.get("id").asText();
        ObjectNode links = json.putObject("_links");
        ObjectNode show = links.putObject("sf:show_contract");
        show.put("href", "/contracts/" + id);
        show.put("title", "Show contract");
        json.set("contact", tenancy.json.get("contact").deepCopy());
        json.set("contract_template", Json.ref(templateId));
        json.put("name", Json.text(template.json, "name"));
        json.put("sent_at", Json.time(core.now()));
        json.putNull("signed_at");
        json.put("status", "pending");
        json.set("tenancy", Json.ref(tenancyId));
        Entity contract = store.insert(ResourceKind.CONTRACT, json);
        core.emit("contract.created", contract);
        return contract;
    }

    public Entity signContract(String id) {
        Entity contract = store.require(ResourceKind.CONTRACT, id);
        if (!"pending".equals(Json.text(contract.json, "status"))) {
            throw ApiError.conflict(
                    "Contract " + id + " is " + Json.text(contract.json, "status") + "; only pending contracts can be signed");
        }
        contract.json.put("status", "signed");
        contract.json.put("signed_at", Json.time(core.now()));
        core.touch(contract);
        core.emit("contract.signed", contract);
        return contract;
    }
}
