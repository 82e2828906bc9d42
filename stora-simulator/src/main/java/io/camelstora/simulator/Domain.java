package io.camelstora.simulator;

import static io.camelstora.simulator.Metadata.mergeMetadata;
import static io.camelstora.simulator.Metadata.newMetadata;
import static io.camelstora.simulator.Metadata.validateMetadata;
import static io.camelstora.simulator.RequestFields.optionalTime;
import static io.camelstora.simulator.RequestFields.passThrough;
import static io.camelstora.simulator.RequestFields.requiredString;
import static io.camelstora.simulator.RequestFields.union;

import java.net.URI;
import java.security.SecureRandom;
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
 * their own ({@link Contacts}, {@link Orders}, {@link Units}...), all sharing one {@link DomainCore}. None of them
 * locks anything: the caller's lock on this object guards them all.
 */
final class Domain {

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
    private final Orders orders;
    private final Checkout checkout;
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
        this.orders = new Orders(core, contacts);
        this.checkout = new Checkout(core, orders, units, billing);
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

    // ------------------------------------------------------------------ orders (Orders)

    Entity createOrder(ObjectNode body) {
        return orders.createOrder(body);
    }

    Entity updateOrder(String id, ObjectNode body) {
        return orders.updateOrder(id, body);
    }

    void deleteOrder(String id) {
        orders.deleteOrder(id);
    }

    Entity validateOrder(String id) {
        return orders.validateOrder(id);
    }

    Entity finalizeOrder(String id, ObjectNode body) {
        return orders.finalizeOrder(id, body);
    }

    List<Entity> lineItems(String orderId) {
        return orders.lineItems(orderId);
    }

    Entity createLineItem(String orderId, ObjectNode body) {
        return orders.createLineItem(orderId, body);
    }

    Entity updateLineItem(String orderId, String lineItemId, ObjectNode body) {
        return orders.updateLineItem(orderId, lineItemId, body);
    }

    void deleteLineItem(String orderId, String lineItemId) {
        orders.deleteLineItem(orderId, lineItemId);
    }

    // ------------------------------------------------------------------ checkout (Checkout)

    Entity payOrder(String orderId) {
        return checkout.payOrder(orderId);
    }

    Entity payOrder(String orderId, boolean autoReserve) {
        return checkout.payOrder(orderId, autoReserve);
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
