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

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.Metadata.mergedMetadata;
import static io.camelstora.simulator.domain.Metadata.newMetadata;
import static io.camelstora.simulator.domain.RequestFields.optionalEnum;
import static io.camelstora.simulator.domain.RequestFields.optionalTime;
import static io.camelstora.simulator.domain.RequestFields.passThrough;

/** Draft orders and their line items: validation, the order summary, finalization (https://docs.stora.co/2025-09/guides/booking-flow steps 1-4). */
public final class Orders {

    static final Set<String> BILLING_PERIODS = Set.of("weekly", "monthly", "every_four_weeks", "every_three_months",
            "every_six_months", "yearly");
    static final Set<String> PAYMENT_METHODS = Set.of("card", "bacs_debit", "sepa_debit");
    static final Set<String> LINE_ITEM_TYPES = Set.of("unit_type", "protection", "product", "security_deposit");
    /** Order fields set by the rules below; any other body field passes through on create and update alike. */
    private static final Set<String> MODELLED_FIELDS = Set.of("site", "contact", "billing_period", "payment_method",
            "purchase_order_number", "starts_at", "emails", "coupon", "contract_template", "finalize", "metadata", "line_items",
            "status", "payment_url", "source", "subscription", "tenancy", "email_notifications");

    private final DomainCore core;
    private final Store store;
    private final Contacts contacts;

    Orders(DomainCore core, Contacts contacts) {
        this.core = core;
        this.store = core.store;
        this.contacts = contacts;
    }

    public Entity createOrder(ObjectNode body) {
        ApiError.Collector errors = new ApiError.Collector();
        Entity site = core.bodyRef(body, "site", ResourceKind.SITE, true, errors);
        JsonNode contactField = body.get("contact");
        Entity contact = null;
        boolean inlineContact = contactField != null && contactField.isObject() && !contactField.has("id");
        if (contactField != null && !contactField.isNull() && !inlineContact) {
            contact = core.bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        } else if (inlineContact) {
            ApiError.Collector contactErrors = new ApiError.Collector();
            contacts.validateEmail((ObjectNode) contactField, null, "/contact", contactErrors);
            Contacts.validateContactEnums((ObjectNode) contactField, contactErrors);
            if (!contactErrors.isEmpty()) {
                try {
                    contactErrors.throwIfAny();
                } catch (ApiError e) {
                    e.details().forEach(d -> errors
                            .add(d.pointer().startsWith("/contact") ? d.pointer() : "/contact" + d.pointer(), d.message()));
                }
            }
        }
        ObjectNode order = core.newResource(ResourceKind.ORDER);
        validateOrderFields(body, errors);
        // Counted with the other problems: a 21st key is a 422 like any other field (it was not, when checked late).
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        ArrayNode lineItemBodies = body.has("line_items") && body.get("line_items").isArray()
                ? (ArrayNode) body.get("line_items")
                : Json.array();
        if (body.has("line_items") && !body.get("line_items").isArray()) {
            errors.add("/line_items", "value at `/line_items` must be an array");
        }
        for (int i = 0; i < lineItemBodies.size(); i++) {
            validateLineItem(lineItemBodies.get(i), "/line_items/" + i, errors, true);
        }
        JsonNode finalize = body.get("finalize");
        if (finalize != null && !finalize.isNull()) {
            requireCancelRedirect(finalize, "/finalize", errors);
        }
        errors.throwIfAny();

        if (inlineContact) {
            contact = contacts.createContact((ObjectNode) contactField, "/contact");
        }
        order.set("billing_period", body.has("billing_period") ? body.get("billing_period") : Json.NODES.nullNode());
        order.set("contact", Json.refOrNull(contact == null ? null : contact.id));
        order.set("contract_template", Json.refOrNull(Json.refId(body, "contract_template")));
        order.set("coupon", Json.refOrNull(Json.refId(body, "coupon")));
        ObjectNode notifications = order.putObject("email_notifications");
        JsonNode emails = body.path("emails");
        notifications.put("booking_confirmation", emails.path("booking_confirmation").asBoolean(true));
        notifications.put("move_in_day", emails.path("move_in_day").asBoolean(true));
        order.putArray("line_items");
        order.set("metadata", metadata);
        order.set("payment_method", body.has("payment_method") ? body.get("payment_method") : Json.NODES.nullNode());
        order.putNull("payment_url");
        order.set("purchase_order_number",
                body.has("purchase_order_number") ? body.get("purchase_order_number") : Json.NODES.nullNode());
        order.set("site", Json.ref(site.id));
        order.put("source", "public_api");
        order.set("starts_at", body.has("starts_at") ? body.get("starts_at") : Json.NODES.nullNode());
        order.put("status", "draft");
        order.putNull("subscription");
        order.putNull("tenancy");
        passThrough(order, body, MODELLED_FIELDS);
        Entity entity = store.insert(ResourceKind.ORDER, order);
        for (JsonNode lineItem : lineItemBodies) {
            insertLineItem(entity, (ObjectNode) lineItem);
        }
        recalculate(entity);
        core.emit("order.created", entity);
        if (finalize != null && !finalize.isNull()) {
            try {
                finalizeOrder(entity.id, body);
            } catch (ApiError e) {
                // Create-and-finalize is one request: a failed finalization leaves nothing behind.
                for (Entity lineItem : store.children(ResourceKind.ORDER_LINE_ITEM, entity.id)) {
                    store.remove(lineItem);
                }
                store.remove(entity);
                if (inlineContact && contact != null) {
                    store.remove(contact);
                }
                throw e;
            }
        }
        return entity;
    }

    public Entity updateOrder(String id, ObjectNode body) {
        Entity order = store.require(ResourceKind.ORDER, id);
        requireDraft(order);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("site")) {
            core.bodyRef(body, "site", ResourceKind.SITE, true, errors);
        }
        if (body.has("contact") && !body.get("contact").isNull()) {
            core.bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        }
        if (body.has("line_items")) {
            errors.add("/line_items", "line items are changed through /orders/{order_id}/line_items");
        }
        validateOrderFields(body, errors);
        ObjectNode metadata = mergedMetadata(order.json.get("metadata"), body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = order.json;
        for (String field : List.of("site", "contact", "contract_template", "coupon")) {
            if (body.has(field)) {
                json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        for (String field : List.of("billing_period", "payment_method", "purchase_order_number", "starts_at")) {
            if (body.has(field)) {
                json.set(field, body.get(field));
            }
        }
        if (body.has("emails") && body.get("emails").isObject()) {
            ObjectNode notifications = (ObjectNode) json.get("email_notifications");
            body.get("emails").fields().forEachRemaining(f -> notifications.put(f.getKey(), f.getValue().asBoolean()));
        }
        if (metadata != null) {
            json.set("metadata", metadata);
        }
        passThrough(json, body, MODELLED_FIELDS);
        recalculate(order);
        core.touch(order);
        return order;
    }

    public void deleteOrder(String id) {
        Entity order = store.require(ResourceKind.ORDER, id);
        requireDraft(order);
        for (Entity lineItem : store.children(ResourceKind.ORDER_LINE_ITEM, id)) {
            store.remove(lineItem);
        }
        store.remove(order);
    }

    /** The order if it is ready to be finalized, else 422 with one detail per problem. */
    public Entity validateOrder(String id) {
        Entity order = store.require(ResourceKind.ORDER, id);
        requireDraft(order);
        ApiError.Collector errors = new ApiError.Collector();
        readiness(order, errors);
        errors.throwIfAny();
        return order;
    }

    public Entity finalizeOrder(String id, ObjectNode body) {
        Entity order = store.require(ResourceKind.ORDER, id);
        requireDraft(order);
        ApiError.Collector errors = new ApiError.Collector();
        requireCancelRedirect(body.get("finalize"), "/finalize", errors);
        readiness(order, errors);
        errors.throwIfAny();
        order.json.put("status", "finalized");
        order.json.put("payment_url", core.baseUrl() + "/_simulator/checkout/" + id);
        core.touch(order);
        core.emit("order.finalized", order);
        return order;
    }

    private static void requireCancelRedirect(JsonNode finalize, String pointer, ApiError.Collector errors) {
        JsonNode url = finalize == null ? null : finalize.get("cancel_redirect_url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            errors.add(pointer + "/cancel_redirect_url", "value at `" + pointer + "/cancel_redirect_url` is required");
        }
    }

    private void requireDraft(Entity order) {
        if (!"draft".equals(Json.text(order.json, "status"))) {
            throw ApiError.conflict("The order is " + Json.text(order.json, "status") + "; only draft orders can be changed");
        }
    }

    private void readiness(Entity order, ApiError.Collector errors) {
        if (Json.refId(order.json, "contact") == null) {
            errors.add("/contact", "Contact must exist");
        }
        List<Entity> lineItems = store.children(ResourceKind.ORDER_LINE_ITEM, order.id);
        String billingPeriod = Json.text(order.json, "billing_period");
        boolean hasUnitType = false;
        for (Entity lineItem : lineItems) {
            if ("unit_type".equals(Json.text(lineItem.json, "type"))) {
                hasUnitType = true;
                Entity unitType = store.find(Json.refId(lineItem.json, "item"));
                if (billingPeriod != null && unitType != null && !hasPrice(unitType, billingPeriod)) {
                    errors.add("/billing_period", "Billing period must exist");
                }
            }
        }
        if (!hasUnitType) {
            errors.add("/line_items", "Line items must include at least one unit type line item");
        }
        if (billingPeriod == null) {
            errors.add("/billing_period", "Billing period must exist");
        }
        if (Json.text(order.json, "payment_method") == null) {
            errors.add("/payment_method", "Payment method must exist");
        }
        if (Json.text(order.json, "starts_at") == null) {
            errors.add("/starts_at", "Starts at must exist");
        }
    }

    private static boolean hasPrice(Entity priced, String billingPeriod) {
        for (JsonNode price : priced.json.path("prices")) {
            if (billingPeriod.equals(Json.text(price, "billing_period"))) {
                return true;
            }
        }
        return false;
    }

    private void validateOrderFields(ObjectNode body, ApiError.Collector errors) {
        optionalEnum(body, "billing_period", BILLING_PERIODS, errors);
        optionalEnum(body, "payment_method", PAYMENT_METHODS, errors);
        JsonNode startsAt = body.get("starts_at");
        if (startsAt != null && !startsAt.isNull() && !"now".equals(startsAt.asText())) {
            optionalTime(body, "starts_at", errors);
        }
        if (body.has("coupon") && !body.get("coupon").isNull()) {
            core.bodyRef(body, "coupon", ResourceKind.COUPON, false, errors);
        }
        if (body.has("contract_template") && !body.get("contract_template").isNull()) {
            core.bodyRef(body, "contract_template", ResourceKind.CONTRACT_TEMPLATE, false, errors);
        }
    }

    private void validateLineItem(JsonNode lineItem, String pointer, ApiError.Collector errors, boolean create) {
        if (!lineItem.isObject()) {
            errors.add(pointer, "value at `" + pointer + "` must be an object");
            return;
        }
        String type = Json.text(lineItem, "type");
        if (create) {
            if (type == null || !LINE_ITEM_TYPES.contains(type)) {
                errors.add(pointer + "/type",
                        "value at `" + pointer + "/type` must be one of " + new java.util.TreeSet<>(LINE_ITEM_TYPES));
            }
            String itemId = Json.refId(lineItem, "item");
            if (itemId == null) {
                errors.add(pointer + "/item", "value at `" + pointer + "/item/id` is required");
            } else if (type != null && LINE_ITEM_TYPES.contains(type)) {
                ResourceKind expected = switch (type) {
                    case "protection" -> ResourceKind.PROTECTION_LEVEL;
                    case "product" -> ResourceKind.PRODUCT;
                    default -> ResourceKind.UNIT_TYPE;
                };
                if (store.get(expected, itemId) == null) {
                    errors.add(pointer + "/item/id", expected.singular + " '" + itemId + "' does not exist");
                }
            }
        }
        JsonNode quantity = lineItem.get("quantity");
        if (create && quantity == null || quantity != null && (!quantity.isIntegralNumber() || quantity.asLong() < 1)) {
            errors.add(pointer + "/quantity", "value at `" + pointer + "/quantity` must be an integer >= 1");
        }
        JsonNode amount = lineItem.path("price").get("amount");
        if (create && amount == null
                || lineItem.has("price") && (amount == null || !amount.isIntegralNumber() || amount.asLong() < 0)) {
            errors.add(pointer + "/price/amount", "value at `" + pointer + "/price/amount` must be a non-negative integer");
        }
    }

    private Entity insertLineItem(Entity order, ObjectNode body) {
        ObjectNode json = core.newResource(ResourceKind.ORDER_LINE_ITEM);
        json.set("discount_total", core.money(0));
        json.set("item", Json.ref(Json.refId(body, "item")));
        json.set("price", core.money(body.path("price").path("amount").asLong()));
        json.put("quantity", body.path("quantity").asInt());
        json.set("tax", core.money(0));
        json.set("total", core.money(0));
        json.set("total_excluding_tax", core.money(0));
        json.put("type", Json.text(body, "type"));
        passThrough(json, body,
                Set.of("item", "price", "quantity", "type", "tax", "total", "total_excluding_tax", "discount_total"));
        Entity lineItem = store.insert(ResourceKind.ORDER_LINE_ITEM, json);
        lineItem.parentId = order.id;
        ((ArrayNode) order.json.get("line_items")).add(Json.ref(lineItem.id));
        return lineItem;
    }

    public List<Entity> lineItems(String orderId) {
        store.require(ResourceKind.ORDER, orderId);
        return store.children(ResourceKind.ORDER_LINE_ITEM, orderId);
    }

    public Entity createLineItem(String orderId, ObjectNode body) {
        Entity order = store.require(ResourceKind.ORDER, orderId);
        requireDraft(order);
        ApiError.Collector errors = new ApiError.Collector();
        validateLineItem(body, "", errors, true);
        errors.throwIfAny();
        Entity lineItem = insertLineItem(order, body);
        recalculate(order);
        core.touch(order);
        return lineItem;
    }

    public Entity updateLineItem(String orderId, String lineItemId, ObjectNode body) {
        Entity order = store.require(ResourceKind.ORDER, orderId);
        Entity lineItem = lineItemOf(order, lineItemId);
        requireDraft(order);
        ApiError.Collector errors = new ApiError.Collector();
        validateLineItem(body, "", errors, false);
        errors.throwIfAny();
        if (body.has("quantity")) {
            lineItem.json.put("quantity", body.get("quantity").asInt());
        }
        if (body.has("price")) {
            lineItem.json.set("price", core.money(body.path("price").path("amount").asLong()));
        }
        recalculate(order);
        core.touch(lineItem);
        core.touch(order);
        return lineItem;
    }

    public void deleteLineItem(String orderId, String lineItemId) {
        Entity order = store.require(ResourceKind.ORDER, orderId);
        Entity lineItem = lineItemOf(order, lineItemId);
        requireDraft(order);
        store.remove(lineItem);
        ArrayNode refs = (ArrayNode) order.json.get("line_items");
        for (int i = 0; i < refs.size(); i++) {
            if (lineItemId.equals(Json.text(refs.get(i), "id"))) {
                refs.remove(i);
                break;
            }
        }
        recalculate(order);
        core.touch(order);
    }

    private Entity lineItemOf(Entity order, String lineItemId) {
        Entity lineItem = store.get(ResourceKind.ORDER_LINE_ITEM, lineItemId);
        if (lineItem == null || !order.id.equals(lineItem.parentId)) {
            throw ApiError.notFound("line_item", lineItemId);
        }
        return lineItem;
    }

    boolean isRecurring(Entity lineItem) {
        String type = Json.text(lineItem.json, "type");
        if ("security_deposit".equals(type)) {
            return false;
        }
        if ("product".equals(type)) {
            Entity product = store.find(Json.refId(lineItem.json, "item"));
            return product != null && "recurring".equals(Json.text(product.json, "charge_type"));
        }
        return true;
    }

    /**
     * The order summary of https://docs.stora.co/2025-09/guides/booking-flow: recurring charges in subtotal/total, one-off charges in one_time_total,
     * coupons on recurring lines only, no tax (the simulated operator has no tax configured).
     */
    void recalculate(Entity order) {
        Entity coupon = store.get(ResourceKind.COUPON, Json.refId(order.json, "coupon"));
        long subtotal = 0;
        long oneTime = 0;
        long lineDiscounts = 0;
        for (Entity lineItem : store.children(ResourceKind.ORDER_LINE_ITEM, order.id)) {
            long total = lineItem.json.path("price").path("amount").asLong() * lineItem.json.path("quantity").asLong();
            long discount = 0;
            if (isRecurring(lineItem)) {
                subtotal += total;
                if (coupon != null && "percentage".equals(Json.text(coupon.json, "type")) && couponApplies(coupon, lineItem)) {
                    discount = total * coupon.json.path("percent").asLong() / 100;
                }
            } else {
                oneTime += total;
            }
            lineDiscounts += discount;
            lineItem.json.set("discount_total", core.money(discount));
            lineItem.json.set("tax", core.money(0));
            lineItem.json.set("total", core.money(total));
            lineItem.json.set("total_excluding_tax", core.money(total));
        }
        long discount = lineDiscounts;
        if (coupon != null && "amount".equals(Json.text(coupon.json, "type"))) {
            discount = Math.min(subtotal, coupon.json.path("amount").path("amount").asLong());
        }
        order.json.set("one_time_total", core.money(oneTime));
        order.json.set("one_time_total_excluding_tax", core.money(oneTime));
        order.json.set("subtotal", core.money(subtotal));
        order.json.set("tax", core.money(0));
        order.json.set("total", core.money(subtotal - discount));
        order.json.set("total_discount", core.money(discount));
        order.json.set("total_excluding_tax", core.money(subtotal - discount));
    }

    private boolean couponApplies(Entity coupon, Entity lineItem) {
        JsonNode applies = coupon.json.path("auto_apply_to");
        if (applies.path("subscriptions").asBoolean()) {
            return true;
        }
        return switch (Json.text(lineItem.json, "type")) {
            case "unit_type" -> applies.path("unit_types").asBoolean();
            case "protection" -> applies.path("protections").asBoolean();
            case "product" -> applies.path("products").asBoolean();
            default -> false;
        };
    }
}
