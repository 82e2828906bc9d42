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
package io.camelstora.examples.crm;

import io.camelstora.component.StoraConstants;
import io.camelstora.examples.support.ExampleWebhooks;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/** New and updated Stora contacts, pushed to a CRM over HTTP. The YAML twin: routes/contacts-to-crm.camel.yaml. */
public class ContactsToCrmRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("stora:webhook?path=/stora/contacts-to-crm&eventTypes=contact.created,contact.updated"
                + "&publicUrl={{examples.publicUrl}}/stora/contacts-to-crm&endpointName={{examples.name}}-contacts-to-crm"
                + ExampleWebhooks.REGISTRATION)
                .routeId("contacts-to-crm")
                .bean(CrmContacts.class, "fromStora")
                .marshal().json(JsonLibrary.Jackson)
                // an upsert keyed by the Stora id, so a repeated delivery updates the same CRM record
                .setHeader(Exchange.HTTP_METHOD, constant("PUT"))
                .setHeader(Exchange.HTTP_PATH, simple("/${header." + StoraConstants.WEBHOOK_RESOURCE_ID + "}"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                // any answer but 2xx fails the route: Stora gets a 500 and delivers the event again later
                .to("{{examples.crm.url}}/contacts")
                .log("Sent contact ${header.CamelStoraWebhookResourceId} to the CRM (${header.CamelStoraWebhookEventType})");
    }
}
