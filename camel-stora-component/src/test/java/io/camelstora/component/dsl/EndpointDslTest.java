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
package io.camelstora.component.dsl;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.ContactRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.StoraTestSupport;
import io.camelstora.component.internal.support.StoraJson;
import io.camelstora.component.polling.PollMode;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The typed endpoint builder generated from stora.json by camel-package-maven-plugin: routes written with it reach
 * Stora with the options they set, and it has a method for every option of the component (so it is never older than
 * stora.json).
 */
class EndpointDslTest extends StoraTestSupport {

    /**
     * The class docs/tooling.md shows, with its imports, as a user writes it (package com.example): its producers reach
     * Stora with their options, and its consumers are created with theirs (they are not started: no platform-http server
     * and no polling here).
     */
    @Test
    void theRouteClassOfTheToolingPageBuildsItsEndpoints() throws Exception {
        assertEquals(ToolingPage.shownClass(), ToolingPage.sourceOf(ContactRoutes.class));
        wm.stubFor(get(urlEqualTo("/2025-09/contacts/con_1")).willReturn(okJson("{\"contact\":{\"id\":\"con_1\"}}")));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(okJson("{\"contacts\":[],\"meta\":{}}")));
        try (CamelContext page = new DefaultCamelContext()) {
            StoraComponent stora = page.getComponent("stora", StoraComponent.class);
            stora.getConfiguration().setBaseUrl(wm.baseUrl());
            stora.getConfiguration().setAccessToken(TOKEN);
            page.getPropertiesComponent().addInitialProperty("stora.webhook.secret", "whsec_tooling");
            page.setAutoStartup(false);
            page.addRoutes(new ContactRoutes());
            page.start();
            for (Route route : page.getRoutes()) {
                if (route.getEndpoint().getEndpointUri().startsWith("direct:")) {
                    page.getRouteController().startRoute(route.getRouteId());
                }
            }
            ProducerTemplate producer = page.createProducerTemplate();
            assertInstanceOf(JsonNode.class, producer.requestBody("direct:contact", (Object) null));
            producer.requestBody("direct:companies", (Object) null);
            wm.verify(getRequestedFor(urlEqualTo("/2025-09/contacts?limit=50&type=company&status=customer,lead")));

            StoraEndpoint poll = (StoraEndpoint) page.getRoute("poll-customers").getEndpoint();
            assertEquals(PollMode.CHANGES, poll.getPollingOptions().getPollMode());
            assertEquals(300_000, poll.getDelay());
            assertEquals(Map.of("status", "customer"), poll.getRequestOptions().getFilters());
            StoraEndpoint webhook = (StoraEndpoint) page.getRoute("invoice-events").getEndpoint();
            assertEquals("invoice.*", webhook.getWebhookOptions().getEventTypes());
        }
    }

    @Test
    void theBuilderResolvesToAConfiguredEndpoint() {
        StoraEndpoint webhook = (StoraEndpoint) StoraEndpointBuilderFactory.endpointBuilder("stora", "webhook")
                .eventTypes("invoice.*").path("/hooks/stora").resolve(context);
        assertEquals("invoice.*", webhook.getWebhookOptions().getEventTypes());
        assertEquals("/hooks/stora", webhook.getWebhookOptions().getPath());
    }

    @Test
    void everyOptionOfTheComponentHasABuilderMethod() throws Exception {
        JsonNode json;
        try (var in = getClass().getResourceAsStream("/META-INF/io/camelstora/component/stora.json")) {
            json = StoraJson.MAPPER.readTree(in);
        }
        Set<String> methods = new HashSet<>();
        for (Class<?> builder : List.of(StoraEndpointBuilderFactory.StoraEndpointBuilder.class,
                StoraEndpointBuilderFactory.AdvancedStoraEndpointBuilder.class)) {
            for (Method m : builder.getMethods()) {
                methods.add(m.getName());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            if (!"path".equals(option.getValue().path("kind").asText()) && !methods.contains(option.getKey())) {
                missing.add(option.getKey());
            }
        }
        assertEquals(List.of(), missing, "regenerate with mvn process-classes -pl camel-stora-component");
    }
}
