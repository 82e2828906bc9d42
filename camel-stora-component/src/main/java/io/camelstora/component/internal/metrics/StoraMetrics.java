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
package io.camelstora.component.internal.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.limits.RequestLimiter;

/**
 * Where the component reports what its calls, webhooks and polls did. {@link #NONE} ignores everything; with Micrometer
 * on the classpath and a {@code MeterRegistry} in the Camel registry (or the component's {@code meterRegistry} option)
 * the component uses {@link MicrometerStoraMetrics}. docs/metrics.md lists the meters.
 * <p>
 * Implementations are called on the component's I/O callback and worker threads and must not block.
 */
public interface StoraMetrics {

    /** Records nothing. */
    StoraMetrics NONE = new StoraMetrics() {
    };

    /**
     * One HTTP request to Stora (an attempt: retries and replays are requests of their own) got its answer or failed.
     *
     * @param status the HTTP status, 0 when no response was received
     * @param nanos  from sending until the response or the failure
     */
    default void requestCompleted(String account, StoraOperation operation, int status, long nanos) {
    }

    /**
     * A call completed as its caller sees it, after waits for the rate limit, 429 replays and retries.
     *
     * @param status  the status of the last response, 0 when none was received
     * @param outcome see {@link CallOutcome}
     */
    default void callCompleted(String account, StoraOperation operation, int status, CallOutcome outcome, long nanos) {
    }

    /** A request waited for the account's request budget before it was sent. */
    default void rateLimitWaited(String account, long nanos) {
    }

    /** A call failed unsent: its wait for the budget would have exceeded {@code maxRateLimitWait}. */
    default void rateLimitRefused(String account) {
    }

    /**
     * A retry of a failed attempt was scheduled.
     *
     * @param reason {@code http_502}, {@code http_503}, {@code http_504}, {@code not_sent} (the request never left) or
     *               {@code no_response} (sent, but no answer came back)
     */
    default void retryScheduled(String account, StoraOperation operation, String reason) {
    }

    /**
     * A webhook delivery was answered.
     *
     * @param result    how it was answered: {@code processed}, {@code duplicate}, {@code ignored}, {@code in_progress},
     *                  {@code failed}, {@code not_ready} or {@code rejected}
     * @param reason    why it was rejected ({@code invalid_signature}...), {@code none} for the other results
     * @param eventType the event type, {@code unknown} before the payload was verified and parsed, {@code other} for a
     *                  type the catalog does not know
     */
    default void webhookDelivery(String routeId, String result, String reason, String eventType) {
    }

    /**
     * A poll of a list consumer ended.
     *
     * @param records the records sent to the route
     */
    default void pollCompleted(String routeId, String stateKey, boolean success, int records, long nanos) {
    }

    /** Publishes the state of an account's limiter until the registration is closed. */
    default Registration limiterGauges(String account, Supplier<RequestLimiter.State> state) {
        return Registration.NONE;
    }

    /** Publishes how far behind a list consumer is until the registration is closed. */
    default Registration pollLagGauge(String routeId, String stateKey, Supplier<Duration> lag) {
        return Registration.NONE;
    }

    /** Removes what a {@code *Gauge(s)} method published. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {

        Registration NONE = () -> {
        };

        @Override
        void close();
    }
}
