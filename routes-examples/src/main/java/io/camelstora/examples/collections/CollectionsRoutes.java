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
package io.camelstora.examples.collections;

import io.camelstora.component.StoraConstants;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.examples.support.ExampleWebhooks;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Collections: an uncollectible invoice overlocks the contact's units, adds a timeline event and a task for staff; a
 * paid invoice removes the overlock. The YAML twin: routes/collections.camel.yaml.
 */
public class CollectionsRoutes extends RouteBuilder {

    /**
     * Idempotency-Keys derived from the event id: when Stora delivers the event again after a failed step, the steps
     * that succeeded before are replayed by Stora instead of done twice.
     */
    private static final String KEY = "${header." + StoraConstants.WEBHOOK_EVENT_ID + "}-";

    @Override
    public void configure() {
        CollectionsRequests collections = new CollectionsRequests(
                getContext().resolvePropertyPlaceholders("{{examples.collections.timelineSourceId}}"),
                getContext().resolvePropertyPlaceholders("{{examples.collections.timelineTemplateId}}"),
                getContext().resolvePropertyPlaceholders("{{examples.collections.assigneeId}}"),
                getContext().resolvePropertyPlaceholders("{{examples.collections.taskDue}}"));

        from("stora:webhook?path=/stora/collections-overlock&eventTypes=invoice.marked_uncollectible"
                + "&publicUrl={{examples.publicUrl}}/stora/collections-overlock"
                + "&endpointName={{examples.name}}-collections-overlock" + ExampleWebhooks.REGISTRATION)
                .routeId("collections-overlock")
                // the invoice, with its contact and site embedded
                .setProperty("invoice", body())
                .bean(collections, "byContact")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "overlock"))
                .doTry()
                .to("stora:units/overlock")
                .setProperty(CollectionsRequests.OVERLOCKED_UNITS, simple("${header.CamelStoraMeta[unit_ids]}"))
                // 409: the contact has no occupied unit (moved out, or already overlocked); the rest still applies
                .doCatch(StoraApiException.class)
                .onWhen(simple("${exception.status} == 409"))
                .log("Invoice ${exchangeProperty.invoice[id]}: no occupied unit to overlock")
                .end()
                .bean(collections, "timelineEvent")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "timeline"))
                .to("stora:timeline_events/create")
                .bean(collections, "task")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "task"))
                .to("stora:tasks/create")
                .log("Invoice ${exchangeProperty.invoice[id]} uncollectible: overlocked ${exchangeProperty.overlockedUnits}, task ${body[id]}");

        from("stora:webhook?path=/stora/collections-restore&eventTypes=invoice.paid"
                + "&publicUrl={{examples.publicUrl}}/stora/collections-restore"
                + "&endpointName={{examples.name}}-collections-restore" + ExampleWebhooks.REGISTRATION)
                .routeId("collections-restore")
                .setProperty("invoice", body())
                .bean(collections, "byContact")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "remove-overlock"))
                .doTry()
                .to("stora:units/remove_overlock")
                .log("Invoice ${exchangeProperty.invoice[id]} paid: overlock removed from ${header.CamelStoraMeta[unit_ids]}")
                // 409: nothing of the contact is overlocked, the usual case for a paid invoice
                .doCatch(StoraApiException.class)
                .onWhen(simple("${exception.status} == 409"))
                .log(LoggingLevel.DEBUG, "Invoice ${exchangeProperty.invoice[id]} paid: no overlocked unit")
                .end();
    }
}
