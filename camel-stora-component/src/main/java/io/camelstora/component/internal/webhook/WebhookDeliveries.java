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

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.camelstora.component.internal.metrics.StoraMetrics;

/**
 * How one {@code stora:webhook} endpoint answered its deliveries: counts per {@link WebhookResult} and the latest
 * delivery, for its consumer's health check, each also reported to the component's {@link StoraMetrics}.
 */
public final class WebhookDeliveries {

    /**
     * The latest delivery.
     *
     * @param eventId   the verified event's id, {@code null} when the delivery was rejected before it was parsed
     * @param eventType likewise its type
     */
    public record Delivery(Instant at, WebhookResult result, String eventId, String eventType) {
    }

    /** Asked at each delivery: the component finds its meter registry once the application has bound it. */
    private final Supplier<StoraMetrics> metrics;
    private final Map<WebhookResult, LongAdder> counts = new EnumMap<>(WebhookResult.class);
    private volatile Delivery last;

    WebhookDeliveries(Supplier<StoraMetrics> metrics) {
        this.metrics = metrics;
        for (WebhookResult r : WebhookResult.values()) {
            counts.put(r, new LongAdder());
        }
    }

    void record(String routeId, WebhookResult result, WebhookEvent event) {
        String type = event == null ? null : event.type();
        counts.get(result).increment();
        last = new Delivery(Instant.now(), result, event == null ? null : event.id(), type);
        metrics.get().webhookDelivery(routeId, result.result(), result.reason(), type);
    }

    /** The latest delivery, {@code null} before the first. */
    public Delivery getLast() {
        return last;
    }

    /** Deliveries answered with {@code result} since the endpoint was created. */
    public long count(WebhookResult result) {
        return counts.get(result).sum();
    }
}
