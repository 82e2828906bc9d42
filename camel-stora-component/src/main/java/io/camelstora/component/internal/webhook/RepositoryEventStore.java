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
package io.camelstora.component.internal.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelstora.component.webhook.StoraWebhookEventStore;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Event state in any Camel {@link IdempotentRepository} (the {@code idempotentRepository} option, and the in-memory
 * default): the repository holds the events routed successfully, added only once the route succeeded, so an event
 * whose node dies while routing it is routed again on Stora's retry. Each is kept as {@code <scope>|<event id>}: the
 * component's repository is every consumer's, and routes at other paths receiving the same event must each route it
 * (polling consumers prefix their keys likewise, with their stateKey). What a plain repository cannot hold is
 * "in progress": that is kept per consumer in this JVM, so a delivery of an event another node is routing right now
 * is routed there too. {@link io.camelstora.component.webhook.JdbcWebhookEventStore} keeps both in a shared table.
 */
final class RepositoryEventStore implements StoraWebhookEventStore {

    private final IdempotentRepository repository;
    private final String description;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    /** @param description what the logs call it */
    RepositoryEventStore(IdempotentRepository repository, String description) {
        this.repository = repository;
        this.description = description;
    }

    IdempotentRepository repository() {
        return repository;
    }

    @Override
    public Claim claim(String scope, String eventId) {
        String key = key(scope, eventId);
        if (!inProgress.add(key)) {
            return Claim.IN_PROGRESS;
        }
        try {
            if (repository.contains(key)) {
                inProgress.remove(key);
                return Claim.DONE;
            }
            return Claim.CLAIMED;
        } catch (RuntimeException e) {
            inProgress.remove(key);
            throw e;
        }
    }

    @Override
    public boolean markDone(String scope, String eventId) {
        String key = key(scope, eventId);
        try {
            repository.add(key); // false when another node routed it meanwhile: done either way
            repository.confirm(key);
            return true;
        } finally {
            inProgress.remove(key);
        }
    }

    @Override
    public void release(String scope, String eventId) {
        inProgress.remove(key(scope, eventId));
    }

    private static String key(String scope, String eventId) {
        return scope + "|" + eventId;
    }

    @Override
    public String toString() {
        return description;
    }
}
