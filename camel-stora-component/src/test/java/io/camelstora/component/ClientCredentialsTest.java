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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelstora.component.OAuthStubs.apiError;
import static io.camelstora.component.OAuthStubs.json;
import static io.camelstora.component.OAuthStubs.oauthError;
import static io.camelstora.component.OAuthStubs.sites;
import static io.camelstora.component.OAuthStubs.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client credentials against WireMock: one token for every endpoint of the component, fetched once however many
 * exchanges wait, renewed before expiry and when Stora answers 401 invalid_token.
 */
class ClientCredentialsTest extends StoraTestSupport {

    static final String CLIENT_SECRET = "cc-secret/with+plus&amp";
    static final String TOKEN_REQUEST = "{\"grant_type\":\"client_credentials\",\"client_id\":\"cc-client\","
            + "\"client_secret\":\"" + CLIENT_SECRET + "\","
            + "\"scope\":\"public.site:read public.contact:write\"}";

    private final MutableClock clock = new MutableClock();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        StoraConfiguration config = stora.getConfiguration();
        config.setAccessToken(null);
        config.setClientId("cc-client");
        config.setClientSecret(CLIENT_SECRET);
        config.setScopes("public.site:read, public.contact:write");
        stora.setClock(clock);
        return context;
    }

    @BeforeEach
    void stubs() {
        wm.resetAll();
        tokenSequence(token("cc-token-1", 7200), token("cc-token-2", 7200), token("cc-token-3", 7200));
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(sites()));
    }

    /** The token endpoint answers these, in order, then the last one again; slowly, so concurrent callers overlap. */
    private void tokenSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i + 1 < answers.length ? "token-" + (i + 1) : state;
            wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs(state)
                    .withRequestBody(equalToJson(TOKEN_REQUEST))
                    .willReturn(answers[i].withFixedDelay(200))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private List<Exchange> concurrently(int n, String uri) throws Exception {
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(template.asyncSend(uri, e -> e.getIn().setBody(null)));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> f : futures) {
            done.add(f.get(20, TimeUnit.SECONDS));
        }
        return done;
    }

    private int tokenRequests() {
        return wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).size();
    }

    private List<String> bearerTokensSent() {
        return wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/sites"))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    @Test
    void twentyConcurrentExchangesOnAColdTokenSendOneTokenRequest() throws Exception {
        List<Exchange> results = concurrently(20, "stora:sites/list");

        results.forEach(e -> assertNull(e.getException(), () -> "exchange failed: " + e.getException()));
        assertEquals(1, tokenRequests());
        assertEquals(20, bearerTokensSent().size());
        assertTrue(bearerTokensSent().stream().allMatch("Bearer cc-token-1"::equals), bearerTokensSent().toString());
        // the scopes option is comma-separated, the request space-separated; the secret is JSON-escaped, not mangled
        wm.verify(1, postRequestedFor(urlEqualTo("/oauth2/token"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(TOKEN_REQUEST)));
    }

    @Test
    void everyEndpointOfTheComponentSharesTheToken() {
        assertNull(call("stora:sites/list", null).getException());
        wm.stubFor(get(urlEqualTo("/2025-09/contacts")).willReturn(json(200, "{\"contacts\":[],\"meta\":{}}")));
        assertNull(call("stora:contacts/list?outputType=STRING", null).getException());
        assertNull(call("stora:sites/list?unwrap=false", null).getException());

        assertEquals(1, tokenRequests());
        wm.verify(getRequestedFor(urlEqualTo("/2025-09/contacts")).withHeader("Authorization", equalTo("Bearer cc-token-1")));
    }

    @Test
    void anExpiringTokenIsRenewedOnceForTwentyConcurrentExchanges() throws Exception {
        assertNull(call("stora:sites/list", null).getException());
        clock.advance(Duration.ofSeconds(7200 - 59)); // inside the default 60 s margin

        List<Exchange> results = concurrently(20, "stora:sites/list");

        results.forEach(e -> assertNull(e.getException()));
        assertEquals(2, tokenRequests());
        List<String> sent = bearerTokensSent();
        assertEquals("Bearer cc-token-1", sent.get(0));
        assertTrue(sent.subList(1, 21).stream().allMatch("Bearer cc-token-2"::equals), sent.toString());
    }

    @Test
    void aTokenWithinItsLifetimeIsReused() {
        assertNull(call("stora:sites/list", null).getException());
        clock.advance(Duration.ofSeconds(7200 - 61));
        assertNull(call("stora:sites/list", null).getException());

        assertEquals(1, tokenRequests());
    }

    @Test
    void aShortLivedTokenFromTheServerExpiresForReal() throws Exception {
        // a second component on the system clock, configured like the first
        StoraComponent real = new StoraComponent();
        real.setConfiguration(context.getComponent("stora", StoraComponent.class).getConfiguration().copy());
        context.addComponent("storaReal", real);
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(sites()));
        tokenSequence(token("short-1", 1), token("short-2", 1));

        assertNull(call("storaReal:sites/list", null).getException());
        assertNull(call("storaReal:sites/list", null).getException());
        Thread.sleep(1100); // expires_in 1 s: renewed halfway, at 0.5 s, since the 60 s margin is longer than its life
        assertNull(call("storaReal:sites/list", null).getException());

        assertEquals(List.of("Bearer short-1", "Bearer short-1", "Bearer short-2"), bearerTokensSent());
        assertEquals(2, tokenRequests());
    }

    @Test
    void a401InvalidTokenRenewsTheTokenOnceAndReplaysTheCall() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer cc-token-1"))
                .willReturn(apiError(401, "invalid_token", "Invalid token.", "req-401").withFixedDelay(50)));

        List<Exchange> results = concurrently(20, "stora:sites/list");

        results.forEach(e -> assertNull(e.getException(), () -> "exchange failed: " + e.getException()));
        assertEquals(2, tokenRequests(), "one renewal for twenty rejected calls");
        List<String> sent = bearerTokensSent();
        assertEquals(40, sent.size());
        assertEquals(20, sent.stream().filter("Bearer cc-token-2"::equals).count());
    }

    @Test
    void aTokenRejectedAgainAfterRenewalFailsWithoutAnotherReplay() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites"))
                .willReturn(apiError(401, "invalid_token", "Invalid token.", "req-401")));

        Exchange result = call("stora:sites/list", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals(401, e.getStatus());
        assertEquals("invalid_token", e.getCode());
        assertEquals("401 invalid_token: Invalid token. The access token is invalid, expired or revoked; check accessToken"
                + " (static tokens expire as set in BackOffice) or the OAuth 2 credentials."
                + " (request_id req-401, stora:sites/list)", e.getMessage());
        assertEquals(2, bearerTokensSent().size());
        assertEquals(2, tokenRequests());
    }

    @Test
    void other401sDoNotRenewTheToken() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(json(401, "").withHeader("Content-Type", "text/html")));

        Exchange result = call("stora:sites/list", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals(401, e.getStatus());
        assertEquals(1, bearerTokensSent().size());
        assertEquals(1, tokenRequests());
    }

    @Test
    void rejectedClientCredentialsSayWhatToCheck() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(oauthError(401, "invalid_client",
                "Client authentication failed due to unknown client.", "req-client")));

        Exchange result = call("stora:sites/list", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals("401 invalid_client: Client authentication failed due to unknown client. Stora does not accept the"
                + " OAuth 2 client; check clientId and clientSecret of the application in BackOffice (Settings, Public"
                + " API). (request_id req-client, stora:oauth/token)", e.getMessage());
        assertEquals("req-client", e.getRequestId());
        assertEquals(0, bearerTokensSent().size());
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
    }

    @Test
    void aMissingScopeSaysWhichScopeTheOperationNeeds() {
        wm.stubFor(post(urlEqualTo("/2025-09/contacts")).willReturn(apiError(403, "forbidden",
                "You do not have permission to access this resource.", "req-403")));

        Exchange result = call("stora:contacts/create", "{\"email\":\"ada@example.com\"}");

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals(403, e.getStatus());
        assertEquals("req-403", e.getRequestId());
        assertEquals("403 forbidden: You do not have permission to access this resource. stora:contacts/create needs scope"
                + " public.contact:write; grant it to the access token or OAuth application in BackOffice (Settings,"
                + " Public API); an operator who authorised your application must then authorise it again."
                + " (request_id req-403, stora:contacts/create)", e.getMessage());
    }

    @Test
    void aTokenResponseThatIsNotATokenIsAnApiErrorNotAParseError() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(
                json(200, "<html>maintenance</html>").withHeader("Content-Type", "text/html").withHeader("X-Request-Id",
                        "req-html")));

        Exchange result = call("stora:sites/list", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals("200 from stora:oauth/token (POST /oauth2/token) with no JSON document; is baseUrl the Stora API?",
                e.getMessage());
        assertEquals("req-html", e.getRequestId());
    }

    @Test
    void aFailedTokenRequestIsTriedAgainByTheNextExchange() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(sites()));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "")).willSetStateTo("up"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(token("cc-token-after-outage", 7200)));

        StoraApiException first = assertInstanceOf(StoraApiException.class, call("stora:sites/list", null).getException());
        assertEquals(503, first.getStatus());
        assertNull(call("stora:sites/list", null).getException());

        assertEquals(List.of("Bearer cc-token-after-outage"), bearerTokensSent());
        List<LoggedRequest> tokenCalls = wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token")));
        assertEquals(2, tokenCalls.size());
    }
}
