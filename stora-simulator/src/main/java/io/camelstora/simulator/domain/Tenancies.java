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
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

/** Tenancy move-in and the subscription lifecycle events the control API plays. */
public final class Tenancies {

    private final DomainCore core;
    private final Store store;

    Tenancies(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    /**
     * Move-in day brought forward to now (a tenancy that starts later) or played for a tenancy whose start date has
     * passed without it: see {@link #moveIn(Entity)}. A tenancy moves in once: 409 when it has already started.
     */
    public Entity startTenancy(String id) {
        Entity tenancy = store.require(ResourceKind.TENANCY, id);
        if (tenancy.started) {
            throw ApiError.conflict("Tenancy " + id + " has already started");
        }
        Instant startsAt = Json.parseTime(Json.text(tenancy.json, "starts_at"));
        if (startsAt == null || startsAt.isAfter(core.now())) {
            tenancy.json.put("starts_at", Json.time(core.now()));
        }
        moveIn(tenancy);
        return tenancy;
    }

    /** Every tenancy whose start date the clock has reached and that has not moved in yet moves in now. */
    public List<Entity> moveInDue() {
        Instant now = core.now();
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
     * https://docs.stora.co/2025-09/guides/allocations-and-access, "Automatic on move-in day": Stora transitions the tenancy's reserved units to
     * {@code occupied} on its start date ({@code unit.occupied}); {@code tenancy.started} says the tenancy began.
     * Units already occupied (access granted early) stay as they are.
     */
    private void moveIn(Entity tenancy) {
        tenancy.started = true;
        core.touch(tenancy);
        core.emit("tenancy.started", tenancy);
        for (JsonNode ref : tenancy.json.withArray("unit_allocations")) {
            Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.text(ref, "id"));
            Entity unit = allocation == null ? null : store.get(ResourceKind.UNIT, Json.refId(allocation.json, "unit"));
            if (unit != null && "reserved".equals(Json.text(unit.json, "status"))) {
                allocation.json.put("granted_access_at", Json.time(core.now()));
                core.touch(allocation);
                unit.json.put("status", "occupied");
                core.touch(unit);
                core.emit("unit.occupied", unit);
            }
        }
    }

    public Entity subscriptionEvent(String id, String event, String reason) {
        Entity subscription = store.require(ResourceKind.SUBSCRIPTION, id);
        switch (event) {
            case "started" -> subscription.json.put("starts_at", Json.time(core.now()));
            case "cancelled" -> {
                if (subscription.json.path("cancelled").asBoolean()) {
                    throw ApiError.conflict("Subscription " + id + " is already cancelled");
                }
                subscription.json.put("cancelled", true);
                subscription.json.put("cancellation_reason", reason == null ? "other" : reason);
            }
            case "ended" -> {
                subscription.json.put("ends_at", Json.time(core.now()));
                ((ObjectNode) subscription.json.with("current_period")).put("ends_at", Json.time(core.now()));
            }
            default -> throw new IllegalArgumentException("Unknown subscription event: " + event);
        }
        core.touch(subscription);
        core.emit("subscription." + event, subscription);
        return subscription;
    }
}
