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
package io.camelstora.component.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.webhook.WebhookTestSupport;
import org.apache.camel.Route;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every YAML route of docs/reference/events.md runs: all 50 loaded into one CamelContext with a real HTTP server, each
 * routes a signed delivery of its own event type and acknowledges, without routing, an event of another type.
 */
class EventsDocsTest extends WebhookTestSupport {

    static final Path PAGE = MarkdownSnippets.page("reference/events.md");
    static final Pattern EVENT_TYPES = Pattern.compile("eventTypes: (\\S+)");

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("stora.webhook.secret", SECRET);
        return p;
    }

    @Test
    void everyEventTypeHasARouteThatReceivesIt() throws Exception {
        context.start();
        List<String> snippets = MarkdownSnippets.blocks("yaml", PAGE);
        assertEquals(StoraEventType.values().length, snippets.size());

        List<String> covered = new ArrayList<>();
        int n = 0;
        for (String snippet : snippets) {
            Matcher types = EVENT_TYPES.matcher(snippet);
            assertTrue(types.find(), snippet);
            String type = types.group(1);
            List<Route> added = MarkdownSnippets.loadYaml(context, "snippet.yaml", snippet);
            assertEquals(1, added.size(), snippet);
            Route route = added.get(0);
            String path = ((StoraEndpoint) route.getEndpoint()).getWebhookOptions().normalizedPath();

            NotifyBuilder routed = new NotifyBuilder(context).fromRoute(route.getRouteId()).whenCompleted(1).create();
            String resource = "{\"id\":\"" + ReferenceDocs.resourceOf(StoraEventType.fromType(type).orElseThrow()).idPrefix()
                    + "1\"}";
            assertEquals("{\"status\":\"processed\"}", deliver(path, SECRET, event("evt_events_" + n++, type, resource)).body(),
                    type);
            assertTrue(routed.matchesWaitTime(), type);

            String other = type.equals("unit.updated") ? "unit.created" : "unit.updated";
            assertEquals("{\"status\":\"ignored\"}",
                    deliver(path, SECRET, event("evt_events_" + n++, other, "{\"id\":\"unit_1\"}")).body(), type);
            covered.add(type);
        }
        assertEquals(StoraEventType.types(), covered);
    }
}
