package io.camelstora.simulator;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelstora.simulator.Store.Entity;

/**
 * The simulated operator's state and its business rules, shared by the HTTP API and the control API. Every
 * public entry point runs under {@code synchronized (domain)}; events raised during a call are published only when
 * the call succeeds ({@link #commit()}), so a rejected request emits nothing.
 */
final class Domain {

    static final String API_VERSION = "2025-09";
    static final String CURRENCY = "GBP";

    static final Set<String> CONTACT_TYPES = Set.of("domestic", "company", "student", "charity", "local_authority");
    static final Set<String> CONTACT_SOURCES = Set.of("pre_open", "incomplete_booking", "registered_interest", "price_interest",
            "quotation_request", "booking", "popup", "external_enquiry", "phone", "walkin", "import", "other");
    static final Set<String> MARKETING_SOURCES = Set.of("used_before", "recommendation", "received_leaflet", "seen_building_signs",
            "seen_advert", "facebook_marketplace", "google_search", "other_online_search", "social_media", "email", "radio", "other");
    static final Set<String> USE_CASES = Set.of("business_needs", "moving_home", "more_space", "refurb", "travelling", "other");
    static final Set<String> BILLING_PERIODS = Set.of("weekly", "monthly", "every_four_weeks", "every_three_months",
            "every_six_months", "yearly");
    static final Set<String> PAYMENT_METHODS = Set.of("card", "bacs_debit", "sepa_debit");
    static final Set<String> LINE_ITEM_TYPES = Set.of("unit_type", "protection", "product", "security_deposit");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern METADATA_KEY = Pattern.compile("^[a-z0-9._:-]+$");
    private static final Pattern LOST_REASON = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final SecureRandom SECRETS = new SecureRandom();

    /** Behaviour switches that differ between the simulator and the real API (see the builder). */
    record Settings(boolean allowHttpWebhooks, boolean autoReserveOnPayment) {
    }

    private record PendingEvent(WebhookEvent event, List<Webhooks.Target> targets) {
    }

    final Store store;
    final SimulatedClock clock;
    private final Webhooks webhooks;
    private final Settings settings;
    private final List<PendingEvent> pending = new ArrayList<>();
    private volatile String baseUrl = "http://localhost";
    private long invoiceNumber = 1000;

    Domain(Store store, SimulatedClock clock, Webhooks webhooks, Settings settings) {
        this.store = store;
        this.clock = clock;
        this.webhooks = webhooks;
        this.settings = settings;
    }

    void resetCounters() {
        invoiceNumber = 1000;
        pending.clear();
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    // ------------------------------------------------------------------ events

    void emit(String type, Entity entity) {
        if (!WebhookEventTypes.SET.contains(type)) {
            throw new IllegalArgumentException("Unknown webhook event type: " + type);
        }
        ObjectNode envelope = Json.object();
        ObjectNode event = envelope.putObject("event");
        String id = "evt_" + String.format("%016x", ThreadLocalRandom.current().nextLong());
        Instant now = clock.nowSeconds();
        event.put("id", id);
        event.put("type", type);
        event.put("api_version", API_VERSION);
        event.put("created_at", Json.time(now));
        event.putObject("data").set(entity.kind.webhookKey(), renderEmbedded(entity));
        // The event pages (both generations) carry the CURIEs inside the event.
        event.putObject("meta").set("curies", curies());
        List<Webhooks.Target> targets = new ArrayList<>();
        for (Entity endpoint : store.all(ResourceKind.WEBHOOK_ENDPOINT)) {
            if ("enabled".equals(Json.text(endpoint.json, "status")) && contains(endpoint.json.get("event_types"), type)) {
                targets.add(new Webhooks.Target(endpoint.id, Json.text(endpoint.json, "url"), endpoint.secret));
            }
        }
        pending.add(new PendingEvent(new WebhookEvent(id, type, now, entity.id, Json.string(envelope)), targets));
    }

    /** Publishes the events of a successful call. */
    void commit() {
        List<PendingEvent> events = new ArrayList<>(pending);
        pending.clear();
        for (PendingEvent event : events) {
            webhooks.publish(event.event(), event.targets());
        }
    }

    /** Drops the events of a failed call. */
    void rollback() {
        pending.clear();
    }

    boolean isEndpointEnabled(String endpointId) {
        synchronized (this) {
            Entity endpoint = store.get(ResourceKind.WEBHOOK_ENDPOINT, endpointId);
            return endpoint != null && "enabled".equals(Json.text(endpoint.json, "status"));
        }
    }

    // ------------------------------------------------------------------ rendering

    static ArrayNode curies() {
        ArrayNode curies = Json.array();
        ObjectNode bo = curies.addObject();
        bo.put("name", "bo");
        bo.put("href", "https://app.stora.test{rel}");
        bo.put("templated", true);
        bo.put("title", "Backoffice");
        ObjectNode sf = curies.addObject();
        sf.put("name", "sf");
        sf.put("href", "https://acme.stora.test{rel}");
        sf.put("templated", true);
        sf.put("title", "Storefront");
        return curies;
    }

    /** The resource as the API shows it (a copy: callers may expand it). */
    ObjectNode render(Entity entity) {
        return entity.json.deepCopy();
    }

    /** As in the webhook event pages: first-level references embedded as full objects. */
    ObjectNode renderEmbedded(Entity entity) {
        ObjectNode json = render(entity);
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (isRef(value)) {
                Entity related = store.find(value.get("id").asText());
                if (related != null) {
                    field.setValue(render(related));
                }
            }
        }
        return json;
    }

    static boolean isRef(JsonNode value) {
        return value != null && value.isObject() && value.size() == 1 && value.has("id") && value.get("id").isTextual();
    }

    // ------------------------------------------------------------------ shared helpers

    Instant now() {
        return clock.nowSeconds();
    }

    ObjectNode newResource(ResourceKind kind) {
        ObjectNode json = Json.object();
        json.put("id", store.newId(kind));
        String now = Json.time(now());
        json.put("created_at", now);
        json.put("updated_at", now);
        return json;
    }

    /**
     * Marks a modification. {@code updated_at} has one-second precision like every documented timestamp, so two
     * changes within a second move it a second ahead: it must change on every modification.
     */
    void touch(Entity entity) {
        Instant now = now();
        JsonNode previous = entity.json.get("updated_at");
        if (previous != null && previous.isTextual()) {
            Instant before = Instant.parse(previous.asText());
            if (!now.isAfter(before)) {
                now = before.plusSeconds(1);
            }
        }
        entity.json.put("updated_at", Json.time(now));
    }

    ObjectNode money(long amount) {
        return Json.money(amount, CURRENCY);
    }

    static ObjectNode body(JsonNode body) {
        return body != null && body.isObject() ? (ObjectNode) body : Json.object();
    }

    static boolean contains(JsonNode array, String value) {
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (value.equals(item.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies the fields the simulator does not model (the reference pages are incomplete) so they are echoed back. */
    static void passThrough(ObjectNode target, ObjectNode body, Set<String> handled) {
        body.fields().forEachRemaining(field -> {
            if (!handled.contains(field.getKey()) && !Set.of("id", "created_at", "updated_at").contains(field.getKey())) {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    /** A body reference {@code {"id": ...}} to an existing resource of the kind, or a 422 naming the field. */
    Entity bodyRef(ObjectNode body, String field, ResourceKind kind, boolean required, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add("/" + field, "value at `/" + field + "` is required");
            }
            return null;
        }
        String id = value.isObject() ? Json.text(value, "id") : null;
        if (id == null) {
            errors.add("/" + field, "value at `/" + field + "` must be an object with an `id`");
            return null;
        }
        Entity entity = store.get(kind, id);
        if (entity == null) {
            errors.add("/" + field + "/id", kind.singular + " '" + id + "' does not exist");
        }
        return entity;
    }

    static String optionalEnum(ObjectNode body, String field, Set<String> allowed, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            errors.add("/" + field, "value at `/" + field + "` must be one of " + new java.util.TreeSet<>(allowed));
            return null;
        }
        return value.asText();
    }

    static String optionalTime(ObjectNode body, String field, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Json.time(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            errors.add("/" + field, "value at `/" + field + "` does not match format: date-time");
            return null;
        }
    }

    static String requiredString(ObjectNode body, String field, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            errors.add("/" + field, "value at `/" + field + "` is required");
            return null;
        }
        return value.asText();
    }

    /** metadata.md: at most 20 keys, key charset [a-z0-9._:-] up to 40 characters, string values up to 500. */
    static void validateMetadata(JsonNode metadata, boolean allowNullValues, ApiError.Collector errors) {
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            errors.add("/metadata", "value at `/metadata` must be an object");
            return;
        }
        metadata.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String pointer = "/metadata/" + key.replace("~", "~0").replace("/", "~1");
            if (key.length() > 40) {
                errors.add(pointer, "metadata key `" + key + "` is longer than 40 characters");
            } else if (!METADATA_KEY.matcher(key).matches()) {
                errors.add(pointer, "metadata key `" + key + "` may only contain lowercase letters, digits, `.`, `_`, `:` and `-`");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (!allowNullValues) {
                    errors.add(pointer, "metadata value for `" + key + "` must be a string");
                }
            } else if (!value.isTextual()) {
                errors.add(pointer, "metadata value for `" + key + "` must be a string");
            } else if (value.asText().length() > 500) {
                errors.add(pointer, "metadata value for `" + key + "` is longer than 500 characters");
            }
        });
    }

    /** Merge-patch semantics of metadata.md; {@code {}} clears everything, as the guide says. */
    static void mergeMetadata(ObjectNode target, JsonNode patch, ApiError.Collector errors) {
        if (patch == null) {
            return;
        }
        ObjectNode merged = target.has("metadata") && target.get("metadata").isObject()
                ? (ObjectNode) target.get("metadata").deepCopy() : Json.object();
        if (patch.isNull() || patch.isObject() && patch.isEmpty()) {
            merged.removeAll();
        } else {
            patch.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    merged.remove(field.getKey());
                } else {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        if (merged.size() > 20) {
            errors.add("/metadata", "metadata can have at most 20 keys");
        }
        target.set("metadata", merged);
    }

    static ObjectNode newMetadata(JsonNode metadata, ApiError.Collector errors) {
        validateMetadata(metadata, false, errors);
        ObjectNode result = metadata != null && metadata.isObject() ? metadata.deepCopy() : Json.object();
        if (result.size() > 20) {
            errors.add("/metadata", "metadata can have at most 20 keys");
        }
        return result;
    }

    ObjectNode success(String message) {
        ObjectNode body = Json.object();
        body.putObject("success").put("message", message);
        return body;
    }

    // ------------------------------------------------------------------ contacts

    Entity createContact(ObjectNode body, String pointerPrefix) {
        ApiError.Collector errors = new ApiError.Collector();
        String email = validateEmail(body, null, pointerPrefix, errors);
        validateContactEnums(body, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = newResource(ResourceKind.CONTACT);
        json.putNull("address");
        json.putNull("company_registration_number");
        json.put("email", email);
        json.putNull("full_name");
        ObjectNode check = json.putObject("identity_check");
        check.put("required", false);
        check.put("status", "not_attempted");
        json.putNull("marketing_source");
        json.set("metadata", metadata);
        json.putNull("phone_number");
        json.putNull("source");
        json.put("status", "lead");
        json.putNull("stripe_customer_id");
        json.putNull("tax_id");
        json.put("tenancies_count", 0);
        json.putNull("type");
        json.putNull("use_case");
        passThrough(json, body, Set.of("email", "metadata", "status", "tenancies_count", "stripe_customer_id", "identity_check"));
        Entity contact = store.insert(ResourceKind.CONTACT, json);
        emit("contact.created", contact);
        return contact;
    }

    Entity updateContact(String id, ObjectNode body) {
        Entity contact = store.require(ResourceKind.CONTACT, id);
        ApiError.Collector errors = new ApiError.Collector();
        String oldEmail = Json.text(contact.json, "email");
        String email = body.has("email") ? validateEmail(body, id, "", errors) : oldEmail;
        validateContactEnums(body, errors);
        validateMetadata(body.get("metadata"), true, errors);
        errors.throwIfAny();
        ObjectNode updated = contact.json.deepCopy();
        passThrough(updated, body, Set.of("metadata", "status", "tenancies_count", "stripe_customer_id", "identity_check"));
        mergeMetadata(updated, body.get("metadata"), errors);
        errors.throwIfAny();
        contact.json.setAll(updated);
        store.indexEmail(oldEmail, email, id);
        touch(contact);
        emit("contact.updated", contact);
        return contact;
    }

    void deleteContact(String id) {
        Entity contact = store.require(ResourceKind.CONTACT, id);
        if (contact.json.path("tenancies_count").asInt() > 0) {
            throw ApiError.conflict("A contact with tenancies cannot be deleted");
        }
        store.remove(contact);
    }

    private String validateEmail(ObjectNode body, String selfId, String pointerPrefix, ApiError.Collector errors) {
        String pointer = pointerPrefix + "/email";
        JsonNode value = body.get("email");
        if (value == null || value.isNull() || value.asText().isBlank()) {
            errors.add(pointer, "value at `" + pointer + "` is required");
            return null;
        }
        String email = value.asText().trim();
        if (!value.isTextual() || !EMAIL.matcher(email).matches()) {
            errors.add(pointer, "value at `" + pointer + "` does not match format: email");
            return null;
        }
        String existing = store.contactIdByEmail(email);
        if (existing != null && !existing.equals(selfId)) {
            errors.add(pointer, "value at `" + pointer + "` has already been taken");
        }
        return email;
    }

    private static void validateContactEnums(ObjectNode body, ApiError.Collector errors) {
        optionalEnum(body, "type", CONTACT_TYPES, errors);
        optionalEnum(body, "source", CONTACT_SOURCES, errors);
        optionalEnum(body, "marketing_source", MARKETING_SOURCES, errors);
        optionalEnum(body, "use_case", USE_CASES, errors);
    }

    // ------------------------------------------------------------------ base prices

    Entity setBasePrices(ResourceKind kind, String id, ObjectNode body) {
        Entity entity = store.require(kind, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.isEmpty()) {
            errors.add("", "at least one billing period price is required");
        }
        Set<String> periods = kind == ResourceKind.PRODUCT ? union(BILLING_PERIODS, Set.of("one_time")) : BILLING_PERIODS;
        body.fields().forEachRemaining(field -> {
            if (!periods.contains(field.getKey())) {
                errors.add("/" + field.getKey(), "`" + field.getKey() + "` is not a billing period; expected one of " + new java.util.TreeSet<>(periods));
            } else if (!field.getValue().path("amount").canConvertToLong() || !field.getValue().path("amount").isIntegralNumber()
                    || field.getValue().path("amount").asLong() < 0) {
                errors.add("/" + field.getKey() + "/amount", "value at `/" + field.getKey() + "/amount` must be a non-negative integer");
            }
        });
        errors.throwIfAny();
        ArrayNode prices = entity.json.has("prices") && entity.json.get("prices").isArray()
                ? (ArrayNode) entity.json.get("prices") : entity.json.putArray("prices");
        body.fields().forEachRemaining(field -> {
            ObjectNode price = null;
            for (JsonNode existing : prices) {
                if (field.getKey().equals(Json.text(existing, "billing_period"))) {
                    price = (ObjectNode) existing;
                }
            }
            if (price == null) {
                price = prices.addObject();
                price.put("billing_period", field.getKey());
            }
            price.set("price", money(field.getValue().get("amount").asLong()));
            price.put("stripe_price_id", stripeId("price_"));
        });
        touch(entity);
        if (kind == ResourceKind.UNIT_TYPE) {
            emit("unit_type.updated", entity);
        } else if (kind == ResourceKind.PROTECTION_LEVEL) {
            emit("protection_level.updated", entity);
        }
        return entity;
    }

    static String stripeId(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> union = new java.util.HashSet<>(a);
        union.addAll(b);
        return union;
    }

    // ------------------------------------------------------------------ orders

    Entity createOrder(ObjectNode body) {
        ApiError.Collector errors = new ApiError.Collector();
        Entity site = bodyRef(body, "site", ResourceKind.SITE, true, errors);
        JsonNode contactField = body.get("contact");
        Entity contact = null;
        boolean inlineContact = contactField != null && contactField.isObject() && !contactField.has("id");
        if (contactField != null && !contactField.isNull() && !inlineContact) {
            contact = bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        } else if (inlineContact) {
            ApiError.Collector contactErrors = new ApiError.Collector();
            validateEmail((ObjectNode) contactField, null, "/contact", contactErrors);
            validateContactEnums((ObjectNode) contactField, contactErrors);
            if (!contactErrors.isEmpty()) {
                try {
                    contactErrors.throwIfAny();
                } catch (ApiError e) {
                    e.details().forEach(d -> errors.add(d.pointer().startsWith("/contact") ? d.pointer() : "/contact" + d.pointer(), d.message()));
                }
            }
        }
        ObjectNode order = newResource(ResourceKind.ORDER);
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
            contact = createContact((ObjectNode) contactField, "/contact");
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
        emit("order.created", entity);
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
            bodyRef(body, "site", ResourceKind.SITE, true, errors);
        }
        if (body.has("contact") && !body.get("contact").isNull()) {
            bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
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
        touch(order);
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
        order.json.put("payment_url", baseUrl + "/_simulator/checkout/" + id);
        touch(order);
        emit("order.finalized", order);
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
            bodyRef(body, "coupon", ResourceKind.COUPON, false, errors);
        }
        if (body.has("contract_template") && !body.get("contract_template").isNull()) {
            bodyRef(body, "contract_template", ResourceKind.CONTRACT_TEMPLATE, false, errors);
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
        ObjectNode json = newResource(ResourceKind.ORDER_LINE_ITEM);
        json.set("discount_total", money(0));
        json.set("item", Json.ref(Json.refId(body, "item")));
        json.set("price", money(body.path("price").path("amount").asLong()));
        json.put("quantity", body.path("quantity").asInt());
        json.set("tax", money(0));
        json.set("total", money(0));
        json.set("total_excluding_tax", money(0));
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
        touch(order);
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
            lineItem.json.set("price", money(body.path("price").path("amount").asLong()));
        }
        recalculate(order);
        touch(lineItem);
        touch(order);
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
        touch(order);
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
            lineItem.json.set("discount_total", money(discount));
            lineItem.json.set("tax", money(0));
            lineItem.json.set("total", money(total));
            lineItem.json.set("total_excluding_tax", money(total));
        }
        long discount = lineDiscounts;
        if (coupon != null && "amount".equals(Json.text(coupon.json, "type"))) {
            discount = Math.min(subtotal, coupon.json.path("amount").path("amount").asLong());
        }
        order.json.set("one_time_total", money(oneTime));
        order.json.set("one_time_total_excluding_tax", money(oneTime));
        order.json.set("subtotal", money(subtotal));
        order.json.set("tax", money(0));
        order.json.set("total", money(subtotal - discount));
        order.json.set("total_discount", money(discount));
        order.json.set("total_excluding_tax", money(subtotal - discount));
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
        return payOrder(orderId, settings.autoReserveOnPayment());
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
        Instant startsAt = startsAtText == null || "now".equals(startsAtText) ? now() : Instant.parse(startsAtText);
        List<Entity> lineItems = store.children(ResourceKind.ORDER_LINE_ITEM, orderId);

        ObjectNode tenancyJson = newResource(ResourceKind.TENANCY);
        tenancyJson.set("contact", Json.ref(contact.id));
        tenancyJson.putNull("ends_at");
        tenancyJson.set("order", Json.ref(orderId));
        tenancyJson.set("site", Json.ref(siteId));
        tenancyJson.put("starts_at", Json.time(startsAt));
        tenancyJson.putNull("subscription");
        tenancyJson.putArray("unit_allocations");
        Entity tenancy = store.insert(ResourceKind.TENANCY, tenancyJson);

        ObjectNode subscriptionJson = newResource(ResourceKind.SUBSCRIPTION);
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
                line.put("created_at", Json.time(now()));
                line.set("item", lineItem.json.get("item").deepCopy());
                line.set("price", lineItem.json.get("price").deepCopy());
                line.put("quantity", lineItem.json.path("quantity").asInt());
                String type = Json.text(lineItem.json, "type");
                // The Subscription example shows product lines as custom_product.
                line.put("type", "product".equals(type) ? "custom_product" : type);
                line.put("updated_at", Json.time(now()));
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
        touch(order);
        contact.json.put("status", "customer");
        contact.json.put("tenancies_count", contact.json.path("tenancies_count").asInt() + 1);
        touch(contact);

        emit("order.completed", order);
        emit("contact.updated", contact);
        emit("tenancy.created", tenancy);
        emit("subscription.created", subscription);

        boolean started = !startsAt.isAfter(now());
        if (autoReserve) {
            for (Entity lineItem : lineItems) {
                if (!"unit_type".equals(Json.text(lineItem.json, "type"))) {
                    continue;
                }
                for (int i = 0; i < lineItem.json.path("quantity").asInt(); i++) {
                    Entity unit = firstAvailableUnit(siteId, Json.refId(lineItem.json, "item"));
                    // As on the real API: if the type sold out meanwhile, the tenancy has no allocation.
                    if (unit != null) {
                        allocate(unit, tenancy, started);
                    }
                }
            }
        }
        if (!oneOffInvoiceLines.isEmpty()) {
            Entity invoice = createInvoice(contact.id, siteId, null, tenancy.id, oneOffInvoiceLines, oneOffTotal, order);
            finalizeInvoice(invoice.id);
        }
        if (!recurringInvoiceLines.isEmpty()) {
            Entity invoice = createInvoice(contact.id, siteId, subscription.id, tenancy.id, recurringInvoiceLines,
                    Math.max(0, recurringTotal - amountCouponDiscount(order)), order);
            finalizeInvoice(invoice.id);
        }
        String templateId = Json.refId(order.json, "contract_template");
        if (templateId != null) {
            createContract(tenancy.id, templateId);
        }
        if (started) {
            tenancy.started = true;
            emit("tenancy.started", tenancy);
            emit("subscription.started", subscription);
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
        line.set("tax", money(0));
        line.set("total", lineItem.json.get("total").deepCopy());
        line.set("total_excluding_tax", lineItem.json.get("total").deepCopy());
        line.put("type", Json.text(lineItem.json, "type"));
        return line;
    }

    Entity createInvoice(String contactId, String siteId, String subscriptionId, String tenancyId, ArrayNode lines, long total,
            Entity order) {
        ObjectNode json = newResource(ResourceKind.INVOICE);
        json.set("amount_due", money(total));
        json.set("amount_paid", money(0));
        json.set("contact", Json.ref(contactId));
        json.putNull("finalized_at");
        json.set("line_items", lines);
        json.put("number", "SIM-" + (++invoiceNumber));
        json.putNull("paid_at");
        json.putNull("period_end");
        json.put("period_start", Json.time(now()));
        json.set("post_payment_credit_notes_amount", money(0));
        json.set("pre_payment_credit_notes_amount", money(0));
        json.set("purchase_order_number", order == null ? Json.NODES.nullNode() : order.json.get("purchase_order_number"));
        json.set("site", Json.ref(siteId));
        json.put("status", "draft");
        json.set("subscription", Json.refOrNull(subscriptionId));
        long subtotal = 0;
        for (JsonNode line : lines) {
            subtotal += line.path("total").path("amount").asLong();
        }
        json.set("subtotal", money(subtotal));
        json.set("tax", money(0));
        json.set("tenancy", Json.refOrNull(tenancyId));
        json.set("total", money(total));
        json.putNull("voided_at");
        Entity invoice = store.insert(ResourceKind.INVOICE, json);
        emit("invoice.created", invoice);
        return invoice;
    }

    // ------------------------------------------------------------------ invoices, contracts, credit notes (control)

    Entity finalizeInvoice(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "draft");
        invoice.json.put("status", "open");
        invoice.json.put("finalized_at", Json.time(now()));
        touch(invoice);
        emit("invoice.finalized", invoice);
        return invoice;
    }

    Entity markInvoicePaid(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "open", "uncollectible");
        invoice.json.set("amount_paid", invoice.json.get("amount_due").deepCopy());
        invoice.json.set("amount_due", money(0));
        invoice.json.put("status", "paid");
        invoice.json.put("paid_at", Json.time(now()));
        touch(invoice);
        emit("invoice.paid", invoice);
        emit("invoice.updated", invoice);
        return invoice;
    }

    Entity markInvoiceUncollectible(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "open");
        invoice.json.put("status", "uncollectible");
        touch(invoice);
        emit("invoice.marked_uncollectible", invoice);
        emit("invoice.updated", invoice);
        return invoice;
    }

    Entity voidInvoice(String id) {
        Entity invoice = store.require(ResourceKind.INVOICE, id);
        requireInvoiceStatus(invoice, "draft", "open", "uncollectible");
        invoice.json.put("status", "void");
        invoice.json.put("voided_at", Json.time(now()));
        touch(invoice);
        emit("invoice.updated", invoice);
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

    Entity createCreditNote(String invoiceId, long amount, String reason) {
        Entity invoice = store.require(ResourceKind.INVOICE, invoiceId);
        ObjectNode json = newResource(ResourceKind.CREDIT_NOTE);
        json.set("contact", invoice.json.get("contact").deepCopy());
        json.set("invoice", Json.ref(invoiceId));
        ArrayNode lines = json.putArray("line_items");
        ObjectNode line = lines.addObject();
        line.set("amount", money(amount));
        line.put("description", "Credit for invoice " + Json.text(invoice.json, "number"));
        line.set("discount_total", money(0));
        line.set("price", money(amount));
        line.put("quantity", 1);
        line.set("tax", money(0));
        line.put("type", "invoice_line_item");
        json.put("number", Json.text(invoice.json, "number") + "-CN-" + (store.count(ResourceKind.CREDIT_NOTE) + 1));
        json.put("reason", reason == null ? "other" : reason);
        json.set("site", invoice.json.get("site").deepCopy());
        json.put("status", "issued");
        json.set("subtotal", money(amount));
        json.set("total", money(amount));
        boolean paid = "paid".equals(Json.text(invoice.json, "status"));
        json.put("type", paid ? "post_payment" : "pre_payment");
        Entity creditNote = store.insert(ResourceKind.CREDIT_NOTE, json);
        String field = paid ? "post_payment_credit_notes_amount" : "pre_payment_credit_notes_amount";
        invoice.json.set(field, money(invoice.json.path(field).path("amount").asLong() + amount));
        touch(invoice);
        emit("credit_note.created", creditNote);
        emit("invoice.updated", invoice);
        return creditNote;
    }

    Entity createContract(String tenancyId, String templateId) {
        Entity tenancy = store.require(ResourceKind.TENANCY, tenancyId);
        Entity template = store.require(ResourceKind.CONTRACT_TEMPLATE, templateId);
        ObjectNode json = newResource(ResourceKind.CONTRACT);
        String id = json.get("id").asText();
        ObjectNode links = json.putObject("_links");
        ObjectNode show = links.putObject("sf:show_contract");
        show.put("href", "/contracts/" + id);
        show.put("title", "Show contract");
        json.set("contact", tenancy.json.get("contact").deepCopy());
        json.set("contract_template", Json.ref(templateId));
        json.put("name", Json.text(template.json, "name"));
        json.put("sent_at", Json.time(now()));
        json.putNull("signed_at");
        json.put("status", "pending");
        json.set("tenancy", Json.ref(tenancyId));
        Entity contract = store.insert(ResourceKind.CONTRACT, json);
        emit("contract.created", contract);
        return contract;
    }

    Entity signContract(String id) {
        Entity contract = store.require(ResourceKind.CONTRACT, id);
        if (!"pending".equals(Json.text(contract.json, "status"))) {
            throw ApiError.conflict("Contract " + id + " is " + Json.text(contract.json, "status") + "; only pending contracts can be signed");
        }
        contract.json.put("status", "signed");
        contract.json.put("signed_at", Json.time(now()));
        touch(contract);
        emit("contract.signed", contract);
        return contract;
    }

    // ------------------------------------------------------------------ units

    private Entity firstAvailableUnit(String siteId, String unitTypeId) {
        for (Entity unit : store.all(ResourceKind.UNIT)) {
            if ("available".equals(Json.text(unit.json, "status")) && unitTypeId.equals(Json.refId(unit.json, "unit_type"))
                    && siteId.equals(Json.refId(unit.json, "site"))) {
                return unit;
            }
        }
        return null;
    }

    private Entity allocate(Entity unit, Entity tenancy, boolean grantAccess) {
        ObjectNode json = newResource(ResourceKind.UNIT_ALLOCATION);
        String now = Json.time(now());
        if (grantAccess) {
            json.put("granted_access_at", now);
        } else {
            json.putNull("granted_access_at");
        }
        json.put("reserved_at", now);
        json.set("tenancy", Json.ref(tenancy.id));
        json.set("unit", Json.ref(unit.id));
        Entity allocation = store.insert(ResourceKind.UNIT_ALLOCATION, json);
        ((ArrayNode) tenancy.json.withArray("unit_allocations")).add(Json.ref(allocation.id));
        touch(tenancy);
        unit.json.put("status", grantAccess ? "occupied" : "reserved");
        unit.json.set("unit_allocation", Json.ref(allocation.id));
        touch(unit);
        emit(grantAccess ? "unit.occupied" : "unit.reserved", unit);
        return allocation;
    }

    private Entity tenancyFromBody(ObjectNode body) {
        JsonNode value = body.get("tenancy_id");
        if (value == null || value.isNull() || !value.isTextual()) {
            throw ApiError.invalid("/tenancy_id", "value at `/tenancy_id` is required");
        }
        if (!value.asText().startsWith("ten_")) {
            throw ApiError.invalid("/tenancy_id", "value at `/tenancy_id` does not match pattern ^ten_");
        }
        Entity tenancy = store.get(ResourceKind.TENANCY, value.asText());
        if (tenancy == null) {
            throw ApiError.invalid("/tenancy_id", "tenancy '" + value.asText() + "' does not exist");
        }
        return tenancy;
    }

    private void requireSameSite(Entity unit, Entity tenancy) {
        if (!String.valueOf(Json.refId(unit.json, "site")).equals(Json.refId(tenancy.json, "site"))) {
            throw ApiError.conflict("The unit and the tenancy belong to different sites");
        }
    }

    Entity reserveUnit(String unitId, ObjectNode body) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        Entity tenancy = tenancyFromBody(body);
        String status = Json.text(unit.json, "status");
        if (!"available".equals(status)) {
            throw ApiError.conflict("The unit must be in \"available\" status; it is \"" + status + "\"");
        }
        Instant startsAt = Json.parseTime(Json.text(tenancy.json, "starts_at"));
        if (startsAt != null && !startsAt.isAfter(clock.now())) {
            throw ApiError.conflict("The tenancy must not have started yet (move-in date must be in the future); use grant_access instead");
        }
        requireSameSite(unit, tenancy);
        allocate(unit, tenancy, false);
        return unit;
    }

    Entity grantAccess(String unitId, ObjectNode body) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        Entity tenancy = tenancyFromBody(body);
        String status = Json.text(unit.json, "status");
        if ("reserved".equals(status)) {
            Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.refId(unit.json, "unit_allocation"));
            if (allocation == null || !tenancy.id.equals(Json.refId(allocation.json, "tenancy"))) {
                throw ApiError.conflict("The unit must be reserved for the same tenancy provided in the request");
            }
            allocation.json.put("granted_access_at", Json.time(now()));
            touch(allocation);
            unit.json.put("status", "occupied");
            touch(unit);
            emit("unit.occupied", unit);
            return unit;
        }
        if ("available".equals(status)) {
            requireSameSite(unit, tenancy);
            allocate(unit, tenancy, true);
            return unit;
        }
        throw ApiError.conflict("Access can only be granted to an available unit or one reserved for the tenancy; it is \"" + status + "\"");
    }

    Entity deallocateUnit(String unitId) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        String status = Json.text(unit.json, "status");
        if (!Set.of("reserved", "occupied", "overlock", "repossessed").contains(status)) {
            throw ApiError.conflict("The unit status must be one of: reserved, occupied, overlock, repossessed; it is \"" + status + "\"");
        }
        Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.refId(unit.json, "unit_allocation"));
        if (allocation != null) {
            Entity tenancy = store.get(ResourceKind.TENANCY, Json.refId(allocation.json, "tenancy"));
            if (tenancy != null) {
                ArrayNode refs = (ArrayNode) tenancy.json.withArray("unit_allocations");
                for (int i = refs.size() - 1; i >= 0; i--) {
                    if (allocation.id.equals(Json.text(refs.get(i), "id"))) {
                        refs.remove(i);
                    }
                }
                touch(tenancy);
            }
            // The guide: deallocation removes the unit allocation entirely.
            store.remove(allocation);
        }
        unit.json.put("status", "available");
        unit.json.putNull("unit_allocation");
        touch(unit);
        emit("unit.deallocated", unit);
        emit("unit.available", unit);
        return unit;
    }

    /** Overlocks all occupied units of a contact, or removes the overlock from all its overlocked units. */
    List<String> overlock(ObjectNode body, boolean remove) {
        JsonNode contactId = body.get("contact_id");
        if (contactId == null || !contactId.isTextual() || contactId.asText().isBlank()) {
            throw ApiError.invalid("/contact_id", "value at `/contact_id` is required");
        }
        Entity contact = store.get(ResourceKind.CONTACT, contactId.asText());
        if (contact == null) {
            throw ApiError.invalid("/contact_id", "contact '" + contactId.asText() + "' does not exist");
        }
        String from = remove ? "overlock" : "occupied";
        String to = remove ? "occupied" : "overlock";
        List<String> unitIds = new ArrayList<>();
        for (Entity unit : store.all(ResourceKind.UNIT)) {
            if (from.equals(Json.text(unit.json, "status")) && contact.id.equals(contactOfUnit(unit))) {
                unitIds.add(unit.id);
            }
        }
        if (unitIds.isEmpty()) {
            throw ApiError.conflict(remove ? "The contact must have overlocked units that can have overlock removed"
                    : "The contact must have occupied units that can be overlocked");
        }
        for (String unitId : unitIds) {
            Entity unit = store.get(ResourceKind.UNIT, unitId);
            unit.json.put("status", to);
            touch(unit);
            emit(remove ? "unit.occupied" : "unit.overlocked", unit);
        }
        return unitIds;
    }

    private String contactOfUnit(Entity unit) {
        Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.refId(unit.json, "unit_allocation"));
        Entity tenancy = allocation == null ? null : store.get(ResourceKind.TENANCY, Json.refId(allocation.json, "tenancy"));
        return tenancy == null ? null : Json.refId(tenancy.json, "contact");
    }

    /** Operator-managed unit states (allocations-and-access.md): unavailable, available again, repossessed. */
    Entity setUnitStatus(String unitId, String status) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        String current = Json.text(unit.json, "status");
        switch (status) {
            case "unavailable" -> {
                if (!"available".equals(current)) {
                    throw ApiError.conflict("Only available units can be made unavailable; it is " + current);
                }
            }
            case "available" -> {
                if (!"unavailable".equals(current)) {
                    throw ApiError.conflict("Only unavailable units can be made available (deallocate allocated ones); it is " + current);
                }
            }
            case "repossessed" -> {
                if (!"occupied".equals(current) && !"overlock".equals(current)) {
                    throw ApiError.conflict("Only occupied or overlocked units can be repossessed; it is " + current);
                }
            }
            default -> throw new IllegalArgumentException("Unsupported unit status: " + status);
        }
        unit.json.put("status", status);
        touch(unit);
        emit("unit." + status, unit);
        return unit;
    }

    // ------------------------------------------------------------------ tenancies and subscriptions (control)

    /**
     * Move-in day brought forward to now (a tenancy that starts later) or played for a tenancy whose start date has
     * passed without it: see {@link #moveIn(Entity)}. A tenancy moves in once: 409 when it has already started.
     */
    Entity startTenancy(String id) {
        Entity tenancy = store.require(ResourceKind.TENANCY, id);
        if (tenancy.started) {
            throw ApiError.conflict("Tenancy " + id + " has already started");
        }
        Instant startsAt = Json.parseTime(Json.text(tenancy.json, "starts_at"));
        if (startsAt == null || startsAt.isAfter(now())) {
            tenancy.json.put("starts_at", Json.time(now()));
        }
        moveIn(tenancy);
        return tenancy;
    }

    /** Every tenancy whose start date the clock has reached and that has not moved in yet moves in now. */
    List<Entity> moveInDue() {
        Instant now = now();
        List<Entity> due = new ArrayList<>();
        for (Entity tenancy : store.all(ResourceKind.TENANCY)) {
            Instant startsAt = Json.parseTime(Json.text(tenancy.json, "starts_at"));
            if (!tenancy.started && startsAt != null && !startsAt.isAfter(now)) {
                due.add(tenancy);
            }
        }
        due.forEach(this::moveIn);
        return due;
    }

    /**
     * allocations-and-access.md, "Automatic on move-in day": Stora transitions the tenancy's reserved units to
     * {@code occupied} on its start date ({@code unit.occupied}); {@code tenancy.started} says the tenancy began.
     * Units already occupied (access granted early) stay as they are.
     */
    private void moveIn(Entity tenancy) {
        tenancy.started = true;
        touch(tenancy);
        emit("tenancy.started", tenancy);
        for (JsonNode ref : tenancy.json.withArray("unit_allocations")) {
            Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.text(ref, "id"));
            Entity unit = allocation == null ? null : store.get(ResourceKind.UNIT, Json.refId(allocation.json, "unit"));
            if (unit != null && "reserved".equals(Json.text(unit.json, "status"))) {
                allocation.json.put("granted_access_at", Json.time(now()));
                touch(allocation);
                unit.json.put("status", "occupied");
                touch(unit);
                emit("unit.occupied", unit);
            }
        }
    }

    Entity subscriptionEvent(String id, String event, String reason) {
        Entity subscription = store.require(ResourceKind.SUBSCRIPTION, id);
        switch (event) {
            case "started" -> subscription.json.put("starts_at", Json.time(now()));
            case "cancelled" -> {
                if (subscription.json.path("cancelled").asBoolean()) {
                    throw ApiError.conflict("Subscription " + id + " is already cancelled");
                }
                subscription.json.put("cancelled", true);
                subscription.json.put("cancellation_reason", reason == null ? "other" : reason);
            }
            case "ended" -> {
                subscription.json.put("ends_at", Json.time(now()));
                ((ObjectNode) subscription.json.with("current_period")).put("ends_at", Json.time(now()));
            }
            default -> throw new IllegalArgumentException("Unknown subscription event: " + event);
        }
        touch(subscription);
        emit("subscription." + event, subscription);
        return subscription;
    }

    // ------------------------------------------------------------------ identity verifications (control)

    Entity createIdentityVerification(String contactId) {
        Entity contact = store.require(ResourceKind.CONTACT, contactId);
        ObjectNode json = newResource(ResourceKind.IDENTITY_VERIFICATION);
        json.set("contact", Json.ref(contact.id));
        json.putNull("error_code");
        json.put("status", "processing");
        Entity verification = store.insert(ResourceKind.IDENTITY_VERIFICATION, json);
        ((ObjectNode) contact.json.with("identity_check")).put("status", "processing");
        touch(contact);
        emit("identity_verification.processing", verification);
        return verification;
    }

    Entity setIdentityVerificationStatus(String id, String status, String errorCode) {
        Entity verification = store.require(ResourceKind.IDENTITY_VERIFICATION, id);
        if (!Set.of("processing", "succeeded", "failed", "cancelled").contains(status)) {
            throw new IllegalArgumentException("Unknown identity verification status: " + status);
        }
        verification.json.put("status", status);
        if ("failed".equals(status)) {
            verification.json.put("error_code", errorCode == null ? "document_unverified_other" : errorCode);
        } else {
            verification.json.putNull("error_code");
        }
        touch(verification);
        Entity contact = store.get(ResourceKind.CONTACT, Json.refId(verification.json, "contact"));
        if (contact != null) {
            ((ObjectNode) contact.json.with("identity_check")).put("status", status);
            touch(contact);
        }
        emit("identity_verification." + status, verification);
        return verification;
    }

    // ------------------------------------------------------------------ operator-side resources (control)

    /** Creates an operator-managed resource from fields (what BackOffice would do) and emits its created event. */
    Entity createOperatorResource(ResourceKind kind, ObjectNode fields) {
        ObjectNode json = newResource(kind);
        fields.fields().forEachRemaining(f -> {
            if (!Set.of("id", "created_at", "updated_at").contains(f.getKey())) {
                json.set(f.getKey(), f.getValue());
            }
        });
        Entity entity = store.insert(kind, json);
        String event = kind.webhookKey() + ".created";
        if (WebhookEventTypes.SET.contains(event)) {
            emit(event, entity);
        }
        return entity;
    }

    /** Shallow-merges fields into an operator-managed resource and emits its updated event. */
    Entity updateOperatorResource(ResourceKind kind, String id, ObjectNode fields) {
        Entity entity = store.require(kind, id);
        fields.fields().forEachRemaining(f -> {
            if (!Set.of("id", "created_at", "updated_at").contains(f.getKey())) {
                entity.json.set(f.getKey(), f.getValue());
            }
        });
        if (kind == ResourceKind.CONTACT) {
            store.indexEmail(null, Json.text(entity.json, "email"), id);
        }
        touch(entity);
        String event = kind.webhookKey() + ".updated";
        if (WebhookEventTypes.SET.contains(event)) {
            emit(event, entity);
        }
        return entity;
    }

    // ------------------------------------------------------------------ deals

    Entity createDeal(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String name = requiredString(body, "name", errors);
        bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        Entity stage = bodyRef(body, "stage", ResourceKind.DEAL_STAGE, false, errors);
        bodyRef(body, "site", ResourceKind.SITE, false, errors);
        bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        optionalTime(body, "starts_at", errors);
        ArrayNode lineItems = dealLineItems(body, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        if (stage == null) {
            stage = firstStage();
        }
        ObjectNode json = newResource(ResourceKind.DEAL);
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
        emit("deal.created", deal);
        return deal;
    }

    Entity updateDeal(String id, ObjectNode body) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("name")) {
            requiredString(body, "name", errors);
        }
        bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        bodyRef(body, "stage", ResourceKind.DEAL_STAGE, false, errors);
        bodyRef(body, "site", ResourceKind.SITE, false, errors);
        bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
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
        touch(deal);
        emit("deal.updated", deal);
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
        touch(deal);
        emit("deal.won", deal);
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
        touch(deal);
        emit("deal.lost", deal);
        return deal;
    }

    Entity reopenDeal(String id, ObjectNode body) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        ApiError.Collector errors = new ApiError.Collector();
        Entity stage = bodyRef(body, "stage", ResourceKind.DEAL_STAGE, false, errors);
        bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
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
        touch(deal);
        emit("deal.reopened", deal);
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
        bodyRef(body, "site", ResourceKind.SITE, false, errors);
        bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        anyRef(body, "resource", false, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = newResource(ResourceKind.TASK);
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
        emit("task.created", task);
        return task;
    }

    Entity updateTask(String id, ObjectNode body) {
        Entity task = store.require(ResourceKind.TASK, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("title")) {
            requiredString(body, "title", errors);
        }
        String dueAt = optionalTime(body, "due_at", errors);
        bodyRef(body, "site", ResourceKind.SITE, false, errors);
        bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        anyRef(body, "resource", false, errors);
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
        touch(task);
        emit("task.updated", task);
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
            task.json.put("completed_at", Json.time(now()));
        } else {
            task.json.putNull("completed_at");
        }
        touch(task);
        emit(complete ? "task.completed" : "task.reopened", task);
        return task;
    }

    private Entity anyRef(ObjectNode body, String field, boolean required, ApiError.Collector errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add("/" + field, "value at `/" + field + "` is required");
            }
            return null;
        }
        String id = value.isObject() ? Json.text(value, "id") : null;
        Entity entity = store.find(id);
        if (entity == null) {
            errors.add("/" + field + "/id", "resource '" + id + "' does not exist");
        }
        return entity;
    }

    // ------------------------------------------------------------------ notes

    private static final Set<ResourceKind> NOTE_RESOURCES = Set.of(ResourceKind.UNIT, ResourceKind.CONTACT,
            ResourceKind.SUBSCRIPTION, ResourceKind.TASK);

    Entity createNote(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String content = requiredString(body, "content", errors);
        Entity resource = anyRef(body, "resource", true, errors);
        if (resource != null && !NOTE_RESOURCES.contains(resource.kind)) {
            errors.add("/resource/id", "notes can be attached to units, contacts, subscriptions or tasks");
        }
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = newResource(ResourceKind.NOTE);
        json.put("content", content);
        json.set("creator", Json.ref(creatorId));
        json.set("metadata", metadata);
        json.set("resource", Json.ref(resource.id));
        passThrough(json, body, Set.of("content", "creator", "metadata", "resource"));
        Entity note = store.insert(ResourceKind.NOTE, json);
        emit("note.created", note);
        return note;
    }

    Entity updateNote(String id, ObjectNode body) {
        Entity note = store.require(ResourceKind.NOTE, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("content")) {
            requiredString(body, "content", errors);
        }
        Entity resource = body.has("resource") ? anyRef(body, "resource", true, errors) : null;
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
        touch(note);
        emit("note.updated", note);
        return note;
    }

    // ------------------------------------------------------------------ timeline events

    private static final List<String> TIMELINE_REFS = List.of("contact", "site", "invoice", "subscription", "tenancy", "unit", "unit_type");

    Entity createTimelineEvent(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        bodyRef(body, "source", ResourceKind.TIMELINE_SOURCE, true, errors);
        bodyRef(body, "template", ResourceKind.TIMELINE_TEMPLATE, true, errors);
        validateTimelineRefs(body, errors);
        errors.throwIfAny();
        ObjectNode json = newResource(ResourceKind.TIMELINE_EVENT);
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
        bodyRef(body, "source", ResourceKind.TIMELINE_SOURCE, false, errors);
        bodyRef(body, "template", ResourceKind.TIMELINE_TEMPLATE, false, errors);
        validateTimelineRefs(body, errors);
        errors.throwIfAny();
        for (String field : union(Set.copyOf(TIMELINE_REFS), Set.of("source", "template"))) {
            if (body.has(field)) {
                event.json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        passThrough(event.json, body, union(Set.copyOf(TIMELINE_REFS), Set.of("source", "template", "creator")));
        touch(event);
        return event;
    }

    private void validateTimelineRefs(ObjectNode body, ApiError.Collector errors) {
        bodyRef(body, "contact", ResourceKind.CONTACT, false, errors);
        bodyRef(body, "site", ResourceKind.SITE, false, errors);
        bodyRef(body, "invoice", ResourceKind.INVOICE, false, errors);
        bodyRef(body, "subscription", ResourceKind.SUBSCRIPTION, false, errors);
        bodyRef(body, "tenancy", ResourceKind.TENANCY, false, errors);
        bodyRef(body, "unit", ResourceKind.UNIT, false, errors);
        bodyRef(body, "unit_type", ResourceKind.UNIT_TYPE, false, errors);
    }

    // ------------------------------------------------------------------ webhook endpoints

    Entity createWebhookEndpoint(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String name = requiredString(body, "name", errors);
        String apiVersion = requiredString(body, "api_version", errors);
        if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
            errors.add("/api_version", "value at `/api_version` must be one of [2025-09]");
        }
        validateUrl(body, true, errors);
        validateEventTypes(body, true, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = newResource(ResourceKind.WEBHOOK_ENDPOINT);
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
        ObjectNode json = render(endpoint);
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
        if (body.has("api_version") && !API_VERSION.equals(Json.text(body, "api_version"))) {
            errors.add("/api_version", "value at `/api_version` must be one of [2025-09]");
        }
        validateUrl(body, false, errors);
        validateEventTypes(body, false, errors);
        validateMetadata(body.get("metadata"), true, errors);
        errors.throwIfAny();
        mergeMetadata(endpoint.json, body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(endpoint.json, body, Set.of("creator", "disabled_at", "metadata", "secret", "status"));
        touch(endpoint);
        return endpoint;
    }

    void deleteWebhookEndpoint(String id) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        store.remove(endpoint);
        webhooks.cancelPending(id);
    }

    Entity setWebhookEndpointEnabled(String id, boolean enabled) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        boolean wasEnabled = "enabled".equals(Json.text(endpoint.json, "status"));
        if (wasEnabled != enabled) {
            endpoint.json.put("status", enabled ? "enabled" : "disabled");
            if (enabled) {
                endpoint.json.putNull("disabled_at");
            } else {
                endpoint.json.put("disabled_at", Json.time(now()));
                webhooks.cancelPending(id);
            }
            touch(endpoint);
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
        boolean http = text.startsWith("http://") && settings.allowHttpWebhooks();
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
