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
package io.camelstora.component.limits;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.camelstora.component.http.StoraResponse;

/**
 * Decides when the next request of an account may be sent. Shared by every endpoint and consumer of the account.
 * <p>
 * The component creates a {@link SlidingWindowRateLimiter} per account; set the {@code rateLimiter} option to a bean
 * of this interface to use another one, such as a {@link Bucket4jRequestLimiter} shared by several nodes.
 */
public interface RequestLimiter {

    /** The right to send one request. */
    @FunctionalInterface
    interface Permit {

        /** A permit whose release tells nothing. */
        Permit NONE = () -> {
        };

        /**
         * The request sent with this permit got its response or failed. The server saw it at the latest now, so a
         * limiter may measure the permit's window from this instant instead of from when it granted the permit.
         */
        void release();

        /**
         * The request is being written to its connection now: waiting for a pooled connection, connecting and TLS are
         * over. A limiter may measure from this instant instead of from the grant. Called at most once, before
         * {@link #release()}; not called for a request that never left (connection refused).
         */
        default void sent() {
        }
    }

    /** No limit: every request goes at once. */
    RequestLimiter UNLIMITED = () -> CompletableFuture.completedFuture(Permit.NONE);

    /**
     * Completes when one request may be sent; never blocks the caller. Completes exceptionally with a
     * {@link RateLimitWaitException} when the wait would be longer than the caller may wait.
     */
    CompletableFuture<Permit> acquire();

    /** Sees every response, to learn from {@code RateLimit-*} headers and to pause every caller after a 429. */
    default void onResponse(StoraResponse response) {
    }

    /** What the limiter can tell about the account's budget right now, for health checks and gauges. */
    default State state() {
        return State.UNKNOWN;
    }

    /**
     * A snapshot of a limiter.
     *
     * @param pausedUntil when the pause after a 429 ends, {@code null} when not paused
     * @param available   requests that could be sent at once (the fewest any window has left), {@code null} when the
     *                    limiter cannot tell (a shared bucket)
     * @param waiting     calls waiting for a permit
     */
    record State(Instant pausedUntil, Integer available, int waiting) {

        public static final State UNKNOWN = new State(null, null, 0);

        public State withWaiting(int waiting) {
            return new State(pausedUntil, available, waiting);
        }
    }
}
