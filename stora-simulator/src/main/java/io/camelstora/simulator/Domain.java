package io.camelstora.simulator;

import static io.camelstora.simulator.Metadata.mergeMetadata;
import static io.camelstora.simulator.Metadata.newMetadata;
import static io.camelstora.simulator.Metadata.validateMetadata;
import static io.camelstora.simulator.RequestFields.optionalEnum;
import static io.camelstora.simulator.RequestFields.optionalTime;
import static io.camelstora.simulator.RequestFields.passThrough;
import static io.camelstora.simulator.RequestFields.requiredString;
import static io.camelstora.simulator.RequestFields.union;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelstora.simulator.Store.Entity;

/**
 * The simulated operator's state and its business rules, shared by the HTTP API and the control API. Every
 * public entry point runs under {@code synchronized (domain)}; events raised during a call are published only when
 * the call succeeds ({@link #commit()}), so a rejected request emits nothing.
 *
 * <p>This is the facade the routes, the control API and the seed call: the rules of each resource live in a class of
 * their own ({@link Contacts}, {@link Units}...), all sharing one {@link DomainCore}. None of them
 * locks anything: the caller's lock on this object guards them all.
 */
final class Domain {

    static final Set<String> BILLING_PERIODS = Set.of("weekly", "monthly", "every_four_weeks", "every_three_months",
            "every_six_months", "yearly");
    static final Set<String> PAYMENT_METHODS = Set.of("card", "bacs_debit", "sepa_debit");
    static final Set<String> LINE_ITEM_TYPES = Set.of("unit_type", "protection", "product", "security_deposit");
    private static final Pattern LOST_REASON = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final SecureRandom SECRETS = new SecureRandom();

    /** Behaviour switches that differ between the simulator and the real API (see the builder). */
    record Settings(boolean allowHttpWebhooks, boolean autoReserveOnPayment) {
    }

    final Store store;
    final SimulatedClock clock;
    private final DomainCore core;
    private final Contacts contacts;
    private final OperatorResources operatorResources;
    private final Billing billing;
    private final Units units;
    private final Tenancies tenancies;

    Domain(Store store, SimulatedClock clock, Webhooks webhooks, Settings settings) {
        this.store = store;
        this.clock = clock;
        this.core = new DomainCore(store, clock, webhooks, settings);
        this.contacts = new Contacts(core);
        this.operatorResources = new OperatorResources(core);
        this.billing = new Billing(core);
        this.units = new Units(core);
        this.tenancies = new Tenancies(core);
    }

    void resetCounters() {
        billing.resetInvoiceNumber();
        core.rollback();
    }

    void baseUrl(String baseUrl) {
        core.baseUrl(baseUrl);
    }

    String baseUrl() {
        return core.baseUrl();
    }

    // ------------------------------------------------------------------ events and rendering (DomainCore)

    void emit(String type, Entity entity) {
        core.emit(type, entity);
    }

    /** Publishes the events of a successful call. */
    void commit() {
        core.commit();
    }

    /** Drops the events of a failed call. */
    void rollback() {
        core.rollback();
    }

    boolean isEndpointEnabled(String endpointId) {
        synchronized (this) {
            Entity endpoint = store.get(ResourceKind.WEBHOOK_ENDPOINT, endpointId);
            return endpoint != null && "enabled".equals(Json.text(endpoint.json, "status"));
        }
    }

    static ArrayNode curies() {
        return DomainCore.curies();
    }

    static boolean isRef(JsonNode value) {
        return DomainCore.isRef(value);
    }

    ObjectNode render(Entity entity) {
        return core.render(entity);
    }

    ObjectNode newResource(ResourceKind kind) {
        return core.newResource(kind);
    }

    ObjectNode money(long amount) {
        return core.money(amount);
    }

    ObjectNode success(String message) {
        ObjectNode body = Json.object();
        body.putObject("success").put("message", message);
        return body;
    }

    // ------------------------------------------------------------------ contacts and identity verifications (Contacts)

    Entity createContact(ObjectNode body, String pointerPrefix) {
        return contacts.createContact(body, pointerPrefix);
    }

    Entity updateContact(String id, ObjectNode body) {
        return contacts.updateContact(id, body);
    }

    void deleteContact(String id) {
        contacts.deleteContact(id);
    }

    Entity createIdentityVerification(String contactId) {
        return contacts.createIdentityVerification(contactId);
    }

    Entity setIdentityVerificationStatus(String id, String status, String errorCode) {
        return contacts.setIdentityVerificationStatus(id, status, errorCode);
    }

    // ------------------------------------------------------------------ base prices and operator-side resources (OperatorResources)

    Entity setBasePrices(ResourceKind kind, String id, ObjectNode body) {
        return operatorResources.setBasePrices(kind, id, body);
    }

    Entity createOperatorResource(ResourceKind kind, ObjectNode fields) {
        return operatorResources.createOperatorResource(kind, fields);
    }

    Entity updateOperatorResource(ResourceKind kind, String id, ObjectNode fields) {
        return operatorResources.updateOperatorResource(kind, id, fields);
    }

    // ------------------------------------------------------------------ orders

    Entity createOrder(ObjectNode body) {
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
                    e.details().forEach(d -> errors.add(d.pointer().startsWith("/contact") ? d.pointer() : "/contact" + d.pointer(), d.message()));
                }
            }
        }
        ObjectNode order = core.newResource(ResourceKind.ORDER);
        validateOrderFields(order, body, errors, true);
        ArrayNode lineItemBodies = body.has("line_items") && body.get("line_items").isArray() ? (ArrayNode) body.get("line_items") : Json.array();
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
        order.set("metadata", newMetadata(body.get("metadata"), errors));
        order.set("payment_method", body.has("payment_method") ? body.get("payment_method") : Json.NODES.nullNode());
        order.putNull("payment_url");
        order.set("purchase_order_number", body.has("purchase_order_number") ? body.get("purchase_order_number") : Json.NODES.nullNode());
        order.set("site", Json.ref(site.id));
        order.put("source", "public_api");
        order.set("starts_at", body.has("starts_at") ? body.get("starts_at") : Json.NODES.nullNode());
        order.put("status", "draft");
        order.putNull("subscription");
        order.putNull("tenancy");
        passThrough(order, body, Set.of("site", "contact", "billing_period", "payment_method", "purchase_order_number",
                "starts_at", "emails", "coupon", "contract_template", "finalize", "metadata", "line_items", "status",
                "payment_url", "source", "subscription", "tenancy", "email_notifications"));
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

    Entity updateOrder(String id, ObjectNode body) {
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
        validateOrderFields(order.json, body, errors, false);
        validateMetadata(body.get("metadata"), true, errors);
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
        mergeMetadata(json, body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(json, body, Set.of("site", "contact", "billing_period", "payment_method", "purchase_order_number",
                "starts_at", "emails", "coupon", "contract_template", "finalize", "metadata", "line_items", "status",
                "payment_url", "source", "subscription", "tenancy", "email_notifications"));
        recalculate(order);
        core.touch(order);
        return order;
    }

    void deleteOrder(String id) {
        Entity order = store.require(ResourceKind.ORDER, id);
        requireDraft(order);
        for (Entity lineItem : store.children(ResourceKind.ORDER_LINE_ITEM, id)) {
            store.remove(lineItem);
        }
        store.remove(order);
    }

    /** The order if it is ready to be finalized, else 422 with one detail per problem. */
    Entity validateOrder(String id) {
        Entity order = store.require(ResourceKind.ORDER, id);
        requireDraft(order);
        ApiError.Collector errors = new ApiError.Collector();
        readiness(order, errors);
        errors.throwIfAny();
        return order;
    }

    Entity finalizeOrder(String id, ObjectNode body) {
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

    private void validateOrderFields(ObjectNode order, ObjectNode body, ApiError.Collector errors, boolean create) {
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
        if (create) {
            validateMetadata(body.get("metadata"), false, errors);
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
                errors.add(pointer + "/type", "value at `" + pointer + "/type` must be one of " + new java.util.TreeSet<>(LINE_ITEM_TYPES));
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
        if (create && amount == null || lineItem.has("price") && (amount == null || !amount.isIntegralNumber() || amount.asLong() < 0)) {
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
        passThrough(json, body, Set.of("item", "price", "quantity", "type", "tax", "total", "total_excluding_tax", "discount_total"));
        Entity lineItem = store.insert(ResourceKind.ORDER_LINE_ITEM, json);
        lineItem.parentId = order.id;
        ((ArrayNode) order.json.get("line_items")).add(Json.ref(lineItem.id));
        return lineItem;
    }

    List<Entity> lineItems(String orderId) {
        store.require(ResourceKind.ORDER, orderId);
        return store.children(ResourceKind.ORDER_LINE_ITEM, orderId);
    }

    Entity createLineItem(String orderId, ObjectNode body) {
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

    Entity updateLineItem(String orderId, String lineItemId, ObjectNode body) {
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

    void deleteLineItem(String orderId, String lineItemId) {
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

    private boolean isRecurring(Entity lineItem) {
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
     * The order summary of booking-flow.md: recurring charges in subtotal/total, one-off charges in one_time_total,
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

    /**
     * Plays the customer's payment on the hosted checkout (booking-flow.md step 5): completes the order and creates
     * the tenancy, subscription, invoices and contract. Units are allocated only with the operator's auto-reservation
     * ({@link Settings#autoReserveOnPayment()}, off by default): allocations-and-access.md, "Orders created via the API
     * do not trigger auto-reservation — your integration controls when and how units are allocated".
     */
    Entity payOrder(String orderId) {
        return payOrder(orderId, core.settings.autoReserveOnPayment());
    }

    /**
     * @param autoReserve whether an available unit of each booked unit type is allocated at once (reserved, or
     *                    occupied for a tenancy that starts now), as auto-reservation does for storefront bookings
     */
    Entity payOrder(String orderId, boolean autoReserve) {
        Entity order = store.require(ResourceKind.ORDER, orderId);
        if (!"finalized".equals(Json.text(order.json, "status"))) {
            throw ApiError.conflict("Only finalized orders can be paid; order " + orderId + " is " + Json.text(order.json, "status"));
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
            if (isRecurring(lineItem)) {
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
            Entity invoice = billing.createInvoice(contact.id, siteId, null, tenancy.id, oneOffInvoiceLines, oneOffTotal, order);
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
        return coupon != null && "amount".equals(Json.text(coupon.json, "type")) ? order.json.path("total_discount").path("amount").asLong() : 0;
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

    // ------------------------------------------------------------------ invoices, contracts, credit notes (Billing)

    Entity finalizeInvoice(String id) {
        return billing.finalizeInvoice(id);
    }

    Entity markInvoicePaid(String id) {
        return billing.markInvoicePaid(id);
    }

    Entity markInvoiceUncollectible(String id) {
        return billing.markInvoiceUncollectible(id);
    }

    Entity voidInvoice(String id) {
        return billing.voidInvoice(id);
    }

    Entity createCreditNote(String invoiceId, long amount, String reason) {
        return billing.createCreditNote(invoiceId, amount, reason);
    }

    Entity createContract(String tenancyId, String templateId) {
        return billing.createContract(tenancyId, templateId);
    }

    Entity signContract(String id) {
        return billing.signContract(id);
    }

    // ------------------------------------------------------------------ units (Units)

    Entity reserveUnit(String unitId, ObjectNode body) {
        return units.reserveUnit(unitId, body);
    }

    Entity grantAccess(String unitId, ObjectNode body) {
        return units.grantAccess(unitId, body);
    }

    Entity deallocateUnit(String unitId) {
        return units.deallocateUnit(unitId);
    }

    List<String> overlock(ObjectNode body, boolean remove) {
        return units.overlock(body, remove);
    }

    Entity setUnitStatus(String unitId, String status) {
        return units.setUnitStatus(unitId, status);
    }

    // ------------------------------------------------------------------ tenancies and subscriptions (Tenancies)

    Entity startTenancy(String id) {
        return tenancies.startTenancy(id);
    }

    List<Entity> moveInDue() {
        return tenancies.moveInDue();
    }

    Entity subscriptionEvent(String id, String event, String reason) {
        return tenancies.subscriptionEvent(id, event, reason);
    }

    // ------------------------------------------------------------------ deals

    Entity createDeal(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String name = requiredString(body, "name", errors);
        core.bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        Entity stage = core.bodyRef(body, "stage", ResourceKind.DEAL_STAGE, false, errors);
        core.bodyRef(body, "site", ResourceKind.SITE, false, errors);
        core.bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        optionalTime(body, "starts_at", errors);
        ArrayNode lineItems = dealLineItems(body, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        if (stage == null) {
            stage = firstStage();
        }
        ObjectNode json = core.newResource(ResourceKind.DEAL);
        json.set("assignee", Json.refOrNull(Json.refId(body, "assignee")));
        json.set("contact", Json.refOrNull(Json.refId(body, "contact")));
        json.set("creator", Json.ref(creatorId));
        json.set("line_items", lineItems == null ? Json.array() : lineItems);
        json.putNull("lost_reason");
        json.set("metadata", metadata);
        json.put("name", name);
        json.set("note", body.has("note") ? body.get("note") : Json.NODES.nullNode());
        json.set("site", Json.refOrNull(Json.refId(body, "site")));
        json.set("stage", Json.refOrNull(stage == null ? null : stage.id));
        json.set("starts_at", body.has("starts_at") ? body.get("starts_at") : Json.NODES.nullNode());
        json.put("status", "open");
        json.set("value_estimate", body.has("value_estimate") ? body.get("value_estimate") : Json.NODES.nullNode());
        passThrough(json, body, Set.of("assignee", "contact", "creator", "line_items", "lost_reason", "metadata", "name",
                "note", "site", "stage", "starts_at", "status", "value_estimate"));
        Entity deal = store.insert(ResourceKind.DEAL, json);
        core.emit("deal.created", deal);
        return deal;
    }

    Entity updateDeal(String id, ObjectNode body) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("name")) {
            requiredString(body, "name", errors);
        }
        core.bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        core.bodyRef(body, "stage", ResourceKind.DEAL_STAGE, false, errors);
        core.bodyRef(body, "site", ResourceKind.SITE, false, errors);
        core.bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        optionalTime(body, "starts_at", errors);
        ArrayNode lineItems = dealLineItems(body, errors);
        validateMetadata(body.get("metadata"), true, errors);
        errors.throwIfAny();
        for (String field : List.of("assignee", "contact", "site", "stage")) {
            if (body.has(field)) {
                deal.json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        if (lineItems != null) {
            deal.json.set("line_items", lineItems);
        }
        mergeMetadata(deal.json, body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(deal.json, body, Set.of("assignee", "contact", "creator", "line_items", "lost_reason", "metadata",
                "site", "stage", "status"));
        core.touch(deal);
        core.emit("deal.updated", deal);
        return deal;
    }

    private ArrayNode dealLineItems(ObjectNode body, ApiError.Collector errors) {
        JsonNode items = body.get("line_items");
        if (items == null) {
            return null;
        }
        if (!items.isArray()) {
            errors.add("/line_items", "value at `/line_items` must be an array");
            return null;
        }
        ArrayNode result = Json.array();
        Set<String> types = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String type = Json.text(item, "type");
            if (type == null || !Set.of("unit_type", "protection", "product").contains(type)) {
                errors.add("/line_items/" + i + "/type", "value at `/line_items/" + i + "/type` must be one of [product, protection, unit_type]");
                continue;
            }
            if (!types.add(type)) {
                errors.add("/line_items/" + i, "At most one item per type is allowed");
            }
            String itemId = Json.refId(item, "item");
            if (itemId == null || store.find(itemId) == null) {
                errors.add("/line_items/" + i + "/item/id", "item '" + itemId + "' does not exist");
                continue;
            }
            ObjectNode line = result.addObject();
            line.set("item", Json.ref(itemId));
            line.put("quantity", item.path("quantity").asInt(1));
            line.put("type", type);
        }
        return result;
    }

    private Entity firstStage() {
        Entity first = null;
        for (Entity stage : store.all(ResourceKind.DEAL_STAGE)) {
            if (first == null || stage.json.path("position").asInt() < first.json.path("position").asInt()) {
                first = stage;
            }
        }
        return first;
    }

    Entity winDeal(String id) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        requireDealStatus(deal, "open");
        deal.json.put("status", "won");
        deal.json.putNull("lost_reason");
        core.touch(deal);
        core.emit("deal.won", deal);
        return deal;
    }

    Entity loseDeal(String id, ObjectNode body) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        JsonNode reason = body.get("lost_reason");
        // The enum is cut off on the stored page after "contract…": any snake_case reason is accepted.
        if (reason == null || !reason.isTextual() || !LOST_REASON.matcher(reason.asText()).matches()) {
            throw ApiError.invalid("/lost_reason", "value at `/lost_reason` is required");
        }
        requireDealStatus(deal, "open");
        deal.json.put("status", "lost");
        deal.json.put("lost_reason", reason.asText());
        core.touch(deal);
        core.emit("deal.lost", deal);
        return deal;
    }

    Entity reopenDeal(String id, ObjectNode body) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        ApiError.Collector errors = new ApiError.Collector();
        Entity stage = core.bodyRef(body, "stage", ResourceKind.DEAL_STAGE, false, errors);
        core.bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        errors.throwIfAny();
        String status = Json.text(deal.json, "status");
        if (!"won".equals(status) && !"lost".equals(status)) {
            throw ApiError.conflict("Only closed deals (won or lost) can be reopened; it is " + status);
        }
        deal.json.put("status", "open");
        deal.json.putNull("lost_reason");
        if (stage != null) {
            deal.json.set("stage", Json.ref(stage.id));
        }
        if (body.has("assignee")) {
            deal.json.set("assignee", Json.refOrNull(Json.refId(body, "assignee")));
        }
        core.touch(deal);
        core.emit("deal.reopened", deal);
        return deal;
    }

    private static void requireDealStatus(Entity deal, String expected) {
        String status = Json.text(deal.json, "status");
        if (!expected.equals(status)) {
            throw ApiError.conflict("The deal is " + status + "; expected " + expected);
        }
    }

    // ------------------------------------------------------------------ tasks

    Entity createTask(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String title = requiredString(body, "title", errors);
        String dueAt = optionalTime(body, "due_at", errors);
        core.bodyRef(body, "site", ResourceKind.SITE, false, errors);
        core.bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        core.anyRef(body, "resource", false, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = core.newResource(ResourceKind.TASK);
        json.set("assignee", Json.refOrNull(Json.refId(body, "assignee")));
        json.putNull("completed_at");
        json.set("creator", Json.ref(creatorId));
        json.set("description", body.has("description") ? body.get("description") : Json.NODES.nullNode());
        json.put("due_at", dueAt);
        json.set("metadata", metadata);
        json.set("resource", Json.refOrNull(Json.refId(body, "resource")));
        json.set("site", Json.refOrNull(Json.refId(body, "site")));
        json.put("status", "open");
        json.put("title", title);
        passThrough(json, body, Set.of("assignee", "completed_at", "creator", "description", "due_at", "metadata",
                "resource", "site", "status", "title"));
        Entity task = store.insert(ResourceKind.TASK, json);
        core.emit("task.created", task);
        return task;
    }

    Entity updateTask(String id, ObjectNode body) {
        Entity task = store.require(ResourceKind.TASK, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("title")) {
            requiredString(body, "title", errors);
        }
        String dueAt = optionalTime(body, "due_at", errors);
        core.bodyRef(body, "site", ResourceKind.SITE, false, errors);
        core.bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        core.anyRef(body, "resource", false, errors);
        validateMetadata(body.get("metadata"), true, errors);
        errors.throwIfAny();
        for (String field : List.of("assignee", "resource", "site")) {
            if (body.has(field)) {
                task.json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        if (body.has("due_at")) {
            task.json.put("due_at", dueAt);
        }
        mergeMetadata(task.json, body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(task.json, body, Set.of("assignee", "completed_at", "creator", "due_at", "metadata", "resource", "site", "status"));
        core.touch(task);
        core.emit("task.updated", task);
        return task;
    }

    Entity completeTask(String id, boolean complete) {
        Entity task = store.require(ResourceKind.TASK, id);
        String status = Json.text(task.json, "status");
        if (complete == "completed".equals(status)) {
            throw ApiError.conflict("The task is already " + status);
        }
        task.json.put("status", complete ? "completed" : "open");
        if (complete) {
            task.json.put("completed_at", Json.time(core.now()));
        } else {
            task.json.putNull("completed_at");
        }
        core.touch(task);
        core.emit(complete ? "task.completed" : "task.reopened", task);
        return task;
    }

    // ------------------------------------------------------------------ notes

    private static final Set<ResourceKind> NOTE_RESOURCES = Set.of(ResourceKind.UNIT, ResourceKind.CONTACT,
            ResourceKind.SUBSCRIPTION, ResourceKind.TASK);

    Entity createNote(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String content = requiredString(body, "content", errors);
        Entity resource = core.anyRef(body, "resource", true, errors);
        if (resource != null && !NOTE_RESOURCES.contains(resource.kind)) {
            errors.add("/resource/id", "notes can be attached to units, contacts, subscriptions or tasks");
        }
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = core.newResource(ResourceKind.NOTE);
        json.put("content", content);
        json.set("creator", Json.ref(creatorId));
        json.set("metadata", metadata);
        json.set("resource", Json.ref(resource.id));
        passThrough(json, body, Set.of("content", "creator", "metadata", "resource"));
        Entity note = store.insert(ResourceKind.NOTE, json);
        core.emit("note.created", note);
        return note;
    }

    Entity updateNote(String id, ObjectNode body) {
        Entity note = store.require(ResourceKind.NOTE, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("content")) {
            requiredString(body, "content", errors);
        }
        Entity resource = body.has("resource") ? core.anyRef(body, "resource", true, errors) : null;
        if (resource != null && !NOTE_RESOURCES.contains(resource.kind)) {
            errors.add("/resource/id", "notes can be attached to units, contacts, subscriptions or tasks");
        }
        validateMetadata(body.get("metadata"), true, errors);
        errors.throwIfAny();
        if (resource != null) {
            note.json.set("resource", Json.ref(resource.id));
        }
        mergeMetadata(note.json, body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(note.json, body, Set.of("creator", "metadata", "resource"));
        core.touch(note);
        core.emit("note.updated", note);
        return note;
    }

    // ------------------------------------------------------------------ timeline events

    private static final List<String> TIMELINE_REFS = List.of("contact", "site", "invoice", "subscription", "tenancy", "unit", "unit_type");

    Entity createTimelineEvent(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        core.bodyRef(body, "source", ResourceKind.TIMELINE_SOURCE, true, errors);
        core.bodyRef(body, "template", ResourceKind.TIMELINE_TEMPLATE, true, errors);
        validateTimelineRefs(body, errors);
        errors.throwIfAny();
        ObjectNode json = core.newResource(ResourceKind.TIMELINE_EVENT);
        json.set("contact", Json.refOrNull(Json.refId(body, "contact")));
        json.set("creator", Json.ref(creatorId));
        json.set("description", body.has("description") ? body.get("description") : Json.NODES.nullNode());
        json.set("external", body.has("external") ? body.get("external") : Json.NODES.nullNode());
        for (String field : TIMELINE_REFS) {
            if (!json.has(field)) {
                json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        json.set("source", Json.ref(Json.refId(body, "source")));
        json.set("template", Json.ref(Json.refId(body, "template")));
        json.set("variables", body.has("variables") ? body.get("variables") : Json.object());
        passThrough(json, body, Set.of("creator"));
        return store.insert(ResourceKind.TIMELINE_EVENT, json);
    }

    Entity updateTimelineEvent(String id, ObjectNode body) {
        Entity event = store.require(ResourceKind.TIMELINE_EVENT, id);
        ApiError.Collector errors = new ApiError.Collector();
        core.bodyRef(body, "source", ResourceKind.TIMELINE_SOURCE, false, errors);
        core.bodyRef(body, "template", ResourceKind.TIMELINE_TEMPLATE, false, errors);
        validateTimelineRefs(body, errors);
        errors.throwIfAny();
        for (String field : union(Set.copyOf(TIMELINE_REFS), Set.of("source", "template"))) {
            if (body.has(field)) {
                event.json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        passThrough(event.json, body, union(Set.copyOf(TIMELINE_REFS), Set.of("source", "template", "creator")));
        core.touch(event);
        return event;
    }

    private void validateTimelineRefs(ObjectNode body, ApiError.Collector errors) {
        core.bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        core.bodyRef(body, "site", ResourceKind.SITE, false, errors);
        core.bodyRef(body, "invoice", ResourceKind.INVOICE, false, errors);
        core.bodyRef(body, "subscription", ResourceKind.SUBSCRIPTION, false, errors);
        core.bodyRef(body, "tenancy", ResourceKind.TENANCY, false, errors);
        core.bodyRef(body, "unit", ResourceKind.UNIT, false, errors);
        core.bodyRef(body, "unit_type", ResourceKind.UNIT_TYPE, false, errors);
    }

    // ------------------------------------------------------------------ webhook endpoints

    Entity createWebhookEndpoint(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String name = requiredString(body, "name", errors);
        String apiVersion = requiredString(body, "api_version", errors);
        if (apiVersion != null && !DomainCore.API_VERSION.equals(apiVersion)) {
            errors.add("/api_version", "value at `/api_version` must be one of [2025-09]");
        }
        validateUrl(body, true, errors);
        validateEventTypes(body, true, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = core.newResource(ResourceKind.WEBHOOK_ENDPOINT);
        json.put("api_version", apiVersion);
        json.set("creator", Json.ref(creatorId));
        json.set("description", body.has("description") ? body.get("description") : Json.NODES.nullNode());
        json.putNull("disabled_at");
        json.set("event_types", body.get("event_types"));
        json.set("metadata", metadata);
        json.put("name", name);
        json.putNull("secret");
        json.put("status", "enabled");
        json.put("url", Json.text(body, "url"));
        passThrough(json, body, Set.of("api_version", "creator", "disabled_at", "event_types", "metadata", "name", "secret", "status", "url"));
        Entity endpoint = store.insert(ResourceKind.WEBHOOK_ENDPOINT, json);
        byte[] secret = new byte[32];
        SECRETS.nextBytes(secret);
        StringBuilder hex = new StringBuilder();
        for (byte b : secret) {
            hex.append(String.format("%02x", b));
        }
        endpoint.secret = hex.toString();
        return endpoint;
    }

    /** The create response is the only place the secret is shown. */
    ObjectNode renderWithSecret(Entity endpoint) {
        ObjectNode json = core.render(endpoint);
        json.put("secret", endpoint.secret);
        return json;
    }

    String endpointSecret(String endpointId) {
        return store.require(ResourceKind.WEBHOOK_ENDPOINT, endpointId).secret;
    }

    Entity updateWebhookEndpoint(String id, ObjectNode body) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("name")) {
            requiredString(body, "name", errors);
        }
        if (body.has("api_version") && !DomainCore.API_VERSION.equals(Json.text(body, "api_version"))) {
            errors.add("/api_version", "value at `/api_version` must be one of [2025-09]");
        }
        validateUrl(body, false, errors);
        validateEventTypes(body, false, errors);
        validateMetadata(body.get("metadata"), true, errors);
        errors.throwIfAny();
        mergeMetadata(endpoint.json, body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(endpoint.json, body, Set.of("creator", "disabled_at", "metadata", "secret", "status"));
        core.touch(endpoint);
        return endpoint;
    }

    void deleteWebhookEndpoint(String id) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        store.remove(endpoint);
        core.webhooks.cancelPending(id);
    }

    Entity setWebhookEndpointEnabled(String id, boolean enabled) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        boolean wasEnabled = "enabled".equals(Json.text(endpoint.json, "status"));
        if (wasEnabled != enabled) {
            endpoint.json.put("status", enabled ? "enabled" : "disabled");
            if (enabled) {
                endpoint.json.putNull("disabled_at");
            } else {
                endpoint.json.put("disabled_at", Json.time(core.now()));
                core.webhooks.cancelPending(id);
            }
            core.touch(endpoint);
        }
        return endpoint;
    }

    private void validateUrl(ObjectNode body, boolean required, ApiError.Collector errors) {
        JsonNode url = body.get("url");
        if (url == null || url.isNull()) {
            if (required) {
                errors.add("/url", "value at `/url` is required");
            }
            return;
        }
        String text = url.asText();
        boolean https = text.startsWith("https://");
        boolean http = text.startsWith("http://") && core.settings.allowHttpWebhooks();
        boolean parses;
        try {
            parses = URI.create(text).getHost() != null;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        if (!(https || http) || !parses) {
            errors.add("/url", "value at `/url` does not match pattern ^https://");
        }
    }

    private static void validateEventTypes(ObjectNode body, boolean required, ApiError.Collector errors) {
        JsonNode types = body.get("event_types");
        if (types == null || types.isNull()) {
            if (required) {
                errors.add("/event_types", "value at `/event_types` is required");
            }
            return;
        }
        if (!types.isArray() || types.isEmpty()) {
            errors.add("/event_types", "value at `/event_types` must be a non-empty array");
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!WebhookEventTypes.SET.contains(types.get(i).asText())) {
                errors.add("/event_types/" + i, "`" + types.get(i).asText() + "` is not a webhook event type");
            }
        }
    }
}
