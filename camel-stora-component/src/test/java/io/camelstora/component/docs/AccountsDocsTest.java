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

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelstora.component.StoraComponent;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/accounts.md as a Camel Main application runs it: the properties and YAML of a second account (declared in the
 * properties or in the routes file), and the account beans of many operators named per exchange.
 */
class AccountsDocsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Main main;

    @BeforeEach
    void stubs() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/contacts")).willReturn(okJson("{\"contact\":{\"id\":\"con_1\"}}")));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(okJson("{\"contacts\":[],\"meta\":{}}")));
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(aResponse().withStatus(503)));
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    private static List<String> blocks(String language) {
        return MarkdownSnippets.blocks(language, MarkdownSnippets.page("accounts.md"));
    }

    private static String block(String language, String containing) {
        return blocks(language).stream().filter(b -> b.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + language + " block with " + containing));
    }

    /** Starts Camel Main on the routes file {@code yaml} with {@code properties} as its application.properties. */
    private ProducerTemplate run(String properties, String yaml) throws IOException {
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, yaml);
        Properties values = new Properties();
        values.load(new StringReader(properties));
        values.put("stora.url", wm.baseUrl());
        values.put("stora.token", "main-account-token");
        values.put("partner.token", "partner-account-token");
        values.put("operator42.token", "operator-42-token");
        values.put("operator43.token", "operator-43-token");
        main = new Main();
        main.setInitialProperties(values);
        main.configure().withRoutesIncludePattern("file:" + routes);
        main.start();
        return main.getCamelContext().createProducerTemplate();
    }

    @Test
    void aSecondComponentDeclaredInTheProperties() throws Exception {
        String yaml = block("yaml", "name: stora2");
        ProducerTemplate template = run(block("properties", "camel.beans.stora2"),
                yaml.substring(yaml.indexOf("- route:")));
        assertSecondAccountWorks(template);
    }

    @Test
    void aSecondComponentDeclaredInTheRoutesFile() throws Exception {
        String properties = block("properties", "camel.beans.stora2").lines()
                .filter(l -> !l.startsWith("camel.beans.")).reduce("", (a, b) -> a + b + "\n");
        ProducerTemplate template = run(properties, block("yaml", "name: stora2"));
        assertSecondAccountWorks(template);
    }

    private void assertSecondAccountWorks(ProducerTemplate template) {
        assertNull(template.request("direct:importLead", e -> e.getIn().setBody("{\"email\":\"a@example.com\"}"))
                .getException());
        assertNull(template.request("direct:newContact", e -> e.getIn().setBody("{\"email\":\"b@example.com\"}"))
                .getException());
        wm.verify(1, postRequestedFor(urlPathEqualTo("/2025-09/contacts"))
                .withHeader("Authorization", equalTo("Bearer partner-account-token")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/2025-09/contacts"))
                .withHeader("Authorization", equalTo("Bearer main-account-token")));

        StoraComponent stora2 = main.getCamelContext().getComponent("stora2", StoraComponent.class);
        assertEquals(30_000, stora2.getMaxRateLimitWait());
        assertFalse(stora2.isRetries());
        assertTrue(main.getCamelContext().getComponent("stora", StoraComponent.class).isRetries());
        // the retries of each account: stora2 does not retry the 503
        Exchange failed = template.request("stora2:sites/list", e -> {
        });
        assertEquals(503, ((io.camelstora.component.http.StoraApiException) failed.getException()).getStatus());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites")));
    }

    @Test
    void accountBeansOfManyOperatorsNamedPerExchange() throws Exception {
        ProducerTemplate template = run("", block("yaml", "io.camelstora.component.StoraAccount"));
        for (String operator : List.of("operator42", "operator43", "operator42")) {
            assertNull(template.request("direct:syncContacts", e -> e.getIn().setHeader("operator", operator))
                    .getException());
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/2025-09/contacts"))
                .withHeader("Authorization", equalTo("Bearer operator-42-token")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/contacts"))
                .withHeader("Authorization", equalTo("Bearer operator-43-token")));
        // the two operators, and the endpoint's own account (no credentials), which the route never called
        assertEquals(3, main.getCamelContext().getComponent("stora", StoraComponent.class).getAccountStats().size());
    }
}
