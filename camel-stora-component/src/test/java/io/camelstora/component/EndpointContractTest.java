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

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a wrong URI or a missing path value tells the user, and that nothing is sent then. */
class EndpointContractTest extends StoraTestSupport {

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @Test
    void unknownResourceListsTheValidResources() {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("stora:contact/show"));
        String message = e.getCause().getMessage();
        assertTrue(message.startsWith("Unknown Stora resource 'contact' in stora:contact/show. Valid resources: contacts,"
                + " contract_templates, contracts,"), message);
        assertTrue(message.endsWith("webhook_endpoints, and webhook to receive events"), message);
    }

    @Test
    void unknownActionListsTheActionsOfTheResource() {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("stora:contacts/get"));
        assertEquals("Unknown action 'get' of Stora resource contacts. Valid actions of contacts: create, delete, list, show,"
                + " update", e.getCause().getMessage());
    }

    @Test
    void missingActionListsTheActionsOfTheResource() {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint("stora:orders"));
        assertEquals("stora:orders needs an action: stora:orders/<action>. Valid actions of orders: create, delete, finalize,"
                + " list, show, update, validate", e.getCause().getMessage());
    }

    @Test
    void listOptionsOnAShowAreRejected() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("stora:contacts/show?fetchAllPages=true"));
        assertTrue(e.getCause().getMessage().startsWith("stora:contacts/show is not a list"), e.getCause().getMessage());
    }

    @Test
    void filterOptionsOnANonListAreRejected() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("stora:contacts/create?filter.status=lead&filter.email=a@example.com"));
        assertEquals("stora:contacts/create is not a list: fetchAllPages, page, limit, sortBy, sortDirection and filter.*"
                + " apply only to list operations; remove filter.email, filter.status; list contacts with"
                + " stora:contacts/list", e.getCause().getMessage());
    }

    @Test
    void unsupportedFormatNamesTheFormatsOfTheOperation() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("stora:contacts/show?format=PDF"));
        assertEquals("stora:contacts/show cannot answer pdf; it answers json", e.getCause().getMessage());
    }

    @Test
    void limitOutOfRangeIsRejected() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("stora:contacts/list?limit=500"));
        assertEquals("limit of stora:contacts/list is 500; Stora accepts 1 to 100", e.getCause().getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stora:contacts/list?outputType=XML|outputType of stora:contacts/list is 'XML'; use one of MAP, JSON_NODE, STRING",
            "stora:contacts/list?format=XLS|format of stora:contacts/list is 'XLS'; use one of JSON, CSV, PDF",
            "stora:webhook?secret=s&unregisterOnStop=MAYBE|unregisterOnStop of stora:webhook is 'MAYBE'; use one of NONE, DISABLE, DELETE",
            "stora:contacts/list?pollMode=SOMETIMES|pollMode of stora:contacts/list is 'SOMETIMES'; use one of CHANGES, CREATED",
    })
    void anUnknownEnumValueNamesTheOptionAndItsChoices(String uri, String message) {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        assertEquals(message, assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stora:contacts/list?baseUrl=public-api.stora.co|baseUrl of stora:contacts/list is 'public-api.stora.co'",
            "stora:contacts/list?baseUrl=ftp://files.example.com|baseUrl of stora:contacts/list is 'ftp://files.example.com'",
            "stora:webhook?secret=s&baseUrl=https:///2025-09|baseUrl of stora:webhook is 'https:///2025-09'",
    })
    void aBaseUrlThatIsNoHttpUrlFailsWhenTheEndpointIsCreated(String uri, String message) {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        assertEquals(message + "; use the API's https:// URL (the default, https://public-api.stora.co) or a simulator's"
                + " http:// URL", assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CamelStoraLimit|500|Header CamelStoraLimit of stora:contacts/list is '500'; Stora accepts 1 to 100",
            "CamelStoraLimit|ten|Header CamelStoraLimit of stora:contacts/list is 'ten'; Stora accepts 1 to 100",
            "CamelStoraPage|0|Header CamelStoraPage of stora:contacts/list is '0'; pages start at 1",
            "CamelStoraSortDirection|UP|Header CamelStoraSortDirection of stora:contacts/list is 'UP'; use ASC or DESC",
            "CamelStoraFormat|xls|Header CamelStoraFormat of stora:contacts/list is 'xls'; use one of json, csv",
    })
    void aHeaderOverridingAListOptionIsCheckedLikeItAndNothingIsSent(String header, String value, String message) {
        Exchange result = call("stora:contacts/list?limit=10", null, header, value);

        assertEquals(message, assertInstanceOf(IllegalArgumentException.class, result.getException()).getMessage());
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    @Test
    void missingPathOptionNamesOptionAndHeaderAndSendsNothing() {
        Exchange result = call("stora:contacts/show", null);

        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertEquals("stora:contacts/show needs contactId: set the endpoint option contactId or the message header"
                + " CamelStoraContactId", e.getMessage());
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    @Test
    void secondPathOptionIsCheckedToo() {
        Exchange result = call("stora:order_line_items/delete?orderId=order_1", null);

        assertEquals("stora:order_line_items/delete needs lineItemId: set the endpoint option lineItemId or the message header"
                + " CamelStoraLineItemId", result.getException().getMessage());
        assertEquals(0, wm.findAll(RequestPatternBuilder.allRequests()).size());
    }

    @Test
    void headerOverridesTheEndpointOptionAndIsEncoded() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con%2F2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"contact\":{\"id\":\"con/2\"}}")));

        Exchange result = call("stora:contacts/show?contactId=con_1", null, StoraConstants.CONTACT_ID, "con/2");

        assertEquals(java.util.Map.of("id", "con/2"), result.getMessage().getBody());
    }

    @Test
    void noRateLimitIsNeededWhenThrottlingIsOffButOneIsWhenItIsOn() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"sites\":[]}")));

        // a bug: both limits at 0 failed with "... while throttle is on" although throttle was off
        addAccount("unthrottled", "unthrottled", account -> {
            account.setThrottle(false);
            account.setRateLimitPerSecond(0);
            account.setRateLimitPerMinute(0);
        });
        Exchange off = call("unthrottled:sites/list", null);
        assertEquals(null, off.getException());

        addAccount("throttled", "throttled", account -> {
            account.setRateLimitPerSecond(0);
            account.setRateLimitPerMinute(0);
        });
        Exception on = assertThrows(Exception.class, () -> template.requestBody("throttled:sites/list", (Object) null));
        Throwable root = on;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("rateLimitPerSecond and rateLimitPerMinute are both 0 while throttle is on: set the account's limits, or"
                + " throttle=false", root.getMessage());
    }

    @Test
    void webhookIsNotAProducer() {
        Exception e = assertThrows(Exception.class, () -> template.requestBody("stora:webhook", "x"));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("stora:webhook receives events and cannot be used in to(); call the API with stora:<resource>/<action>",
                root.getMessage());
    }
}
