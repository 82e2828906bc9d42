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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The routes of docs/calling-the-api.md do what the page says, each against the answer it is about: the request it
 * sends, the pages it reads, the PDF it writes, the 404 it catches. (DocsSnippetsTest only runs them against one
 * generic answer.)
 */
class CallingTheApiDocsTest extends StoraTestSupport {

    private static final Path INVOICES = Path.of("target", "docs-invoices");

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        return MarkdownSnippets.placeholderValues();
    }

    @BeforeEach
    void loadThePage() throws Exception {
        wm.resetAll();
        // one test sends a few calls: nothing to throttle or retry here
        context.getComponent("stora", StoraComponent.class).setThrottle(false);
        context.getComponent("stora", StoraComponent.class).setRetries(false);
        assertEquals(7, MarkdownSnippets.loadYamlOfPage(context, "calling-the-api.md").size(), "the page's routes");
        context.start();
    }

    @Test
    void theContactIsShownFromTheHeader() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_123")).willReturn(json(
                "{\"contact\":{\"id\":\"con_123\",\"full_name\":\"Jane Doe\"},\"meta\":{\"request_id\":\"req-7\"}}")));

        Exchange result = template.request("direct:show-contact", e -> {
        });

        assertNull(result.getException());
        assertEquals("Jane Doe", result.getMessage().getBody(java.util.Map.class).get("full_name"));
        assertEquals("req-7", result.getMessage().getHeader("CamelStoraRequestId"));
    }

    @Test
    void theContactIsCreatedWithItsMetadataAndAKey() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/contacts")).willReturn(json("{\"contact\":{\"id\":\"con_1\"}}")));

        assertNull(template.request("direct:create-contact", e -> {
        }).getException());

        wm.verify(postRequestedFor(urlPathEqualTo("/2025-09/contacts"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                .withRequestBody(equalToJson(
                        "{\"email\":\"jane@example.com\",\"full_name\":\"Jane Doe\",\"metadata\":{\"crm_id\":\"42\"}}")));
    }

    @Test
    void theOrdersAreFilteredSortedExpandedAndLimited() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/orders")).willReturn(json("{\"orders\":[{\"id\":\"order_1\"}],"
                + "\"meta\":{\"request_id\":\"r\",\"pagination\":{\"count\":31,\"page\":1,\"pages\":2,\"limit\":20,"
                + "\"next\":2,\"prev\":null,\"last\":2}}}")));

        Exchange result = template.request("direct:newest-orders", e -> {
        });

        assertNull(result.getException());
        assertEquals(31L, result.getMessage().getHeader("CamelStoraTotalCount"));
        assertEquals(2, result.getMessage().getHeader("CamelStoraNextPage"));
        assertEquals("/2025-09/orders?expand=contact&limit=20&sort_by=created_at&sort_direction=DESC&status=finalized",
                only().getUrl());
    }

    @Test
    void theExportReadsOnlyThePagesItsCapNeeds() throws Exception {
        for (int page = 2; page <= 5; page++) {
            wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(json(contactsPage(page, 5))));
        }
        // the first request carries no page parameter: Stora starts at 1
        wm.stubFor(
                get(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", absent()).willReturn(json(contactsPage(1, 5))));
        MockEndpoint contacts = getMockEndpoint("mock:contacts");
        contacts.expectedMessageCount(250);

        template.sendBody("direct:export-contacts", null);

        contacts.assertIsSatisfied();
        assertEquals("con_1_0", contacts.getExchanges().get(0).getMessage().getBody(java.util.Map.class).get("id"));
        assertEquals("con_3_49", contacts.getExchanges().get(249).getMessage().getBody(java.util.Map.class).get("id"));
        // the cap (250) falls on page 3: pages 4 and 5 are never requested
        wm.verify(3, getRequestedFor(urlPathEqualTo("/2025-09/contacts")).withQueryParam("limit", equalTo("100")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo("4")));
    }

    @Test
    void theWholeDocumentComesWithItsMeta() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(json(
                "{\"sites\":[{\"id\":\"site_1\"}],\"meta\":{\"request_id\":\"req-9\"}}")));

        Exchange result = template.request("direct:site-document", e -> {
        });

        assertNull(result.getException());
        java.util.Map<?, ?> document = result.getMessage().getBody(java.util.Map.class);
        assertEquals(java.util.Map.of("request_id", "req-9"), document.get("meta"));
        assertEquals(List.of(java.util.Map.of("id", "site_1")), document.get("sites"));
    }

    @Test
    void theInvoiceIsWrittenAsThePdfStoraSent() throws Exception {
        byte[] pdf = "%PDF-1.7 invoice".getBytes();
        wm.stubFor(get(urlPathEqualTo("/2025-09/invoices/inv_123")).withHeader("Accept", equalTo("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(pdf)));
        Files.deleteIfExists(INVOICES.resolve("inv_123.pdf"));

        assertNull(template.request("direct:invoice-pdf", e -> {
        }).getException());

        assertArrayEquals(pdf, Files.readAllBytes(INVOICES.resolve("inv_123.pdf")));
    }

    @Test
    void a404IsCaughtAndOtherErrorsAreNot() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"resource_not_found\","
                        + "\"details\":[],\"links\":[],\"message\":\"The requested resource was not found.\","
                        + "\"request_id\":\"req-404\",\"type\":\"invalid_request_error\"}}")));

        Exchange notFound = template.request("direct:contact-or-null", e -> e.getIn().setBody("ignored"));

        assertNull(notFound.getException());
        assertNull(notFound.getMessage().getBody());

        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_gone")).willReturn(aResponse().withStatus(503)));
        Exchange unavailable = template.request("direct:contact-or-null", e -> {
        });
        assertEquals(503, assertInstanceOf(StoraApiException.class, unavailable.getException()).getStatus());
    }

    @Test
    void thePropertiesOfThePageConfigureTheAccount() throws Exception {
        Properties page = new Properties();
        page.load(new java.io.StringReader(MarkdownSnippets.blocks("properties", MarkdownSnippets.page("calling-the-api.md"))
                .get(0)));
        Map<String, Object> options = new java.util.HashMap<>();
        page.forEach((key, value) -> options.put(((String) key).substring("camel.component.stora.".length()), value));
        StoraComponent component = new StoraComponent();
        component.setCamelContext(context);

        PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withProperties(options)
                .withConfigurer(component.getComponentPropertyConfigurer()).withMandatory(true).bind();

        assertEquals(5_000, component.getConnectTimeout());
        assertEquals(20_000, component.getResponseTimeout());
        assertEquals(10, component.getMaxConnections());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Page {@code page} of {@code pages}, 100 contacts con_PAGE_N. */
    private static String contactsPage(int page, int pages) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            records.append(i == 0 ? "" : ",").append("{\"id\":\"con_").append(page).append('_').append(i).append("\"}");
        }
        return "{\"contacts\":[" + records + "],\"meta\":{\"request_id\":\"r" + page + "\",\"pagination\":{\"count\":"
                + pages * 100 + ",\"page\":" + page + ",\"pages\":" + pages + ",\"limit\":100,\"next\":"
                + (page < pages ? page + 1 : "null") + ",\"prev\":" + (page > 1 ? page - 1 : "null") + ",\"last\":" + pages
                + "}}}";
    }

    private static LoggedRequest only() {
        List<LoggedRequest> all = wm.findAll(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.allRequests());
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }
}
