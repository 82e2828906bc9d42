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
import java.util.List;
import java.util.Properties;

import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.webhook.WebhookTestSupport;
import org.apache.camel.Route;
import org.apache.camel.builder.NotifyBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every YAML webhook route of docs/webhooks.md and docs/getting-started.md runs: loaded into a CamelContext with a real HTTP server, it answers a delivery
 * signed with the secret its placeholder resolves to, and its route completes the exchange.
 */
class WebhookDocsTest extends WebhookTestSupport {

    /** The pages with webhook routes that take invoice.paid; docs/reference/events.md has EventsDocsTest. */
    static final List<Path> PAGES = List.of(MarkdownSnippets.page("webhooks.md"), MarkdownSnippets.page("getting-started.md"));
    static final String DOCS_SECRET = "whsec-for-docs";
    static final String PREVIOUS_SECRET = "whsec-previous-for-docs";
    static final String PAID = "{\"id\":\"inv_1\",\"status\":\"paid\",\"total\":{\"amount\":5999,\"currency\":\"GBP\","
            + "\"formatted\":\"£59.99\"}}";

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("stora.webhook.secret", DOCS_SECRET);
        p.setProperty("stora.webhook.previousSecret", PREVIOUS_SECRET);
        return p;
    }

    @Test
    void everyYamlRouteOfThePageAnswersASignedDelivery() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:webhook-docs;DB_CLOSE_DELAY=-1");
        context.getRegistry().bind("dataSource", dataSource);
        context.start();

        List<String> snippets = MarkdownSnippets.blocks("yaml", PAGES).stream().filter(s -> s.contains("stora:webhook"))
                .toList();
        assertTrue(snippets.size() >= 3, "found " + snippets.size());
        int delivered = 0;
        for (String snippet : snippets) {
            for (Route route : MarkdownSnippets.loadYaml(context, "snippet.yaml", snippet)) {
                String path = ((StoraEndpoint) route.getEndpoint()).getWebhookOptions().normalizedPath();
                for (String secret : secretsOf(snippet)) {
                    NotifyBuilder done = new NotifyBuilder(context).fromRoute(route.getRouteId()).whenCompleted(1).create();
                    String body = event("evt_docs_" + delivered, "invoice.paid", PAID);
                    assertEquals("{\"status\":\"processed\"}", deliver(path, secret, body).body(), snippet);
                    assertTrue(done.matchesWaitTime(), snippet);
                    delivered++;
                }
            }
        }
        assertTrue(delivered >= 5, "delivered " + delivered);
    }

    private static List<String> secretsOf(String snippet) {
        return snippet.contains("previousSecret") ? List.of(DOCS_SECRET, PREVIOUS_SECRET) : List.of(DOCS_SECRET);
    }
}
