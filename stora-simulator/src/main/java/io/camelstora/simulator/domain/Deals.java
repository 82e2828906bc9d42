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
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.Metadata.mergedMetadata;
import static io.camelstora.simulator.domain.Metadata.newMetadata;
import static io.camelstora.simulator.domain.RequestFields.optionalTime;
import static io.camelstora.simulator.domain.RequestFields.passThrough;
import static io.camelstora.simulator.domain.RequestFields.requiredString;

/** Deals: creation, updates and the open/won/lost lifecycle. */
public final class Deals {

    private static final Pattern LOST_REASON = Pattern.compile("^[a-z][a-z0-9_]*$");

    private final DomainCore core;
    private final Store store;

    Deals(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    public Entity createDeal(ObjectNode body, String creatorId) {
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

    public Entity updateDeal(String id, ObjectNode body) {
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
        ObjectNode metadata = mergedMetadata(deal.json.get("metadata"), body.get("metadata"), errors);
        errors.throwIfAny();
        for (String field : List.of("assignee", "contact", "site", "stage")) {
            if (body.has(field)) {
                deal.json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        if (lineItems != null) {
            deal.json.set("line_items", lineItems);
        }
        if (metadata != null) {
            deal.json.set("metadata", metadata);
        }
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
                errors.add("/line_items/" + i + "/type",
                        "value at `/line_items/" + i + "/type` must be one of [product, protection, unit_type]");
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

    public Entity winDeal(String id) {
        Entity deal = store.require(ResourceKind.DEAL, id);
        requireDealStatus(deal, "open");
        deal.json.put("status", "won");
        deal.json.putNull("lost_reason");
        core.touch(deal);
        core.emit("deal.won", deal);
        return deal;
    }

    public Entity loseDeal(String id, ObjectNode body) {
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

    public Entity reopenDeal(String id, ObjectNode body) {
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
}
