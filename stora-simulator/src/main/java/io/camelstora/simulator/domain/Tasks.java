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
import static io.camelstora.simulator.domain.RequestFields.optionalTime;
import static io.camelstora.simulator.domain.RequestFields.passThrough;
import static io.camelstora.simulator.domain.RequestFields.requiredString;

/** Tasks: creation, updates, completion and reopening. */
public final class Tasks {

    private final DomainCore core;
    private final Store store;

    Tasks(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    public Entity createTask(ObjectNode body, String creatorId) {
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

    public Entity updateTask(String id, ObjectNode body) {
        Entity task = store.require(ResourceKind.TASK, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("title")) {
            requiredString(body, "title", errors);
        }
        String dueAt = optionalTime(body, "due_at", errors);
        core.bodyRef(body, "site", ResourceKind.SITE, false, errors);
        core.bodyRef(body, "assignee", ResourceKind.STAFF, false, errors);
        core.anyRef(body, "resource", false, errors);
        ObjectNode metadata = mergedMetadata(task.json.get("metadata"), body.get("metadata"), errors);
        errors.throwIfAny();
        for (String field : List.of("assignee", "resource", "site")) {
            if (body.has(field)) {
                task.json.set(field, Json.refOrNull(Json.refId(body, field)));
            }
        }
        if (body.has("due_at")) {
            task.json.put("due_at", dueAt);
        }
        if (metadata != null) {
            task.json.set("metadata", metadata);
        }
        passThrough(task.json, body,
                Set.of("assignee", "completed_at", "creator", "due_at", "metadata", "resource", "site", "status"));
        core.touch(task);
        core.emit("task.updated", task);
        return task;
    }

    public Entity completeTask(String id, boolean complete) {
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
}
