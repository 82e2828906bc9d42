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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Query parameters, bodies of every accepted type, and the metadata rules checked before sending. */
class RequestBuildingTest extends StoraTestSupport {

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"contacts\":[],\"contact\":{\"id\":\"con_1\"},\"meta\":{\"request_id\":\"r\"}}")));
    }

    @Test
    void listQueryFromOptionsFiltersAndHeaders() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", List.of("lead", "customer"));
        filters.put("created_after", OffsetDateTime.of(2025, 1, 12, 15, 30, 0, 0, ZoneOffset.UTC));
        call("stora:contacts/list?expand=site&limit=25&sortBy=updated_at&sortDirection=ASC&filter.type=domestic,company"
                + "&filter.email=a+b@example.com",
                null, StoraConstants.PAGE, 3, StoraConstants.FILTERS, filters);

        assertEquals("/2025-09/contacts?expand=site&page=3&limit=25&sort_by=updated_at&sort_direction=ASC"
                + "&type=domestic,company&email=a%20b%40example.com&status=lead,customer"
                + "&created_after=2025-01-12T15%3A30Z",
                only().getUrl());
    }

    @Test
    void filtersLeftOnTheMessageByALookupAreNotSentByOtherOperations() {
        Map<String, Object> filters = Map.of("email", "ada@example.com");
        call("stora:contacts/list", null, StoraConstants.FILTERS, filters);
        call("stora:contacts/create", Map.of("email", "ada@example.com"), StoraConstants.FILTERS, filters);
        call("stora:contacts/show", null, StoraConstants.FILTERS, filters, StoraConstants.CONTACT_ID, "con_1");

        assertEquals(List.of("GET /2025-09/contacts?email=ada%40example.com", "POST /2025-09/contacts",
                "GET /2025-09/contacts/con_1"),
                wm.findAll(RequestPatternBuilder.allRequests()).stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    @Test
    void headersOverrideListOptions() {
        call("stora:contacts/list?limit=25&sortDirection=ASC", null,
                StoraConstants.LIMIT, "10", StoraConstants.SORT_DIRECTION, "DESC", StoraConstants.EXPAND, "site,contact");

        assertEquals("/2025-09/contacts?expand=site,contact&limit=10&sort_direction=DESC", only().getUrl());
    }

    public static class NewContact {
        public String full_name = "Ada Lovelace";
        public String email = "ada@example.com";
    }

    @ParameterizedTest
    @ValueSource(strings = {"map", "jsonNode", "pojo", "string", "bytes"})
    void bodyOfEveryAcceptedTypeIsSentAsJson(String kind) throws Exception {
        String json = "{\"full_name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}";
        Object body = switch (kind) {
            case "map" -> Map.of("full_name", "Ada Lovelace", "email", "ada@example.com");
            case "jsonNode" -> StoraJson.MAPPER.readTree(json);
            case "pojo" -> new NewContact();
            case "string" -> json;
            default -> json.getBytes();
        };
        Exchange result = call("stora:contacts/create", body);

        assertNull(result.getException());
        wm.verify(RequestPatternBuilder.allRequests().withRequestBody(equalToJson(json))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/json")));
    }

    @Test
    void invalidJsonIsRejectedBeforeSending() {
        Exchange result = call("stora:contacts/create", "{\"full_name\": ");

        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertEquals(true, e.getMessage().startsWith("The body of stora:contacts/create is not valid JSON: "), e.getMessage());
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    @Test
    void bodyMustBeAnObject() {
        Exchange result = call("stora:contacts/create", List.of(1, 2));

        assertEquals("The body of stora:contacts/create must be a JSON object, got a JSON array",
                result.getException().getMessage());
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    @Test
    void tooManyMetadataKeys() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            metadata.put("k" + i, "v");
        }
        assertRejected("stora:contacts/create", Map.of("metadata", metadata),
                "metadata of stora:contacts/create has 21 keys; at most 20 are allowed");
    }

    @Test
    void metadataAtEveryLimitIsSent() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            // 40 characters of the whole allowed alphabet, and a value of 500
            metadata.put(String.format("%02d", i) + "abcdefghijklmnopqrstuvwxyz._:-01234567", "v".repeat(500));
        }

        Exchange result = call("stora:contacts/create", Map.of("metadata", metadata));

        assertNull(result.getException());
        assertEquals(1, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    @Test
    void metadataKeyCharset() {
        assertRejected("stora:tasks/create", Map.of("metadata", Map.of("External-ID", "x")),
                "metadata key 'External-ID' of stora:tasks/create must be 1 to 40 characters of lowercase a-z, 0-9, '.', '_',"
                        + " ':' and '-'");
    }

    @Test
    void metadataKeyLength() {
        String key = "k".repeat(41);
        assertRejected("stora:notes/create", Map.of("metadata", Map.of(key, "x")),
                "metadata key '" + key + "' of stora:notes/create must be 1 to 40 characters of lowercase a-z, 0-9, '.', '_',"
                        + " ':' and '-'");
    }

    @Test
    void metadataValueLength() {
        assertRejected("stora:orders/create", Map.of("metadata", Map.of("note", "x".repeat(501))),
                "metadata key 'note' of stora:orders/create has a value of 501 characters; at most 500 are allowed");
    }

    @Test
    void metadataValueType() {
        assertRejected("stora:orders/create", Map.of("metadata", Map.of("count", 3)),
                "metadata key 'count' of stora:orders/create has a number value; values must be strings");
    }

    @Test
    void nullRemovesAKeyOnlyOnUpdate() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("external_id", null);
        metadata.put("source", "make");
        assertRejected("stora:contacts/create", Map.of("metadata", metadata),
                "metadata key 'external_id' of stora:contacts/create is null; null removes a key and is only allowed on update");

        Exchange update = call("stora:contacts/update?contactId=con_1", Map.of("metadata", metadata));
        assertNull(update.getException());
        wm.verify(RequestPatternBuilder.allRequests()
                .withRequestBody(equalToJson("{\"metadata\":{\"external_id\":null,\"source\":\"make\"}}")));
    }

    @Test
    void metadataCheckCanBeSwitchedOff() {
        Exchange result = call("stora:contacts/create?validateMetadata=false", Map.of("metadata", Map.of("BAD KEY", "x")));

        assertNull(result.getException());
        assertEquals(1, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    private void assertRejected(String uri, Object body, String message) {
        Exchange result = call(uri, body);
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertEquals(message, e.getMessage());
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size(), "nothing sent");
    }

    private static LoggedRequest only() {
        List<LoggedRequest> all = wm.findAll(RequestPatternBuilder.allRequests());
        assertEquals(1, all.size());
        return all.get(0);
    }
}
