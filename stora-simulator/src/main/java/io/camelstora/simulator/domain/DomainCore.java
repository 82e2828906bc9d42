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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.EmittedEvent;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.SimulatedClock;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.RequestFields.contains;

/**
 * What every area of the {@link Domain} shares: the store and the clock, the outbox of webhook events raised during a
 * call (published by {@link #commit()} when the call succeeds), rendering, and the helpers that create, touch and
 * reference resources. Like the areas it holds no lock: callers run under {@code synchronized (domain)}.
 */
public final class DomainCore {

    static final String API_VERSION = "2025-09";
    static final String CURRENCY = "GBP";

    private record PendingEvent(EmittedEvent event, List<EventPublisher.Target> targets) {
    }

    final Store store;
    final SimulatedClock clock;
    final EventPublisher webhooks;
    final Domain.Settings settings;
    private final List<PendingEvent> pending = new ArrayList<>();
    private volatile String baseUrl = "http://localhost";

    private volatile boolean keepUpdatedAtWithinSecond;

    DomainCore(Store store, SimulatedClock clock, EventPublisher webhooks, Domain.Settings settings) {
        this.store = store;
        this.clock = clock;
        this.webhooks = webhooks;
        this.settings = settings;
    }

    /**
     * Whether a second change within the second keeps {@code updated_at} as it is (the record differs, its timestamp
     * does not), instead of moving it a second ahead.
     */
    public void keepUpdatedAtWithinSecond(boolean keep) {
        this.keepUpdatedAtWithinSecond = keep;
    }

    public void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    // ------------------------------------------------------------------ events

    public void emit(String type, Entity entity) {
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
        List<EventPublisher.Target> targets = new ArrayList<>();
        for (Entity endpoint : store.all(ResourceKind.WEBHOOK_ENDPOINT)) {
            if ("enabled".equals(Json.text(endpoint.json, "status")) && contains(endpoint.json.get("event_types"), type)) {
                targets.add(new EventPublisher.Target(endpoint.id, Json.text(endpoint.json, "url"), endpoint.secret));
            }
        }
        pending.add(new PendingEvent(new EmittedEvent(id, type, now, entity.id, Json.string(envelope)), targets));
    }

    /** Publishes the events of a successful call. */
    public void commit() {
        List<PendingEvent> events = new ArrayList<>(pending);
        pending.clear();
        for (PendingEvent event : events) {
            webhooks.publish(event.event(), event.targets());
        }
    }

    /** Drops the events of a failed call. */
    public void rollback() {
        pending.clear();
    }

    // ------------------------------------------------------------------ rendering

    public static ArrayNode curies() {
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
    public ObjectNode render(Entity entity) {
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
                    // Shared, not copied: emit serializes the envelope at once.
                    field.setValue(related.json);
                }
            }
        }
        return json;
    }

    public static boolean isRef(JsonNode value) {
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
     * changes within a second move it a second ahead: it must change on every modification. Unless
     * {@link #keepUpdatedAtWithinSecond}: then both changes carry the same second, as an API may well write them.
     */
    void touch(Entity entity) {
        Instant now = now();
        JsonNode previous = entity.json.get("updated_at");
        if (!keepUpdatedAtWithinSecond && previous != null && previous.isTextual()) {
            Instant before = Instant.parse(previous.asText());
            if (!now.isAfter(before)) {
                now = before.plusSeconds(1);
            }
        }
        entity.json.put("updated_at", Json.time(now));
        store.changed();
    }

    ObjectNode money(long amount) {
        return Json.money(amount, CURRENCY);
    }

    /** A body reference {@code {"id": ...}} to an existing resource of the kind, or a 422 naming the field. */
    Entity bodyRef(ObjectNode body, String field, ResourceKind kind, boolean required, ApiError.Collector errors) {
        String id = refId(body, field, required, errors);
        Entity entity = id == null ? null : store.get(kind, id);
        if (id != null && entity == null) {
            errors.add("/" + field + "/id", kind.singular + " '" + id + "' does not exist");
        }
        return entity;
    }

    /** Like {@link #bodyRef} for a field that may point at a resource of any kind (the id prefix says which). */
    Entity anyRef(ObjectNode body, String field, boolean required, ApiError.Collector errors) {
        String id = refId(body, field, required, errors);
        Entity entity = id == null ? null : store.find(id);
        if (id != null && entity == null) {
            errors.add("/" + field + "/id", "resource '" + id + "' does not exist");
        }
        return entity;
    }

    private static String refId(ObjectNode body, String field, boolean required, ApiError.Collector errors) {
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
        }
        return id;
    }
}
