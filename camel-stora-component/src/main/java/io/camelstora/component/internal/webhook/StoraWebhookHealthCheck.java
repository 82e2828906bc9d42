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

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health of a {@code stora:webhook} consumer, reported through its route's consumer check: DOWN while no signing
 * secret is known (deliveries are answered 503), else UP with the served path, the Stora endpoint registered by
 * {@code autoRegister}, and how deliveries were answered.
 * <p>
 * Rejected deliveries never turn it DOWN: anyone can post to a public webhook URL, so a few forged requests must not
 * take the application out of service. They are counted per reason ({@code webhook.deliveries.rejected.<reason>}, and
 * {@code stora.webhook.deliveries} with result {@code rejected} in docs/metrics.md); a rotated secret shows there as a
 * run of {@code invalid_signature}.
 */
final class StoraWebhookHealthCheck extends AbstractHealthCheck {

    private final StoraWebhookReceiver receiver;

    StoraWebhookHealthCheck(StoraWebhookReceiver receiver, String routeId) {
        super("camel", "consumer:" + routeId);
        this.receiver = receiver;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("webhook.path", receiver.getServedPath());
        builder.detail("webhook.secret.available", receiver.hasSecret());
        String endpointId = receiver.getRegisteredEndpointId();
        builder.detail("webhook.registered", endpointId != null);
        if (endpointId != null) {
            builder.detail("webhook.endpoint.id", endpointId);
            // the registrar enables a disabled endpoint when it registers
            builder.detail("webhook.endpoint.status", "enabled");
            builder.detail("webhook.registered.time", receiver.getRegisteredAt().toString());
        }
        WebhookDeliveries deliveries = receiver.deliveries();
        WebhookDeliveries.Delivery last = deliveries.getLast();
        if (last != null) {
            builder.detail("webhook.last.delivery.time", last.at().toString());
            builder.detail("webhook.last.delivery.result", last.result().result());
            builder.detail("webhook.last.delivery.status", last.result().status());
            if ("rejected".equals(last.result().result())) {
                builder.detail("webhook.last.delivery.reason", last.result().reason());
            }
            if (last.eventType() != null) {
                builder.detail("webhook.last.event.type", last.eventType());
                builder.detail("webhook.last.event.id", last.eventId());
            }
        }
        long rejected = 0;
        for (WebhookResult r : WebhookResult.values()) {
            if ("rejected".equals(r.result())) {
                rejected += deliveries.count(r);
                builder.detail("webhook.deliveries.rejected." + r.reason(), deliveries.count(r));
            } else {
                builder.detail("webhook.deliveries." + r.result(), deliveries.count(r));
            }
        }
        builder.detail("webhook.deliveries.rejected", rejected);
        if (!receiver.hasSecret()) {
            builder.message("stora:webhook at " + receiver.getServedPath() + " knows no signing secret: deliveries are"
                    + " answered 503").down();
            return;
        }
        builder.up();
    }
}
