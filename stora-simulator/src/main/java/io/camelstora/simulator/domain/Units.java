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
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

/** Unit allocation and access (https://docs.stora.co/2025-09/guides/allocations-and-access): reserve, grant access, deallocate, overlock, status. */
public final class Units {

    private final DomainCore core;
    private final Store store;

    Units(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    Entity firstAvailableUnit(String siteId, String unitTypeId) {
        for (Entity unit : store.all(ResourceKind.UNIT)) {
            if ("available".equals(Json.text(unit.json, "status")) && unitTypeId.equals(Json.refId(unit.json, "unit_type"))
                    && siteId.equals(Json.refId(unit.json, "site"))) {
                return unit;
            }
        }
        return null;
    }

    Entity allocate(Entity unit, Entity tenancy, boolean grantAccess) {
        ObjectNode json = core.newResource(ResourceKind.UNIT_ALLOCATION);
        String now = Json.time(core.now());
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
        core.touch(tenancy);
        unit.json.put("status", grantAccess ? "occupied" : "reserved");
        unit.json.set("unit_allocation", Json.ref(allocation.id));
        core.touch(unit);
        core.emit(grantAccess ? "unit.occupied" : "unit.reserved", unit);
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

    public Entity reserveUnit(String unitId, ObjectNode body) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        Entity tenancy = tenancyFromBody(body);
        String status = Json.text(unit.json, "status");
        if (!"available".equals(status)) {
            throw ApiError.conflict("The unit must be in \"available\" status; it is \"" + status + "\"");
        }
        Instant startsAt = Json.parseTime(Json.text(tenancy.json, "starts_at"));
        if (startsAt != null && !startsAt.isAfter(core.clock.now())) {
            throw ApiError.conflict(
                    "The tenancy must not have started yet (move-in date must be in the future); use grant_access instead");
        }
        requireSameSite(unit, tenancy);
        allocate(unit, tenancy, false);
        return unit;
    }

    public Entity grantAccess(String unitId, ObjectNode body) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        Entity tenancy = tenancyFromBody(body);
        String status = Json.text(unit.json, "status");
        if ("reserved".equals(status)) {
            Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.refId(unit.json, "unit_allocation"));
            if (allocation == null || !tenancy.id.equals(Json.refId(allocation.json, "tenancy"))) {
                throw ApiError.conflict("The unit must be reserved for the same tenancy provided in the request");
            }
            allocation.json.put("granted_access_at", Json.time(core.now()));
            core.touch(allocation);
            unit.json.put("status", "occupied");
            core.touch(unit);
            core.emit("unit.occupied", unit);
            return unit;
        }
        if ("available".equals(status)) {
            requireSameSite(unit, tenancy);
            allocate(unit, tenancy, true);
            return unit;
        }
        throw ApiError.conflict(
                "Access can only be granted to an available unit or one reserved for the tenancy; it is \"" + status + "\"");
    }

    public Entity deallocateUnit(String unitId) {
        Entity unit = store.require(ResourceKind.UNIT, unitId);
        String status = Json.text(unit.json, "status");
        if (!Set.of("reserved", "occupied", "overlock", "repossessed").contains(status)) {
            throw ApiError.conflict(
                    "The unit status must be one of: reserved, occupied, overlock, repossessed; it is \"" + status + "\"");
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
                core.touch(tenancy);
            }
            // The guide: deallocation removes the unit allocation entirely.
            store.remove(allocation);
        }
        unit.json.put("status", "available");
        unit.json.putNull("unit_allocation");
        core.touch(unit);
        core.emit("unit.deallocated", unit);
        core.emit("unit.available", unit);
        return unit;
    }

    /** Overlocks all occupied units of a contact, or removes the overlock from all its overlocked units. */
    public List<String> overlock(ObjectNode body, boolean remove) {
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
            core.touch(unit);
            core.emit(remove ? "unit.occupied" : "unit.overlocked", unit);
        }
        return unitIds;
    }

    private String contactOfUnit(Entity unit) {
        Entity allocation = store.get(ResourceKind.UNIT_ALLOCATION, Json.refId(unit.json, "unit_allocation"));
        Entity tenancy = allocation == null ? null : store.get(ResourceKind.TENANCY, Json.refId(allocation.json, "tenancy"));
        return tenancy == null ? null : Json.refId(tenancy.json, "contact");
    }

    /** Operator-managed unit states (https://docs.stora.co/2025-09/guides/allocations-and-access): unavailable, available again, repossessed. */
    public Entity setUnitStatus(String unitId, String status) {
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
                    throw ApiError.conflict(
                            "Only unavailable units can be made available (deallocate allocated ones); it is " + current);
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
        core.touch(unit);
        core.emit("unit." + status, unit);
        return unit;
    }
}
