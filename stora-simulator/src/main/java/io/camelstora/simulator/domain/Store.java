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

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.support.Json;

/**
 * The in-memory state: one insertion-ordered table per resource kind. Not thread-safe on its own; the
 * {@link Domain} serialises every access under its lock.
 */
public final class Store {

    /** A stored resource: its JSON as the API shows it, plus what the API does not show. */
    public static final class Entity {
        public final ResourceKind kind;
        public final String id;
        /** Insertion order: the tie-breaker for equal sort keys and the order of resources without timestamps. */
        public final long seq;
        public final ObjectNode json;
        /** The order of a line item; null for top-level resources. */
        String parentId;
        /** A webhook endpoint's signing secret (the API shows it only in the create response). */
        String secret;
        /** A tenancy whose move-in has happened ({@code tenancy.started} emitted); not a field of the resource. */
        boolean started;

        Entity(ResourceKind kind, String id, long seq, ObjectNode json) {
            this.kind = kind;
            this.id = id;
            this.seq = seq;
            this.json = json;
        }
    }

    private final Map<ResourceKind, LinkedHashMap<String, Entity>> tables = new EnumMap<>(ResourceKind.class);
    private final Map<String, String> contactIdByEmail = new HashMap<>();
    private Random ids;
    private long seq;
    /** Moves on every change, so what was derived from the tables (the sorted lists) is computed again. */
    private long version;
    private final Map<Object, Object> derived = new HashMap<>();
    private long derivedVersion = -1;

    public Store(long idSeed) {
        clear(idSeed);
    }

    void clear(long idSeed) {
        tables.clear();
        for (ResourceKind kind : ResourceKind.values()) {
            tables.put(kind, new LinkedHashMap<>());
        }
        contactIdByEmail.clear();
        ids = new Random(idSeed);
        seq = 0;
        changed();
    }

    /**
     * Something may have changed: a resource was created, updated or removed. Called by every write (the API's non-GET
     * calls, the control API, {@link DomainCore#touch}); what {@link #derived} computed is dropped.
     */
    public void changed() {
        version++;
    }

    /**
     * A value computed from the tables, kept until the next {@link #changed()}: the lists' sort orders, so a client
     * paging through 100,000 records does not pay for sorting them on every page.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Supplier<T> compute) {
        if (derivedVersion != version) {
            derived.clear();
            derivedVersion = version;
        }
        return (T) derived.computeIfAbsent(key, k -> compute.get());
    }

    /** A new id with the kind's prefix and 16 hex digits, as in every documented example; deterministic per seed. */
    String newId(ResourceKind kind) {
        while (true) {
            String id = kind.prefix + String.format("%016x", ids.nextLong());
            if (!tables.get(kind).containsKey(id)) {
                return id;
            }
        }
    }

    Entity insert(ResourceKind kind, ObjectNode json) {
        String id = json.get("id").asText();
        Entity entity = new Entity(kind, id, seq++, json);
        tables.get(kind).put(id, entity);
        changed();
        if (kind == ResourceKind.CONTACT) {
            indexEmail(null, Json.text(json, "email"), id);
        }
        return entity;
    }

    public void remove(Entity entity) {
        tables.get(entity.kind).remove(entity.id);
        changed();
        if (entity.kind == ResourceKind.CONTACT) {
            indexEmail(Json.text(entity.json, "email"), null, entity.id);
        }
    }

    Entity get(ResourceKind kind, String id) {
        return id == null ? null : tables.get(kind).get(id);
    }

    /** The entity for an id of any kind, found by its prefix. */
    public Entity find(String id) {
        ResourceKind kind = ResourceKind.ofId(id);
        return kind == null ? null : get(kind, id);
    }

    /** The entity behind a path parameter: 404 {@code resource_not_found} when there is none. */
    public Entity require(ResourceKind kind, String id) {
        Entity entity = get(kind, id);
        if (entity == null) {
            throw ApiError.notFound(kind.singular, id);
        }
        return entity;
    }

    public Collection<Entity> all(ResourceKind kind) {
        return tables.get(kind).values();
    }

    List<Entity> children(ResourceKind kind, String parentId) {
        List<Entity> result = new ArrayList<>();
        for (Entity entity : all(kind)) {
            if (parentId.equals(entity.parentId)) {
                result.add(entity);
            }
        }
        return result;
    }

    public int count(ResourceKind kind) {
        return tables.get(kind).size();
    }

    String contactIdByEmail(String email) {
        return email == null ? null : contactIdByEmail.get(email.toLowerCase(Locale.ROOT));
    }

    void indexEmail(String oldEmail, String newEmail, String contactId) {
        if (oldEmail != null) {
            contactIdByEmail.remove(oldEmail.toLowerCase(Locale.ROOT), contactId);
        }
        if (newEmail != null) {
            contactIdByEmail.put(newEmail.toLowerCase(Locale.ROOT), contactId);
        }
    }
}
