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
package io.camelstora.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand, for testing how a client copes with a misbehaving API. HTTP faults are {@link Fault} rules,
 * checked in the order they were added; webhook faults are counters consumed by the next events.
 */
public final class Faults {

    private final List<Fault> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger duplicateWebhooks = new AtomicInteger();
    private final AtomicInteger reorderWebhooks = new AtomicInteger();

    public Fault inject(Fault fault) {
        rules.add(fault);
        return fault;
    }

    /** Adds {@code delay} to every request (until {@link #clear()}). */
    public Fault latency(Duration delay) {
        return inject(Fault.latency(delay));
    }

    /** The next {@code n} API requests answer {@code status} (5xx) without being processed. */
    public Fault failNext(int n, int status) {
        return inject(Fault.error(status).times(n));
    }

    /** The next {@code n} API requests get their connection closed, before or after being processed. */
    public Fault dropNext(int n, boolean afterProcessing) {
        return inject((afterProcessing ? Fault.dropAfterProcessing() : Fault.dropBeforeProcessing()).times(n));
    }

    /** The next {@code n} API requests answer 429 as if rate limited. */
    public Fault rateLimitBurst(int n) {
        return inject(Fault.tooManyRequests().times(n));
    }

    /** Each of the next {@code n} webhook events is delivered twice (same event id, separate deliveries). */
    public void duplicateWebhooks(int n) {
        duplicateWebhooks.addAndGet(n);
    }

    /** The next {@code n} webhook events are held back and then delivered in reverse order. */
    public void reorderWebhooks(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Reordering needs at least 2 events");
        }
        reorderWebhooks.addAndGet(n);
    }

    public List<Fault> active() {
        return rules.stream().filter(f -> f.remaining() != 0).toList();
    }

    public void clear() {
        rules.clear();
        duplicateWebhooks.set(0);
        reorderWebhooks.set(0);
    }

    /** The first matching rule of one of the kinds, consumed; null if none. */
    Fault take(String method, String path, Fault.Kind... kinds) {
        for (Fault fault : rules) {
            if (fault.matches(method, path) && isOneOf(fault.kind(), kinds) && fault.consume()) {
                return fault;
            }
        }
        return null;
    }

    boolean takeDuplicateWebhook() {
        return decrementIfPositive(duplicateWebhooks);
    }

    /** How many events the next reorder batch holds, claimed at once; 0 if none is pending. */
    int takeReorderBatch() {
        return reorderWebhooks.getAndSet(0);
    }

    private static boolean decrementIfPositive(AtomicInteger counter) {
        while (true) {
            int value = counter.get();
            if (value <= 0) {
                return false;
            }
            if (counter.compareAndSet(value, value - 1)) {
                return true;
            }
        }
    }

    private static boolean isOneOf(Fault.Kind kind, Fault.Kind[] kinds) {
        for (Fault.Kind candidate : kinds) {
            if (candidate == kind) {
                return true;
            }
        }
        return false;
    }
}
