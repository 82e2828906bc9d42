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
package io.camelstora.simulator.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelstora.simulator.SimulatedClock;
import io.camelstora.simulator.support.HttpResult;

/**
 * Answers stored per (token, Idempotency-Key) for 24 hours of simulated time, errors included
 * (https://docs.stora.co/2025-09/guides/requests), so a retried POST gets the exact same status and body.
 */
public final class IdempotencyStore {

    static final Duration TTL = Duration.ofHours(24);

    private record Stored(HttpResult result, Instant expiresAt) {
    }

    private final Map<String, Stored> answers = new ConcurrentHashMap<>();
    private final SimulatedClock clock;

    public IdempotencyStore(SimulatedClock clock) {
        this.clock = clock;
    }

    HttpResult find(String token, String key) {
        Stored stored = answers.get(token + '\u0000' + key);
        if (stored == null) {
            return null;
        }
        if (!clock.now().isBefore(stored.expiresAt())) {
            answers.remove(token + '\u0000' + key, stored);
            return null;
        }
        return stored.result();
    }

    void store(String token, String key, HttpResult result) {
        answers.put(token + '\u0000' + key, new Stored(result, clock.now().plus(TTL)));
    }

    public void clear() {
        answers.clear();
    }
}
