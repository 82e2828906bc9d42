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
package com.example;

import io.camelstora.component.StoraOutputType;
import io.camelstora.component.dsl.StoraEndpointBuilderFactory;
import io.camelstora.component.polling.PollMode;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

public class ContactRoutes extends EndpointRouteBuilder implements StoraEndpointBuilderFactory.StoraBuilders {

    @Override
    public void configure() {
        from(direct("contact"))
                .to(stora("contacts/show").contactId("con_1").outputType(StoraOutputType.JSON_NODE));
        from(direct("companies"))
                .to(stora("contacts/list").filters("type", "company").filters("status", "customer,lead").limit(50));
        from(stora("contacts/list").delay(300_000).pollMode(PollMode.CHANGES).filters("status", "customer"))
                .routeId("poll-customers")
                .to(direct("upsert-contact"));
        from(stora("webhook").secret("{{stora.webhook.secret}}").eventTypes("invoice.*"))
                .routeId("invoice-events")
                .to(direct("invoice-event"));
    }
}
