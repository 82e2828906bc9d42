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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of operations.md, called over HTTP: method, path (options from the URI on one half of the
 * operations, from headers on the other), headers, body, and the unwrapped result.
 */
class OperationCoverageTest extends StoraTestSupport {

    /** Wrapper keys of the API reference examples (https://docs.stora.co/2025-09/api-reference), written out here so the test does not trust the catalog. */
    private static final Map<String, String[]> KEYS = Map.ofEntries(
            Map.entry("contacts", new String[]{"contact", "contacts"}),
            Map.entry("contract_templates", new String[]{"contract_template", "contract_templates"}),
            Map.entry("contracts", new String[]{"contract", "contracts"}),
            Map.entry("coupons", new String[]{"coupon", "coupons"}),
            Map.entry("credit_notes", new String[]{"credit_note", "credit_notes"}),
            Map.entry("deal_stages", new String[]{"stage", "stages"}),
            Map.entry("deals", new String[]{"deal", "deals"}),
            Map.entry("identity_verifications", new String[]{"identity_verification", "identity_verifications"}),
            Map.entry("invoices", new String[]{"invoice", "invoices"}),
            Map.entry("notes", new String[]{"note", "notes"}),
            Map.entry("order_line_items", new String[]{"line_item", "line_items"}),
            Map.entry("orders", new String[]{"order", "orders"}),
            Map.entry("product_categories", new String[]{"product_category", "product_categories"}),
            Map.entry("products", new String[]{"product", "products"}),
            Map.entry("protection_levels", new String[]{"protection_level", "protection_levels"}),
            Map.entry("sites", new String[]{"site", "sites"}),
            Map.entry("staff", new String[]{"staff", "staff"}),
            Map.entry("subscriptions", new String[]{"subscription", "subscriptions"}),
            Map.entry("tasks", new String[]{"task", "tasks"}),
            Map.entry("tenancies", new String[]{"tenancy", "tenancies"}),
            Map.entry("timeline_events", new String[]{"event", "events"}),
            Map.entry("timeline_sources", new String[]{"source", "sources"}),
            Map.entry("timeline_templates", new String[]{"template", "templates"}),
            Map.entry("unit_allocations", new String[]{"unit_allocation", "unit_allocations"}),
            Map.entry("unit_types", new String[]{"unit_type", "unit_types"}),
            Map.entry("units", new String[]{"unit", "units"}),
            Map.entry("webhook_endpoints", new String[]{"endpoint", "endpoints"}));

    static Stream<OperationsContract> operations() {
        return OperationsContract.load().stream();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void callsTheDocumentedEndpoint(OperationsContract op) {
        boolean fromHeaders = op.uri().hashCode() % 2 == 0;
        String path = op.path();
        StringBuilder uri = new StringBuilder(op.uri()).append("?");
        List<Object> headers = new java.util.ArrayList<>();
        for (String option : op.pathOptions()) {
            String value = "x_" + option;
            String snake = option.replaceAll("([A-Z])", "_$1").toLowerCase();
            path = path.replace("{" + snake + "}", value);
            if (fromHeaders) {
                headers.add("CamelStora" + Character.toUpperCase(option.charAt(0)) + option.substring(1));
                headers.add(value);
            } else {
                uri.append(option).append('=').append(value).append('&');
            }
        }

        String expectedContent;
        String document;
        boolean binary = op.resource().equals("images");
        if (binary) {
            expectedContent = null;
            document = null;
        } else if (op.resource().equals("oauth")) {
            expectedContent = "{\"active\":true,\"scope\":\"public.contact:read\"}";
            document = expectedContent;
        } else if (op.method().equals("DELETE") || op.action().endsWith("overlock")) {
            expectedContent = "{\"message\":\"done\"}";
            document = "{\"success\":" + expectedContent + ",\"meta\":{\"request_id\":\"req-1\"}}";
        } else if (op.action().equals("list")) {
            expectedContent = "[{\"id\":\"a\"},{\"id\":\"b\"}]";
            document = "{\"" + KEYS.get(op.resource())[1] + "\":" + expectedContent + ",\"meta\":{\"request_id\":\"req-1\","
                    + "\"pagination\":{\"count\":2,\"page\":1,\"pages\":1,\"limit\":50,\"next\":null,\"prev\":null,\"last\":1}}}";
        } else {
            expectedContent = "{\"id\":\"r_1\",\"status\":\"ok\"}";
            document = "{\"" + KEYS.get(op.resource())[0] + "\":" + expectedContent + ",\"meta\":{\"request_id\":\"req-1\"}}";
        }
        MappingBuilder stub = WireMock.request(op.method(), urlEqualTo(path));
        wm.stubFor(binary
                ? stub.willReturn(
                        aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(new byte[]{1, 2, 3}))
                : stub.willReturn(
                        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(document)));

        boolean hasBody = op.method().equals("POST") || op.method().equals("PATCH");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Ada");
        body.put("metadata", Map.of("source", "camel"));
        Exchange result = call(uri.toString().replaceAll("[?&]$", ""), hasBody ? body : "ignored for " + op.method(),
                headers.toArray());

        if (result.getException() != null) {
            throw new AssertionError(op.uri() + " failed", result.getException());
        }
        List<LoggedRequest> sent = wm.findAll(RequestPatternBuilder.allRequests());
        assertEquals(1, sent.size(), op.uri() + " requests");
        LoggedRequest request = sent.get(0);
        assertEquals(op.method(), request.getMethod().getName());
        assertEquals(path, request.getUrl());
        boolean needsToken = !binary && !op.uri().equals("stora:oauth/token") && !op.uri().equals("stora:oauth/revoke");
        assertEquals(needsToken ? "Bearer " + TOKEN : null, request.getHeader("Authorization"), op.uri() + " Authorization");
        assertEquals("application/json", request.getHeader("Accept"));
        if (op.method().equals("POST")) {
            assertTrue(request.getHeader("Idempotency-Key").matches("[0-9a-f-]{36}"), op.uri() + " Idempotency-Key");
        } else {
            assertNull(request.getHeader("Idempotency-Key"), op.uri() + " Idempotency-Key");
        }
        if (hasBody) {
            assertEquals("application/json", request.getHeader("Content-Type").split(";")[0]);
            wm.verify(RequestPatternBuilder.allRequests()
                    .withRequestBody(equalToJson("{\"name\":\"Ada\",\"metadata\":{\"source\":\"camel\"}}")));
        } else {
            assertEquals(0, request.getBody().length, op.uri() + " sends no body");
        }

        assertEquals(op.uri(), result.getMessage().getHeader(StoraConstants.OPERATION));
        if (binary) {
            assertEquals("image/png", result.getMessage().getHeader(Exchange.CONTENT_TYPE));
            assertEquals(3, result.getMessage().getBody(byte[].class).length);
        } else {
            Object expected = io.camelstora.component.StoraOutputType.MAP.convert(
                    io.camelstora.component.internal.support.StoraJson.parseOrNull(expectedContent.getBytes()));
            assertEquals(expected, result.getMessage().getBody(), op.uri() + " unwrapped body");
        }
        if (!binary && !op.resource().equals("oauth")) {
            assertEquals("req-1", result.getMessage().getHeader(StoraConstants.REQUEST_ID));
        }
        wm.verify(RequestPatternBuilder.allRequests().withHeader("User-Agent", WireMock.matching("camel-stora/.+")));
    }
}
