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

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A misspelt filter or enum value of a list call fails before any request, as the consumer's do: Stora ignores unknown
 * query parameters and answers an unknown value with nothing, so {@code filter.stauts=available} would list every unit
 * and {@code filter.status=bogus} none, and a bulk flow would act on the wrong records.
 */
class ProducerFilterValidationTest extends StoraTestSupport {

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"units\":[],\"meta\":{\"request_id\":\"r\"}}")));
    }

    @Test
    void anUnknownFilterOptionFailsTheEndpointNamingTheFiltersOfTheList() {
        String message = endpointFailure("stora:units/list?filter.stauts=available");
        assertTrue(message.contains("Unknown filter 'stauts' (filter.stauts) for stora:units/list"), message);
        assertTrue(message.contains("Filters of units: created_after (presumed), created_before (presumed), search (presumed),"
                + " site_id, status, unit_type_id, updated_after (presumed), updated_before (presumed)"), message);
        assertTrue(message.contains("set validateFilters=false"), message);
        assertNoRequest();
    }

    @Test
    void aValueOutsideTheDocumentedValuesFailsTheEndpointNamingThem() {
        String message = endpointFailure("stora:units/list?filter.status=available,bogus");
        assertEquals("filter.status of stora:units/list is 'available,bogus': 'bogus' is not a status of units. Values:"
                + " available, reserved, occupied, overlock, repossessed, unavailable (several separated by commas). To send a"
                + " value the stored reference pages do not show, set validateFilters=false", message);
        // the contacts page lists the values of filters whose names it hides: checked all the same
        assertTrue(endpointFailure("stora:contacts/list?filter.type=household").contains("Values: domestic, company,"));
        assertNoRequest();
    }

    @Test
    void listParametersAreOptionsOfTheirOwn() {
        assertTrue(endpointFailure("stora:units/list?filter.limit=5")
                .startsWith("filter.limit of stora:units/list is not a filter; use the limit option"));
        assertTrue(endpointFailure("stora:units/list?validateFilters=false&filter.expand=site")
                .startsWith("filter.expand of stora:units/list is not a filter; use the expand option"));
    }

    @Test
    void theFiltersHeaderIsCheckedBeforeTheCall() {
        Exchange unknown = call("stora:units/list", null, StoraConstants.FILTERS, Map.of("stauts", "available"));
        assertInstanceOf(IllegalArgumentException.class, unknown.getException());
        assertTrue(unknown.getException().getMessage().startsWith("Unknown filter 'stauts' (the key stauts of the"
                + " CamelStoraFilters header) for stora:units/list"), unknown.getException().getMessage());

        Exchange bogus = call("stora:units/list", null, StoraConstants.FILTERS,
                Map.of("status", List.of("available", "bogus")));
        assertInstanceOf(IllegalArgumentException.class, bogus.getException());
        assertTrue(bogus.getException().getMessage().contains("'bogus' is not a status of units"),
                bogus.getException().getMessage());
        assertNoRequest();

        Exchange fine = call("stora:units/list", null, StoraConstants.FILTERS,
                Map.of("status", List.of("available", "reserved")));
        assertNull(fine.getException());
        wm.verify(RequestPatternBuilder.newRequestPattern().withUrl("/2025-09/units?status=available,reserved"));
    }

    @Test
    void validateFiltersFalseSendsNamesAndValuesAsWritten() {
        Exchange exchange = call("stora:units/list?validateFilters=false&filter.floor=2&filter.status=bogus", null,
                StoraConstants.FILTERS, Map.of("colour", "blue"));
        assertNull(exchange.getException());
        wm.verify(RequestPatternBuilder.newRequestPattern().withUrl("/2025-09/units?floor=2&status=bogus&colour=blue"));
    }

    private String endpointFailure(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        return e.getCause().getMessage();
    }

    private static void assertNoRequest() {
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }
}
