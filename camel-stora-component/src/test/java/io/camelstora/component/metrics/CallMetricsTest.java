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
package io.camelstora.component.metrics;

import java.time.Instant;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraRateLimitException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stora.* meters of calls, found in a SimpleMeterRegistry bound in the Camel registry, after real calls to
 * WireMock: per-request and per-call timers with their tags, retries by reason, 429s, waits and refusals, and the
 * limiter's gauges.
 */
class CallMetricsTest extends StoraTestSupport {

    static final String SITES = "{\"sites\":[{\"id\":\"site_1\"}],\"meta\":{\"request_id\":\"r1\"}}";
    static final String CONTACTS = "{\"contacts\":[],\"meta\":{\"request_id\":\"r2\"}}";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.setRetryInitialDelay(10);
        stora.setRetryMaxDelay(20);
        return context;
    }

    @BeforeEach
    void stubs() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(okJson(SITES)));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"resource_not_found\",\"message\":\"No contact\"}}")));
    }

    @Test
    void callsAndRequestsAreTimedWithOperationStatusAndOutcome() {
        context.start();
        assertNull(call("stora:sites/list", null).getException());
        assertNull(call("stora:sites/list", null).getException());
        assertInstanceOf(StoraApiException.class, call("stora:contacts/show?contactId=con_missing", null).getException());

        String account = account();
        Timer sites = meters.get("stora.calls").tags("account", account, "operation", "sites/list", "status", "200",
                "outcome", "success").timer();
        assertEquals(2, sites.count());
        assertTrue(sites.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        assertEquals(2, meters.get("stora.requests").tags("operation", "sites/list", "method", "GET", "status", "200",
                "outcome", "success").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "contacts/show", "status", "404",
                "outcome", "client_error").timer().count());
    }

    @Test
    void aRetriedCallIsOneCallOfTwoRequestsAndOneRetryWithItsReason() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(CONTACTS)));
        context.start();
        assertNull(call("stora:contacts/list", null).getException());

        assertEquals(1.0,
                meters.get("stora.retries").tags("operation", "contacts/list", "reason", "http_503").counter().count());
        assertEquals(1, meters.get("stora.requests").tags("operation", "contacts/list", "status", "503",
                "outcome", "server_error").timer().count());
        assertEquals(1, meters.get("stora.requests").tags("operation", "contacts/list", "status", "200").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "contacts/list").timers().stream()
                .mapToLong(Timer::count).sum(), "one call");
        assertEquals(1, meters.get("stora.calls").tags("operation", "contacts/list", "status", "200", "outcome", "success")
                .timer().count());
    }

    @Test
    void a429IsCountedAndTheReplayWaitsForThePause() {
        // RateLimit-Reset 1: one second, as delta seconds
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("RateLimit-Limit", "60").withHeader("RateLimit-Reset", "1"))
                .willSetStateTo("free"));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(okJson(CONTACTS)));
        context.start();
        assertNull(call("stora:contacts/list", null).getException());

        assertEquals(1, meters.get("stora.requests").tags("operation", "contacts/list", "status", "429",
                "outcome", "rate_limited").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "contacts/list", "status", "200").timer().count());
        Timer waits = meters.get("stora.rate.limit.waits").tags("account", account()).timer();
        assertEquals(1, waits.count(), "the replay waited for the end of the pause");
        assertTrue(waits.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) >= 500,
                "waited " + waits.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void aCallThatWouldWaitTooLongIsRefusedAndThePauseIsAGauge() {
        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(aResponse().withStatus(429)
                .withHeader("RateLimit-Limit", "60").withHeader("RateLimit-Reset", Long.toString(reset))));
        context.getComponent("stora", StoraComponent.class).setMaxRateLimitWait(1000);
        context.start();
        assertInstanceOf(StoraRateLimitException.class, call("stora:contacts/list", null).getException());
        assertInstanceOf(StoraRateLimitException.class, call("stora:sites/list", null).getException());

        // the 429 paused the account for 2 minutes: the replay and the next call would wait longer than 1 s
        String account = account();
        assertEquals(1, meters.get("stora.requests").tags("operation", "contacts/list", "status", "429").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "contacts/list", "status", "none",
                "outcome", "refused").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "sites/list", "status", "none",
                "outcome", "refused").timer().count());
        assertEquals(2.0, meters.get("stora.rate.limit.refusals").tags("account", account).counter().count());
        Gauge pause = meters.get("stora.rate.limit.pause").tags("account", account).gauge();
        assertTrue(pause.value() > 60, "seconds of pause left: " + pause.value());
        assertEquals(0.0, meters.get("stora.rate.limit.waiting").tags("account", account).gauge().value());
    }

    @Test
    void aLostResponseIsARequestAndACallWithoutStatus() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        context.getComponent("stora", StoraComponent.class).setRetries(false);
        context.start();
        assertInstanceOf(StoraApiException.class, call("stora:contacts/list", null).getException());

        assertEquals(1, meters.get("stora.requests").tags("operation", "contacts/list", "status", "none",
                "outcome", "no_response").timer().count());
        assertEquals(1, meters.get("stora.calls").tags("operation", "contacts/list", "status", "none",
                "outcome", "no_response").timer().count());
    }

    @Test
    void theGaugesOfAnAccountGoWithTheComponent() {
        context.start();
        assertNull(call("stora:sites/list", null).getException());
        assertNotNull(meters.find("stora.rate.limit.available").tags("account", account()).gauge());

        context.stop();
        assertNull(meters.find("stora.rate.limit.available").gauge());
        assertNull(meters.find("stora.rate.limit.waiting").gauge());
    }

    private String account() {
        return context.getComponent("stora", StoraComponent.class).getAccountStats().keySet().iterator().next();
    }
}
