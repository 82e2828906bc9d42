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
package io.camelstora.component.limits;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * responseTimeout bounds the wait for an answer; a GET that timed out is retried (issue 5 item 3: "timeouts"), and
 * without retries the call fails as one that got no response. The server is slower than the timeout by seconds.
 */
class ResponseTimeoutTest extends StoraTestSupport {

    private static final String PATH = "/2025-09/contacts/con_1";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.setResponseTimeout(300);
        stora.setRetryInitialDelay(50);
        stora.setRetryMaxDelay(100);
        return context;
    }

    @BeforeEach
    void slowThenFast() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withHeader("Content-Type", "application/json")
                        .withBody("{\"contact\":{\"id\":\"con_1\",\"answer\":\"late\"}}"))
                .willSetStateTo("fast"));
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"contact\":{\"id\":\"con_1\",\"answer\":\"in time\"}}")));
    }

    @Test
    void aGetThatTimedOutIsRetried() {
        Exchange result = call("stora:contacts/show?contactId=con_1", null);

        assertNull(result.getException());
        assertEquals("in time", result.getMessage().getBody(Map.class).get("answer"));
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void withoutRetriesATimeoutIsACallWithoutResponse() {
        addAccount("noRetries", "no-retries", account -> {
            account.setResponseTimeout(300);
            account.setRetries(false);
        });
        Exchange result = call("noRetries:contacts/show?contactId=con_1", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals(0, e.getStatus());
        assertFalse(e.isResponseReceived());
        assertTrue(e.getMessage().startsWith("No response from stora:contacts/show (GET " + PATH + "): "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("timeout") || e.getMessage().toLowerCase().contains("timed out"),
                e.getMessage());
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
