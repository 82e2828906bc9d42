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

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.util.StringHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snippets in docs/ work: every YAML route loads into a CamelContext, the ones starting from direct: run against
 * a stub API without error, and every stora: URI of a Java snippet resolves to an endpoint.
 */
class DocsSnippetsTest extends StoraTestSupport {

    private static final Pattern STORA_URI = Pattern.compile("\"(stora:[^\"]+)\"");

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        return MarkdownSnippets.placeholderValues();
    }

    @BeforeEach
    void stub() {
        // a hundred snippets in one context would spend a minute and a half in the account's 60/min limit
        context.getComponent("stora", io.camelstora.component.StoraComponent.class).setThrottle(false);
        // the polling routes of docs/polling.md start consumers: their state files go under target/
        context.getComponent("stora", StoraComponent.class).getConfiguration().setStateDirectory("target/docs-polling-state");
        // the event store the webhook snippets refer to (eventStore=#storaEvents); resolving a URI does not start it
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:docs-snippets;DB_CLOSE_DELAY=-1");
        context.getRegistry().bind("storaEvents", new JdbcWebhookEventStore(h2));
        context.start();
        wm.resetAll();
        // unwrapping falls back to the only member besides meta, so one answer fits every operation
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"records\":[{\"id\":\"x_1\"}],\"meta\":{\"request_id\":\"r\"}}")));
    }

    @Test
    void yamlRoutesLoadAndDirectOnesRun() throws Exception {
        // webhook routes need an HTTP server (WebhookDocsTest runs them), Kamelets camel-kamelet (KameletDocsTest)
        List<String> snippets = MarkdownSnippets.blocksOfAllPages("yaml").stream()
                .filter(s -> s.startsWith("- route:") || s.startsWith("- from:"))
                .filter(s -> !s.contains("uri: stora:webhook") && !s.contains("kamelet:")).toList();
        assertTrue(snippets.size() >= 93, "one YAML route per operation at least, found " + snippets.size());
        int run = 0;
        for (String snippet : snippets) {
            for (Route route : MarkdownSnippets.loadYaml(context, "snippet.yaml", snippet)) {
                if (route.getEndpoint().getEndpointUri().startsWith("direct:")) {
                    Exchange result = template.request(route.getEndpoint(), e -> e.getIn().setBody(null));
                    assertNull(result.getException(), () -> "snippet failed:\n" + snippet + "\n" + result.getException());
                    run++;
                }
            }
        }
        assertTrue(run >= 93, "ran " + run);
    }

    @Test
    void javaSnippetUrisResolve() throws Exception {
        int resolved = 0;
        for (String snippet : MarkdownSnippets.blocksOfAllPages("java")) {
            Matcher m = STORA_URI.matcher(snippet);
            while (m.find()) {
                String uri = context.resolvePropertyPlaceholders(m.group(1));
                assertTrue(context.getEndpoint(uri) != null, uri);
                resolved++;
            }
        }
        assertTrue(resolved >= 93, "resolved " + resolved);
    }

    @Test
    void everyComponentPropertyOfThePagesIsAnOption() {
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) context.getComponent("stora", StoraComponent.class)
                .getComponentPropertyConfigurer();
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (String block : MarkdownSnippets.blocksOfAllPages("properties")) {
            for (String line : block.lines().map(String::trim).toList()) {
                if (line.startsWith("camel.component.stora.") && line.contains("=")) {
                    String name = line.substring("camel.component.stora.".length(), line.indexOf('=')).trim();
                    // Camel Main and Spring Boot accept kebab-case as well
                    if (options.getOptionType(StringHelper.dashToCamelCase(name), true) == null) {
                        unknown.add(line);
                    }
                    checked++;
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(checked >= 20, "checked " + checked);
    }
}
