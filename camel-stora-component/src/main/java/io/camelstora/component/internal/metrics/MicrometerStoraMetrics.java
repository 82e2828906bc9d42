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
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.limits.RequestLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * The component's meters in a Micrometer {@link MeterRegistry}; docs/metrics.md describes each. Only loaded when
 * Micrometer is on the classpath (see {@link StoraMetricsResolver}).
 * <p>
 * Tag values come from closed sets (the catalog's operations and event types, status codes, the enums of this
 * package) or from the application's own accounts, routes and state keys, so the number of series stays bounded
 * whatever Stora sends.
 */
public final class MicrometerStoraMetrics implements StoraMetrics {

    /** The {@code operation} tag of every operation, built once rather than on every request and call. */
    private static final Map<StoraOperation, String> OPERATION_TAGS = operationTags();
    /** The catalog's event types, looked up on every webhook delivery. */
    private static final Set<String> EVENT_TYPES = Set.copyOf(StoraEventType.types());

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Timer> calls;
    private final Meter.MeterProvider<Timer> waits;
    private final Meter.MeterProvider<Counter> refusals;
    private final Meter.MeterProvider<Counter> retries;
    private final Meter.MeterProvider<Counter> deliveries;
    private final Meter.MeterProvider<Timer> polls;
    private final Meter.MeterProvider<Counter> polledRecords;

    public MicrometerStoraMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requests = Timer.builder("stora.requests")
                .description("HTTP requests sent to the Stora API, each attempt of a call on its own")
                .withRegistry(registry);
        this.calls = Timer.builder("stora.calls")
                .description(
                        "Calls to the Stora API as the route sees them, rate-limit waits, 429 replays and retries included")
                .withRegistry(registry);
        this.waits = Timer.builder("stora.rate.limit.waits")
                .description("Time requests waited for the account's request budget before being sent")
                .withRegistry(registry);
        this.refusals = Counter.builder("stora.rate.limit.refusals")
                .description("Calls failed unsent because their wait for the request budget would exceed maxRateLimitWait")
                .withRegistry(registry);
        this.retries = Counter.builder("stora.retries")
                .description("Retries scheduled after a connection error, timeout or 502/503/504")
                .withRegistry(registry);
        this.deliveries = Counter.builder("stora.webhook.deliveries")
                .description("Webhook deliveries answered by stora:webhook consumers")
                .withRegistry(registry);
        this.polls = Timer.builder("stora.polls")
                .description("Polls of stora list consumers")
                .withRegistry(registry);
        this.polledRecords = Counter.builder("stora.poll.records")
                .description("Records polling consumers sent to their routes")
                .withRegistry(registry);
    }

    public MeterRegistry getRegistry() {
        return registry;
    }

    @Override
    public void requestCompleted(String account, StoraOperation operation, int status, long nanos) {
        requests.withTags("account", account, "operation", operation(operation), "method", operation.method().name(),
                "status", status(status), "outcome", CallOutcome.ofRequest(status).tag())
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void callCompleted(String account, StoraOperation operation, int status, CallOutcome outcome, long nanos) {
        calls.withTags("account", account, "operation", operation(operation), "status", status(status), "outcome",
                outcome.tag())
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rateLimitWaited(String account, long nanos) {
        waits.withTags("account", account).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void rateLimitRefused(String account) {
        refusals.withTags("account", account).increment();
    }

    @Override
    public void retryScheduled(String account, StoraOperation operation, String reason) {
        retries.withTags("account", account, "operation", operation(operation), "reason", reason).increment();
    }

    @Override
    public void webhookDelivery(String routeId, String result, String reason, String eventType) {
        deliveries.withTags("routeId", tag(routeId), "result", result, "reason", reason,
                "eventType", eventType(eventType)).increment();
    }

    @Override
    public void pollCompleted(String routeId, String stateKey, boolean success, int records, long nanos) {
        polls.withTags("routeId", tag(routeId), "stateKey", stateKey, "outcome", success ? "success" : "failure")
                .record(nanos, TimeUnit.NANOSECONDS);
        if (records > 0) {
            polledRecords.withTags("routeId", tag(routeId), "stateKey", stateKey).increment(records);
        }
    }

    @Override
    public Registration limiterGauges(String account, Supplier<RequestLimiter.State> state) {
        // the gauges hold the supplier strongly: the registration, not the garbage collector, decides when they go
        Gauge waiting = Gauge.builder("stora.rate.limit.waiting", state, s -> s.get().waiting())
                .description("Calls waiting for the account's request budget")
                .tag("account", account).strongReference(true).register(registry);
        Gauge available = Gauge.builder("stora.rate.limit.available", state, s -> {
            Integer n = s.get().available();
            return n == null ? Double.NaN : n;
        }).description("Requests the account's limiter would let through at once").tag("account", account)
                .strongReference(true).register(registry);
        TimeGauge pause = TimeGauge.builder("stora.rate.limit.pause", state, TimeUnit.MILLISECONDS, s -> {
            Instant until = s.get().pausedUntil();
            return until == null ? 0 : Math.max(0, Duration.between(Instant.now(), until).toMillis());
        }).description("Time left in the account's pause after a 429 (0 when not paused)").tag("account", account)
                .strongReference(true).register(registry);
        return removing(waiting, available, pause);
    }

    @Override
    public Registration pollLagGauge(String routeId, String stateKey, Supplier<Duration> lag) {
        TimeGauge gauge = TimeGauge.builder("stora.poll.lag", lag, TimeUnit.MILLISECONDS, l -> {
            Duration d = l.get();
            return d == null ? Double.NaN : d.toMillis();
        }).description("How far behind the list a polling consumer is: now less the time up to which it has read every change")
                .tags("routeId", tag(routeId), "stateKey", stateKey).strongReference(true).register(registry);
        return removing(gauge);
    }

    private Registration removing(Meter... meters) {
        List<Meter> list = List.of(meters);
        return () -> list.forEach(registry::remove);
    }

    /** {@code contacts/list}: the endpoint path of the operation. */
    private static String operation(StoraOperation operation) {
        return OPERATION_TAGS.get(operation);
    }

    private static Map<StoraOperation, String> operationTags() {
        Map<StoraOperation, String> tags = new EnumMap<>(StoraOperation.class);
        for (StoraOperation op : StoraOperation.values()) {
            tags.put(op, op.resource().uriName() + "/" + op.action());
        }
        return tags;
    }

    private static String status(int status) {
        return status == 0 ? "none" : Integer.toString(status);
    }

    private static String tag(String value) {
        return value == null ? "none" : value;
    }

    /** A type outside the catalog (Stora added one, or a bad payload) becomes {@code other}, bounding the tag's values. */
    private static String eventType(String type) {
        if (type == null) {
            return "unknown";
        }
        return EVENT_TYPES.contains(type) ? type : "other";
    }
}
