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
package io.camelstora.component;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the route receives: unwrapped content or the whole document, meta in headers, PDF and CSV as bytes. */
class ResponseMappingTest extends StoraTestSupport {

    private static final String CONTACTS_PAGE = """
            {"contacts": [{"id": "con_1", "email": "a@example.com"}, {"id": "con_2", "email": "b@example.com"}],
             "meta": {"request_id": "req-7", "curies": [],
                      "pagination": {"count": 120, "last": 3, "limit": 50, "next": 2, "page": 1, "pages": 3, "prev": null}}}""";

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(json(CONTACTS_PAGE)));
    }

    @Test
    void listIsUnwrappedAndMetaGoesToHeaders() {
        Exchange result = call("stora:contacts/list", null);

        assertEquals(List.of(Map.of("id", "con_1", "email", "a@example.com"), Map.of("id", "con_2", "email", "b@example.com")),
                result.getMessage().getBody());
        assertEquals("req-7", result.getMessage().getHeader(StoraConstants.REQUEST_ID));
        assertEquals(2, result.getMessage().getHeader(StoraConstants.NEXT_PAGE));
        assertEquals(120L, result.getMessage().getHeader(StoraConstants.TOTAL_COUNT));
        assertEquals(3, ((Map<?, ?>) result.getMessage().getHeader(StoraConstants.PAGINATION)).get("pages"));
        assertEquals(200, result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("req-7", ((Map<?, ?>) result.getMessage().getHeader(StoraConstants.META)).get("request_id"));
    }

    @Test
    void rateLimitHeadersAreNumbersOrTheTextStoraSentAndDoNotOutliveTheirResponse() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(json(CONTACTS_PAGE).withHeader("RateLimit-Limit", "60")
                .withHeader("RateLimit-Remaining", " 59 ").withHeader("RateLimit-Reset", "limit=60, remaining=59, reset=1")));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_1"))
                .willReturn(json("{\"contact\":{\"id\":\"con_1\"},\"meta\":{\"request_id\":\"req-8\"}}")));

        Exchange list = call("stora:contacts/list", null);
        assertEquals(60L, list.getMessage().getHeader(StoraConstants.RATE_LIMIT_LIMIT));
        assertEquals(59L, list.getMessage().getHeader(StoraConstants.RATE_LIMIT_REMAINING));
        assertEquals("limit=60, remaining=59, reset=1", list.getMessage().getHeader(StoraConstants.RATE_LIMIT_RESET));

        list.getIn().setHeaders(list.getMessage().getHeaders());
        list.getIn().setHeader(StoraConstants.CONTACT_ID, "con_1");
        Exchange show = template.send("stora:contacts/show", list);

        assertNull(show.getMessage().getHeader(StoraConstants.RATE_LIMIT_LIMIT));
        assertNull(show.getMessage().getHeader(StoraConstants.RATE_LIMIT_REMAINING));
        assertNull(show.getMessage().getHeader(StoraConstants.RATE_LIMIT_RESET));
    }

    @Test
    void wholeDocumentOnRequest() {
        Exchange result = call("stora:contacts/list?unwrap=false&outputType=JSON_NODE", null);

        JsonNode document = assertInstanceOf(JsonNode.class, result.getMessage().getBody());
        assertEquals("req-7", document.path("meta").path("request_id").asText());
        assertEquals(2, document.path("contacts").size());
    }

    @Test
    void jsonTextOnRequest() {
        Exchange result = call("stora:contacts/list?outputType=STRING", null);

        assertEquals("[{\"id\":\"con_1\",\"email\":\"a@example.com\"},{\"id\":\"con_2\",\"email\":\"b@example.com\"}]",
                result.getMessage().getBody());
    }

    @Test
    void headersOfAPreviousListDoNotLeakIntoTheNextResult() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_1"))
                .willReturn(json("{\"contact\":{\"id\":\"con_1\"},\"meta\":{\"request_id\":\"req-8\"}}")));

        Exchange list = call("stora:contacts/list", null);
        list.getIn().setHeaders(list.getMessage().getHeaders());
        list.getIn().setHeader(StoraConstants.CONTACT_ID, "con_1");
        Exchange show = template.send("stora:contacts/show", list);

        assertEquals("req-8", show.getMessage().getHeader(StoraConstants.REQUEST_ID));
        assertNull(show.getMessage().getHeader(StoraConstants.PAGINATION));
        assertNull(show.getMessage().getHeader(StoraConstants.NEXT_PAGE));
    }

    @Test
    void invoicePdf() {
        byte[] pdf = "%PDF-1.4 fake".getBytes();
        wm.stubFor(get(urlPathEqualTo("/2025-09/invoices/inv_1")).withHeader("Accept", equalTo("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(pdf)));

        Exchange result = call("stora:invoices/show?invoiceId=inv_1&format=PDF", null);

        assertArrayEquals(pdf, result.getMessage().getBody(byte[].class));
        assertEquals("application/pdf", result.getMessage().getHeader(Exchange.CONTENT_TYPE));
    }

    @Test
    void formatHeaderAsksForAPdfPerExchange() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/credit_notes/cred_1")).withHeader("Accept", equalTo("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody("%PDF")));

        Exchange result = call("stora:credit_notes/show?creditNoteId=cred_1", null, StoraConstants.FORMAT, "pdf");

        assertEquals("%PDF", result.getMessage().getBody(String.class));
    }

    @Test
    void contactsCsv() {
        String csv = "id,email\ncon_1,a@example.com\n";
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).withHeader("Accept", equalTo("text/csv"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv; charset=utf-8").withBody(csv)));

        Exchange result = call("stora:contacts/list?format=CSV&limit=100", null);

        assertEquals(csv, result.getMessage().getBody(String.class));
        assertEquals("text/csv; charset=utf-8", result.getMessage().getHeader(Exchange.CONTENT_TYPE));
        wm.verify(getRequestedFor(urlPathEqualTo("/2025-09/contacts")).withQueryParam("limit", equalTo("100")));
    }

    @Test
    void pdfNotOfferedForAContactIsRefusedPerExchangeToo() {
        Exchange result = call("stora:contacts/show?contactId=con_1", null, StoraConstants.FORMAT, "pdf");

        assertEquals("stora:contacts/show cannot answer pdf; it answers json", result.getException().getMessage());
    }

    @Test
    void deleteGivesTheSuccessObject() {
        wm.stubFor(delete(urlPathEqualTo("/2025-09/notes/note_1")).willReturn(json(
                "{\"success\":{\"message\":\"Note deleted successfully.\"},\"meta\":{\"request_id\":\"r\"}}")));

        Exchange result = call("stora:notes/delete?noteId=note_1", null);

        assertEquals(Map.of("message", "Note deleted successfully."), result.getMessage().getBody());
    }

    @Test
    void noContentGivesNoBody() {
        wm.stubFor(delete(urlPathEqualTo("/2025-09/notes/note_2")).willReturn(aResponse().withStatus(204)));

        Exchange result = call("stora:notes/delete?noteId=note_2", "previous body");

        assertNull(result.getException());
        assertNull(result.getMessage().getBody());
        assertEquals(204, result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    @Test
    void unexpectedWrapperKeyFallsBackToTheOnlyMember() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/staff/staff_1")).willReturn(json(
                "{\"staff_member\":{\"id\":\"staff_1\"},\"meta\":{\"request_id\":\"r\"}}")));

        Exchange result = call("stora:staff/show?staffId=staff_1", null);

        assertEquals(Map.of("id", "staff_1"), result.getMessage().getBody());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
