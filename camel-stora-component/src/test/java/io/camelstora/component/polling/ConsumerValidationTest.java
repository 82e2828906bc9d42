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
package io.camelstora.component.polling;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelstora.component.internal.polling.StoraPollingConsumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumers that cannot work fail when their route starts, saying what would. */
class ConsumerValidationTest extends PollingTestSupport {

    @Test
    void aNonListOperationNamesTheListOfItsResource() {
        String message = startFailure("stora:contacts/show?contactId=con_1");
        assertTrue(message.contains("stora:contacts/show cannot be used in from(): only list operations can be polled"),
                message);
        assertTrue(message.contains("poll stora:contacts/list for contacts"), message);
    }

    @Test
    void aResourceWithoutListNamesEveryPollableOperation() {
        String message = startFailure("stora:oauth/token");
        assertTrue(message.contains("Pollable operations: stora:contacts/list, stora:contract_templates/list"), message);
        assertTrue(message.contains("stora:webhook_endpoints/list"), message);
    }

    @Test
    void anUnknownFilterNamesTheFiltersOfTheResource() {
        String message = startFailure(poll("contacts/list?filter.statuz=customer"));
        assertTrue(message.contains("Unknown filter 'statuz' (filter.statuz) for stora:contacts/list"), message);
        assertTrue(message.contains("email, marketing_source (presumed), search (presumed)"), message);
        assertTrue(message.contains("set validateFilters=false"), message);

        String none = startFailure(poll("tenancies/list?filter.site_id=site_1"));
        assertTrue(none.contains("Filters of tenancies: none"), none);
    }

    @Test
    void validateFiltersFalseSendsAFilterTheReferenceDoesNotShow() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1);
        MockEndpoint mock = route(poll("contacts/list?filter.name=c1&filter.status=lead&validateFilters=false"));
        expect(mock, 1);
        Map<String, String> first = LISTS.requests().get(0);
        assertEquals("c1", first.get("name"));
        assertEquals("lead", first.get("status"));
    }

    @Test
    void documentedAndPresumedFiltersAreAccepted() throws Exception {
        FakeLists.FakeList units = LISTS.list("units", "units", CREATED_ONLY, true);
        units.create("u1", 1);
        route(poll("units/list?filter.status=available,reserved&filter.search=u"));
        polls.awaitMore(1);
        assertEquals("available,reserved", LISTS.requests().get(0).get("status"));
        assertEquals("u", LISTS.requests().get(0).get("search"));
        String stateKey = ((StoraPollingConsumer) context.getRoute("poll").getConsumer()).getStateKey();
        assertTrue(stateKey.matches("stora\\.units\\.[0-9a-f]{8}"), "the filters give the consumer a state key of its own: "
                + stateKey);
    }

    @Test
    void optionsTheConsumerControlsAreRejected() {
        assertTrue(startFailure(poll("contacts/list?filter.updated_after=2025-01-01T00:00:00Z"))
                .contains("filter.updated_after of stora:contacts/list is set by the consumer from its cursor; use"
                        + " initialSync=since:<ISO-8601>"));
        assertTrue(startFailure(poll("contacts/list?limit=10")).contains("remove the producer options limit (use pageSize)"));
        assertTrue(startFailure(poll("contacts/list?filter.page=2"))
                .contains("filter.page of stora:contacts/list is not a filter; use the page option"));
        assertTrue(startFailure(poll("contacts/list?pageSize=500")).contains("pageSize of stora:contacts/list is 500"));
        assertTrue(startFailure(poll("contacts/list?initialSync=yesterday"))
                .contains("use all, none or since:<ISO-8601 timestamp>"));
        assertTrue(startFailure(poll("contacts/list?initialSync=since:2025-13-01"))
                .contains("'2025-13-01' is not an ISO-8601 timestamp"));
        assertTrue(startFailure(poll("order_line_items/list")).contains("needs orderId"));
    }

    @Test
    void twoConsumersCannotShareAStateKey() throws Exception {
        LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        route(poll("contacts/list"));
        String message = startFailure(poll("contacts/list?pageSize=50"));
        assertTrue(message.contains("stateKey stora.contacts of stora://contacts/list?"), message);
        assertTrue(message.contains("give each consumer its own stateKey"), message);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(poll("contacts/list?pageSize=50&stateKey=contacts-eu")).routeId("second").to("mock:second");
            }
        });
        assertTrue(context.getRouteController().getRouteStatus("second").isStarted());
    }

    private final AtomicInteger badRoutes = new AtomicInteger();

    /** Adds {@code from(uri)} to the running context and returns the message of the exception that stopped it. */
    private String startFailure(String uri) {
        String routeId = "bad" + badRoutes.incrementAndGet();
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:never");
            }
        }));
        Throwable cause = e;
        while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof IllegalArgumentException, "fails with IllegalArgumentException: " + e);
        return cause.getMessage();
    }
}
