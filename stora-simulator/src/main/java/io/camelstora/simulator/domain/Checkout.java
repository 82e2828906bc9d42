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

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

/** The hosted checkout: a customer's payment turns a finalized order into a tenancy, subscription and invoices. */
public final class Checkout {

    private final DomainCore core;
    private final Store store;
    private final Orders orders;
    private final Units units;
    private final Billing billing;

    Checkout(DomainCore core, Orders orders, Units units, Billing billing) {
        this.core = core;
        this.store = core.store;
        this.orders = orders;
        this.units = units;
        this.billing = billing;
    }

    /**
     * Plays the customer's payment on the hosted checkout (https://docs.stora.co/2025-09/guides/booking-flow step 5): completes the order and creates
     * the tenancy, subscription, invoices and contract. Units are allocated only with the operator's auto-reservation
     * ({@link Domain.Settings#autoReserveOnPayment()}, off by default): https://docs.stora.co/2025-09/guides/allocations-and-access, "Orders created via the API
     * do not trigger auto-reservation — your integration controls when and how units are allocated".
     */
    public Entity payOrder(String orderId) {
        return payOrder(orderId, core.settings.autoReserveOnPayment());
    }

    /**
     * @param autoReserve whether an available unit of each booked unit type is allocated at once (reserved, or
     *                    occupied for a tenancy that starts now), as auto-reservation does for storefront bookings
     */
    public Entity payOrder(String orderId, boolean autoReserve) {
        Entity order = store.require(ResourceKind.ORDER, orderId);
        if (!"finalized".equals(Json.text(order.json, "status"))) {
            throw ApiError
                    .conflict("Only finalized orders can be paid; order " + orderId + " is " + Json.text(order.json, "status"));
        }
        Entity contact = store.require(ResourceKind.CONTACT, Json.refId(order.json, "contact"));
        String siteId = Json.refId(order.json, "site");
        String startsAtText = Json.text(order.json, "starts_at");
        Instant startsAt = startsAtText == null || "now".equals(startsAtText) ? core.now() : Instant.parse(startsAtText);
        List<Entity> lineItems = store.children(ResourceKind.ORDER_LINE_ITEM, orderId);

        ObjectNode tenancyJson = core.newResource(ResourceKind.TENANCY);
        tenancyJson.set("contact", Json.ref(contact.id));
        tenancyJson.putNull("ends_at");
        tenancyJson.set("order", Json.ref(orderId));
        tenancyJson.set("site", Json.ref(siteId));
        tenancyJson.put("starts_at", Json.time(startsAt));
        tenancyJson.putNull("subscription");
        tenancyJson.putArray("unit_allocations");
        Entity tenancy = store.insert(ResourceKind.TENANCY, tenancyJson);

        ObjectNode subscriptionJson = core.newResource(ResourceKind.SUBSCRIPTION);
        subscriptionJson.set("billing_period", order.json.get("billing_period"));
        subscriptionJson.putNull("cancellation_reason");
        subscriptionJson.put("cancelled", false);
        subscriptionJson.set("contact", Json.ref(contact.id));
        ObjectNode period = subscriptionJson.putObject("current_period");
        period.putNull("ends_at");
        period.put("starts_at", Json.time(startsAt));
        subscriptionJson.putNull("ends_at");
        ArrayNode subscriptionLines = subscriptionJson.putArray("line_items");
        ArrayNode recurringInvoiceLines = Json.array();
        ArrayNode oneOffInvoiceLines = Json.array();
        long recurringTotal = 0;
        long oneOffTotal = 0;
        for (Entity lineItem : lineItems) {
            long total = lineItem.json.path("total").path("amount").asLong();
            if (orders.isRecurring(lineItem)) {
                ObjectNode line = subscriptionLines.addObject();
                line.put("created_at", Json.time(core.now()));
                line.set("item", lineItem.json.get("item").deepCopy());
                line.set("price", lineItem.json.get("price").deepCopy());
                line.put("quantity", lineItem.json.path("quantity").asInt());
                String type = Json.text(lineItem.json, "type");
                // The Subscription example shows product lines as custom_product.
                line.put("type", "product".equals(type) ? "custom_product" : type);
                line.put("updated_at", Json.time(core.now()));
                recurringInvoiceLines.add(invoiceLine(lineItem, describe(lineItem)));
                recurringTotal += total - lineItem.json.path("discount_total").path("amount").asLong();
            } else {
                oneOffInvoiceLines.add(invoiceLine(lineItem, describe(lineItem)));
                oneOffTotal += total;
            }
        }
        subscriptionJson.set("order", Json.ref(orderId));
        subscriptionJson.set("site", Json.ref(siteId));
        subscriptionJson.put("starts_at", Json.time(startsAt));
        subscriptionJson.putNull("stripe_subscription_id");
        subscriptionJson.putNull("stripe_subscription_schedule_id");
        subscriptionJson.set("tenancy", Json.ref(tenancy.id));
        Entity subscription = store.insert(ResourceKind.SUBSCRIPTION, subscriptionJson);
        tenancy.json.set("subscription", Json.ref(subscription.id));

        order.json.put("status", "completed");
        order.json.set("tenancy", Json.ref(tenancy.id));
        order.json.set("subscription", Json.ref(subscription.id));
        core.touch(order);
        contact.json.put("status", "customer");
        contact.json.put("tenancies_count", contact.json.path("tenancies_count").asInt() + 1);
        core.touch(contact);

        core.emit("order.completed", order);
        core.emit("contact.updated", contact);
        core.emit("tenancy.created", tenancy);
        core.emit("subscription.created", subscription);

        boolean started = !startsAt.isAfter(core.now());
        if (autoReserve) {
            for (Entity lineItem : lineItems) {
                if (!"unit_type".equals(Json.text(lineItem.json, "type"))) {
                    continue;
                }
                for (int i = 0; i < lineItem.json.path("quantity").asInt(); i++) {
                    Entity unit = units.firstAvailableUnit(siteId, Json.refId(lineItem.json, "item"));
                    // As on the real API: if the type sold out meanwhile, the tenancy has no allocation.
                    if (unit != null) {
                        units.allocate(unit, tenancy, started);
                    }
                }
            }
        }
        if (!oneOffInvoiceLines.isEmpty()) {
            Entity invoice = billing.createInvoice(contact.id, siteId, null, tenancy.id, oneOffInvoiceLines, oneOffTotal,
                    order);
            billing.finalizeInvoice(invoice.id);
        }
        if (!recurringInvoiceLines.isEmpty()) {
            Entity invoice = billing.createInvoice(contact.id, siteId, subscription.id, tenancy.id, recurringInvoiceLines,
                    Math.max(0, recurringTotal - amountCouponDiscount(order)), order);
            billing.finalizeInvoice(invoice.id);
        }
        String templateId = Json.refId(order.json, "contract_template");
        if (templateId != null) {
            billing.createContract(tenancy.id, templateId);
        }
        if (started) {
            tenancy.started = true;
            core.emit("tenancy.started", tenancy);
            core.emit("subscription.started", subscription);
        }
        return order;
    }

    private long amountCouponDiscount(Entity order) {
        Entity coupon = store.get(ResourceKind.COUPON, Json.refId(order.json, "coupon"));
        return coupon != null && "amount".equals(Json.text(coupon.json, "type"))
                ? order.json.path("total_discount").path("amount").asLong()
                : 0;
    }

    private String describe(Entity lineItem) {
        Entity item = store.find(Json.refId(lineItem.json, "item"));
        String name = item == null ? Json.refId(lineItem.json, "item") : Json.text(item.json, "name");
        return "security_deposit".equals(Json.text(lineItem.json, "type")) ? "Security deposit for " + name : name;
    }

    private ObjectNode invoiceLine(Entity lineItem, String description) {
        ObjectNode line = Json.object();
        Entity item = store.find(Json.refId(lineItem.json, "item"));
        line.set("accounting_code", item == null ? Json.NODES.nullNode() : item.json.path("accounting_code").deepCopy());
        if (line.get("accounting_code").isMissingNode()) {
            line.putNull("accounting_code");
        }
        line.put("description", description);
        line.set("discount_total", lineItem.json.get("discount_total").deepCopy());
        line.set("price", lineItem.json.get("price").deepCopy());
        line.put("proration", false);
        line.put("quantity", lineItem.json.path("quantity").asInt());
        line.set("tax", core.money(0));
        line.set("total", lineItem.json.get("total").deepCopy());
        line.set("total_excluding_tax", lineItem.json.get("total").deepCopy());
        line.put("type", Json.text(lineItem.json, "type"));
        return line;
    }
}
