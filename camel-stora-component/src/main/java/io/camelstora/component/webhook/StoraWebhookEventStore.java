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
package io.camelstora.component.webhook;

/**
 * Where {@code stora:webhook} keeps the state of each event it routes (its {@code eventStore} option): an event is
 * <em>in progress</em>, held by one node under a lease, while its route runs, and <em>done</em> once the route
 * succeeded. Every delivery goes through it in this order:
 * <ol>
 * <li>{@link #claim}: take the event. {@link Claim#DONE} is answered {@code 200 duplicate}, {@link Claim#IN_PROGRESS}
 * (a live lease elsewhere) {@code 409}, so Stora retries later; {@link Claim#CLAIMED} runs the route;</li>
 * <li>{@link #markDone} when the route succeeded (the mark is written before the lease ends, so a delivery that takes
 * the event next sees it done), or {@link #release} when it failed, so Stora's retry routes it again.</li>
 * </ol>
 * A lease whose holder stopped renewing it (its node died) expires, and the next delivery claims the event.
 * {@link JdbcWebhookEventStore} keeps the state in a table every node shares.
 * <p>
 * {@code scope} separates the consumers sharing a store (their paths): the same event delivered to two webhook routes
 * is routed by each.
 */
public interface StoraWebhookEventStore {

    /** What {@link #claim} found. */
    enum Claim {
        /** The caller holds the event now, and routes it. */
        CLAIMED,
        /** Another delivery of the event is being routed, here or on another node, under a live lease. */
        IN_PROGRESS,
        /** The event was routed successfully before. */
        DONE
    }

    /**
     * Takes the event if nobody routed it yet and no live lease holds it, including an expired lease of a node that
     * died while routing it.
     *
     * @throws RuntimeException when the store cannot be reached; the delivery is answered {@code 503} and retried
     */
    Claim claim(String scope, String eventId);

    /**
     * Marks a claimed event done and ends its lease.
     *
     * @return {@code false} when the lease had been lost meanwhile (expired and taken over by another node, which may
     *         route the event too)
     */
    boolean markDone(String scope, String eventId);

    /** Ends the lease of a claimed event without marking it done: the next delivery routes it again. */
    void release(String scope, String eventId);
}
