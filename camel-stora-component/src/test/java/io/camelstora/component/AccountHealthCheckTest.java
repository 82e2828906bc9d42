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

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraRateLimitException;
import io.camelstora.component.limits.StoraAccountStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelstora.component.OAuthStubs.apiError;
import static io.camelstora.component.OAuthStubs.json;
import static io.camelstora.component.OAuthStubs.oauthError;
import static io.camelstora.component.OAuthStubs.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness check of a Stora account, read through Camel's health API (HealthCheckHelper, as camel-main's health
 * endpoint does) in contexts calling WireMock: healthy, without a token, with the API unreachable, paused after a 429,
 * and with the opt-in probe.
 */
class AccountHealthCheckTest extends StoraTestSupport {

    static final String CLIENT_SECRET = "health-client-secret-4242";

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @BeforeEach
    void stubs() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(sites()));
    }

    @Test
    void anAccountThatAnsweredIsUpAndItsDetailsHoldNoSecret() {
        // one window only, a minute long, so the budget left does not depend on how fast this test runs
        context.getComponent("stora", StoraComponent.class).setRateLimitPerSecond(0);
        context.start();
        assertNull(call("stora:sites/list", null).getException());

        HealthCheck.Result result = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.UP, result.getState(), () -> result.getMessage().orElse(""));
        Map<String, Object> details = result.getDetails();
        String account = context.getComponent("stora", StoraComponent.class).getAccountStats().keySet().iterator().next();
        assertEquals("stora-account:" + account, result.getCheck().getId());
        assertEquals(account, details.get("stora.account"));
        assertEquals("available", details.get("token"));
        assertEquals(200, details.get("api.last.request.status"));
        assertEquals(0, details.get("rate.limit.waiting"));
        // one of the 60 of the minute was used by the call
        assertEquals(59, details.get("rate.limit.available"));
        assertEquals(1L, details.get("requests"));
        assertNoSecret(result, TOKEN);
        assertFalse(result.getCheck().isLiveness(), "an account problem is not fixed by a restart");
    }

    @Test
    void anAccountWithoutCallsIsUpAndTheCheckSendsNothing() {
        context.start();
        // the check exists from the first endpoint of the account on
        context.getEndpoint("stora:sites/list", StoraEndpoint.class).getClient();

        HealthCheck.Result result = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.UP, result.getState());
        assertNull(result.getDetails().get("api.last.request.status"));
        assertEquals(0, wm.getAllServeEvents().size(), "without healthCheckProbeInterval the check sends nothing");
    }

    @Test
    void noTokenIsDownWithTheReasonAndWithoutTheSecret() throws Exception {
        wm.stubFor(post(urlEqualTo("/oauth2/token"))
                .willReturn(oauthError(401, "invalid_client", "Client authentication failed", "req-token-1")));
        try (CamelContext ctx = clientCredentialsContext()) {
            ctx.start();
            Exchange failed = ctx.createProducerTemplate().request("stora:sites/list", e -> {
            });
            assertInstanceOf(StoraApiException.class, failed.getException());

            HealthCheck.Result result = HealthChecks.theAccount(ctx);
            assertEquals(HealthCheck.State.DOWN, result.getState());
            String message = result.getMessage().orElseThrow();
            assertTrue(message.startsWith("Cannot obtain an access token for Stora account "), message);
            assertTrue(message.contains("invalid_client"), message);
            assertEquals("unavailable", result.getDetails().get("token"));
            assertNoSecret(result, CLIENT_SECRET);
        }
    }

    @Test
    void anUnreachableApiIsDownUntilARequestGetsThrough() throws Exception {
        int closedPort = AvailablePortFinder.getNextAvailable();
        try (CamelContext ctx = new DefaultCamelContext()) {
            StoraComponent stora = ctx.getComponent("stora", StoraComponent.class);
            stora.getConfiguration().setBaseUrl("http://localhost:" + closedPort);
            stora.getConfiguration().setAccessToken(TOKEN);
            stora.setRetries(false);
            ctx.start();
            Exchange failed = ctx.createProducerTemplate().request("stora:sites/list", e -> {
            });
            assertInstanceOf(StoraApiException.class, failed.getException());

            HealthCheck.Result down = HealthChecks.theAccount(ctx);
            assertEquals(HealthCheck.State.DOWN, down.getState());
            String message = down.getMessage().orElseThrow();
            assertTrue(message.contains("was not reached by the last 1 request(s)"), message);
            assertTrue(message.contains("ConnectException"), message);
            assertEquals(1, down.getDetails().get("api.unreached.requests"));
            assertEquals("available", down.getDetails().get("token"));
        }
    }

    @Test
    void aRecoveredApiIsUpAgain() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(json(503, "{}")));
        context.getComponent("stora", StoraComponent.class).setRetries(false);
        context.start();
        assertInstanceOf(StoraApiException.class, call("stora:contacts/list", null).getException());
        assertEquals(HealthCheck.State.DOWN, HealthChecks.theAccount(context).getState(), "a 503 is the API not answering");

        assertNull(call("stora:sites/list", null).getException());
        assertEquals(HealthCheck.State.UP, HealthChecks.theAccount(context).getState());
    }

    @Test
    void aPauseAfterA429ShowsInTheDetailsAndTheAccountStaysUp() {
        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(json(429, "{}")
                .withHeader("RateLimit-Limit", "60").withHeader("RateLimit-Reset", Long.toString(reset))));
        // the replay would wait 2 minutes: with maxRateLimitWait of 1 s the call gives up at once
        context.getComponent("stora", StoraComponent.class).setMaxRateLimitWait(1000);
        context.start();
        assertInstanceOf(StoraRateLimitException.class, call("stora:contacts/list", null).getException());

        HealthCheck.Result result = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.UP, result.getState(), () -> result.getMessage().orElse(""));
        Instant pausedUntil = Instant.parse((String) result.getDetails().get("rate.limit.paused.until"));
        assertTrue(pausedUntil.isAfter(Instant.now().plusSeconds(60)), pausedUntil::toString);
        assertEquals(1L, result.getDetails().get("rate.limit.responses"));
        assertEquals(429, result.getDetails().get("api.last.request.status"));
    }

    @Test
    void theProbeChecksAQuietAccountAndReportsARejectedToken() throws Exception {
        wm.stubFor(get(urlEqualTo("/oauth2/token/info"))
                .willReturn(apiError(401, "invalid_token", "The access token is invalid", "req-info-1")));
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.setHealthCheckProbeInterval(1);
        context.start();
        StoraAccountStats stats = context.getEndpoint("stora:sites/list", StoraEndpoint.class).getAccountStats();

        HealthCheck.Result first = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.UP, first.getState(), "no answer known yet");
        // the probe's answer arrives asynchronously; the next invocation reports it
        for (int i = 0; i < 100 && stats.getLastContact() == null; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertNotNull(stats.getLastContact(), "the probe was sent");
        wm.verify(getRequestedFor(urlEqualTo("/oauth2/token/info")));

        HealthCheck.Result down = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().startsWith("Stora rejected the access token of account"),
                down.getMessage().orElseThrow());
        assertNoSecret(down, TOKEN);
    }

    @Test
    void theCheckCanBeTurnedOff() {
        context.getComponent("stora", StoraComponent.class).setHealthCheckAccountEnabled(false);
        context.start();
        assertNull(call("stora:sites/list", null).getException());
        assertTrue(HealthChecks.account(context).isEmpty());
    }

    private CamelContext clientCredentialsContext() {
        CamelContext ctx = new DefaultCamelContext();
        StoraComponent stora = ctx.getComponent("stora", StoraComponent.class);
        StoraConfiguration config = stora.getConfiguration();
        config.setBaseUrl(wm.baseUrl());
        config.setClientId("health-client");
        config.setClientSecret(CLIENT_SECRET);
        config.setScopes("public.site:read");
        stora.setRetries(false);
        return ctx;
    }

    static void assertNoSecret(HealthCheck.Result result, String secret) {
        assertFalse(result.getMessage().orElse("").contains(secret), "message holds a secret");
        result.getDetails().forEach((k, v) -> assertFalse(String.valueOf(v).contains(secret), k + " holds a secret"));
        result.getError().ifPresent(e -> assertFalse(String.valueOf(e.getMessage()).contains(secret)));
    }
}
