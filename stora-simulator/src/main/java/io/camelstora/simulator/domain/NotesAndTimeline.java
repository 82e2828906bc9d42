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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.Metadata.mergedMetadata;
import static io.camelstora.simulator.domain.Metadata.newMetadata;
import static io.camelstora.simulator.domain.RequestFields.passThrough;
import static io.camelstora.simulator.domain.RequestFields.requiredString;
import static io.camelstora.simulator.domain.RequestFields.union;

/** Notes attached to resources, and timeline events. */
public final class NotesAndTimeline {

    private final DomainCore core;
    private final Store store;

    NotesAndTimeline(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    private static final Set<ResourceKind> NOTE_RESOURCES = Set.of(ResourceKind.UNIT, ResourceKind.CONTACT,
            ResourceKind.SUBSCRIPTION, ResourceKind.TASK);

    public Entity createNote(ObjectNode body, String creatorId) {
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

    public Entity updateNote(String id, ObjectNode body) {
        Entity note = store.require(ResourceKind.NOTE, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("content")) {
            requiredString(body, "content", errors);
        }
        Entity resource = body.has("resource") ? core.anyRef(body, "resource", true, errors) : null;
        if (resource != null && !NOTE_RESOURCES.contains(resource.kind)) {
            errors.add("/resource/id", "notes can be attached to units, contacts, subscriptions or tasks");
        }
        ObjectNode metadata = mergedMetadata(note.json.get("metadata"), body.get("metadata"), errors);
        errors.throwIfAny();
        if (resource != null) {
            note.json.set("resource", Json.ref(resource.id));
        }
        if (metadata != null) {
            note.json.set("metadata", metadata);
        }
        passThrough(note.json, body, Set.of("creator", "metadata", "resource"));
        core.touch(note);
        core.emit("note.updated", note);
        return note;
    }

    // ------------------------------------------------------------------ timeline events

    private static final List<String> TIMELINE_REFS = List.of("contact", "site", "invoice", "subscription", "tenancy", "unit",
            "unit_type");

    public Entity createTimelineEvent(ObjectNode body, String creatorId) {
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

    public Entity updateTimelineEvent(String id, ObjectNode body) {
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
}
