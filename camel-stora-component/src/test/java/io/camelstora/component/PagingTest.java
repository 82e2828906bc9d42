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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fetchAllPages: every page, streamed one page at a time, with a cap. */
class PagingTest extends StoraTestSupport {

    /** Per processed record: how many requests the server had seen at that moment. */
    private final List<Integer> requestsSeenWhenProcessed = new CopyOnWriteArrayList<>();
    private final List<Object> ids = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("stora:contacts/list?fetchAllPages=true&limit=2&maxItems={{cap}}")
                        .split(body()).streaming()
                        .process(e -> {
                            requestsSeenWhenProcessed.add(wm.findAll(RequestPatternBuilder.allRequests()).size());
                            ids.add(e.getIn().getBody(Map.class).get("id"));
                        });
                from("direct:exportOnePageAtATime")
                        .to("stora:contacts/list?fetchAllPages=true&limit=2&maxItems={{cap}}&pagesInFlight=1")
                        .split(body()).streaming()
                        .process(e -> {
                            requestsSeenWhenProcessed.add(wm.findAll(RequestPatternBuilder.allRequests()).size());
                            ids.add(e.getIn().getBody(Map.class).get("id"));
                        });
            }
        };
    }

    @Override
    protected java.util.Properties useOverridePropertiesWithPropertiesComponent() {
        java.util.Properties p = new java.util.Properties();
        p.put("cap", "5");
        return p;
    }

    @BeforeEach
    void threePages() {
        wm.resetAll();
        for (int page = 1; page <= 3; page++) {
            wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(page(page)));
        }
        // the first request carries no page parameter: Stora starts at 1
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts"))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(page(1)));
    }

    @Test
    void onePageAtATimeStreamsPagesLazilyAndStopsAtTheCap() {
        template.sendBody("direct:exportOnePageAtATime", null);

        assertEquals(List.of("con_1", "con_2", "con_3", "con_4", "con_5"), ids);
        // the first record was processed when only page 1 had been requested; the streaming splitter looks one record
        // ahead, so the last record of a page meets the next page already fetched
        assertEquals(List.of(1, 2, 2, 3, 3), requestsSeenWhenProcessed);
        // the cap (5) falls on page 3: no page beyond it is requested
        wm.verify(3, getRequestedFor(urlPathEqualTo("/2025-09/contacts")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo("3"))
                .withQueryParam("limit", equalTo("2")));
    }

    @Test
    void laterPagesAreInFlightTogetherDeliveredInOrderUpToTheCap() {
        // page 2 answers after 2 s: page 3 is requested meanwhile, not after page 2 came back
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo("2"))
                .willReturn(page(2).withFixedDelay(2000)));

        template.sendBody("direct:export", null);

        assertEquals(List.of("con_1", "con_2", "con_3", "con_4", "con_5"), ids, "in list order");
        assertEquals(3, requestsSeenWhenProcessed.get(2), "page 3 was requested before page 2 was answered");
        wm.verify(3, getRequestedFor(urlPathEqualTo("/2025-09/contacts")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo("4")));
    }

    @Test
    void withoutCapEveryPageIsRead() {
        Exchange result = call("stora:contacts/list?fetchAllPages=true&limit=2", null);

        List<Object> all = new ArrayList<>();
        ((java.util.Iterator<?>) result.getMessage().getBody()).forEachRemaining(all::add);
        assertEquals(6, all.size());
        assertEquals(120L, result.getMessage().getHeader(StoraConstants.TOTAL_COUNT));
    }

    @Test
    void failedPageSurfacesAsTheApiError() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":\"resource_not_found\",\"message\":\"gone\",\"request_id\":\"r2\",\"type\":\"invalid_request_error\"}}")));

        Exchange result = template.request("direct:export", e -> {
        });

        StoraApiException e = assertInstanceOf(StoraApiException.class, rootCause(result.getException()));
        assertEquals("resource_not_found", e.getCode());
        assertTrue(ids.contains("con_1"), "records before the failed page were processed: " + ids);
        assertTrue(ids.stream().noneMatch(id -> id.equals("con_3") || id.equals("con_5")), ids.toString());
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && !(t instanceof StoraApiException)) {
            t = t.getCause();
        }
        return t;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(int page) {
        String next = page < 3 ? String.valueOf(page + 1) : "null";
        String prev = page > 1 ? String.valueOf(page - 1) : "null";
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                "{\"contacts\":[{\"id\":\"con_" + (page * 2 - 1) + "\"},{\"id\":\"con_" + (page * 2) + "\"}],"
                        + "\"meta\":{\"request_id\":\"r" + page + "\",\"pagination\":{\"count\":120,\"last\":3,\"limit\":2,"
                        + "\"next\":" + next + ",\"page\":" + page + ",\"pages\":3,\"prev\":" + prev + "}}}");
    }
}
