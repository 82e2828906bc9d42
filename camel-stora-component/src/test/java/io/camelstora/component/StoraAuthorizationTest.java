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

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.OAuthTokens;
import io.camelstora.component.auth.StoraAuthorization;
import io.camelstora.component.auth.StoraAuthorization.AuthorizationRequest;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelstora.component.OAuthStubs.oauthError;
import static io.camelstora.component.OAuthStubs.rotated;
import static io.camelstora.component.OAuthStubs.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Getting the first refresh token: the PKCE authorize URL and the code exchange (the command that does both from a
 * shell is tested in camel-stora-tools).
 */
class StoraAuthorizationTest extends StoraTestSupport {

    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        StoraConfiguration config = context.getComponent("stora", StoraComponent.class).getConfiguration();
        config.setAccessToken(null);
        config.setClientId("partner-app");
        config.setClientSecret("partner-secret");
        config.setTokenStoreFile(dir.resolve("operator-7.json").toString());
        return context;
    }

    @BeforeEach
    void tokenEndpoint() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(10)
                .willReturn(oauthError(400, "invalid_grant", "The authorization code is invalid.", "req-code")));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo("CODE-1"))
                .willReturn(rotated("A-first", "R-first", 7200)));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("R-first"))
                .willReturn(rotated("A-second", "R-second", 7200)));
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(sites()));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String s256(String verifier) throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
    }

    @Test
    void theAuthorizeUrlCarriesThePkceChallengeOfItsVerifier() throws Exception {
        StoraAuthorization authorization = context.getComponent("stora", StoraComponent.class).authorization();

        AuthorizationRequest request = authorization.authorizationRequest("https://partner.example/callback",
                List.of("public.contact:read", "public.order:read"));

        assertTrue(request.url().startsWith("https://app.stora.co/oauth2/authorize?"), request.url());
        assertTrue(request.url().contains("&scope=public.contact%3Aread%20public.order%3Aread&"), request.url());
        Map<String, String> q = query(request.url());
        assertEquals("partner-app", q.get("client_id"));
        assertEquals("https://partner.example/callback", q.get("redirect_uri"));
        assertEquals("code", q.get("response_type"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals(s256(request.codeVerifier()), q.get("code_challenge"));
        assertEquals(request.state(), q.get("state"));
        assertTrue(request.codeVerifier().matches("[A-Za-z0-9_-]{43,128}"), "RFC 7636 verifier");
        assertFalse(request.toString().contains(request.codeVerifier()));
        assertFalse(request.url().contains("partner-secret"));
        // every request gets its own state and verifier
        AuthorizationRequest other = authorization.authorizationRequest("https://partner.example/callback",
                List.of("public.contact:read"));
        assertFalse(other.state().equals(request.state()) || other.codeVerifier().equals(request.codeVerifier()));
    }

    @Test
    void exchangingTheCodeStoresTheRefreshTokenThatTheEndpointsThenUse() throws Exception {
        StoraAuthorization authorization = context.getComponent("stora", StoraComponent.class).authorization();
        AuthorizationRequest request = authorization.authorizationRequest("https://partner.example/callback",
                List.of("public.contact:read"));

        OAuthTokens tokens = authorization.exchangeCode(request, Map.of("code", "CODE-1", "state", request.state()),
                new FileTokenStore(dir.resolve("operator-7.json"))).get(10, TimeUnit.SECONDS);

        assertEquals("A-first", tokens.accessToken());
        assertEquals("R-first", new FileTokenStore(dir.resolve("operator-7.json")).load());
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withFormParam("client_id", equalTo("partner-app"))
                .withFormParam("client_secret", equalTo("partner-secret"))
                .withFormParam("redirect_uri", equalTo("https://partner.example/callback"))
                .withFormParam("code_verifier", equalTo(request.codeVerifier())));

        // the endpoints read the token store: no refreshToken option needed
        assertNull(call("stora:sites/list", null).getException());
        wm.verify(getRequestedFor(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer A-second")));
        assertEquals("R-second", new FileTokenStore(dir.resolve("operator-7.json")).load());
    }

    @Test
    void aRedirectWithAnotherStateIsRejectedBeforeAnyTokenRequest() {
        StoraAuthorization authorization = context.getComponent("stora", StoraComponent.class).authorization();
        AuthorizationRequest request = authorization.authorizationRequest("https://partner.example/callback",
                List.of("public.contact:read"));

        ExecutionException e = assertThrows(ExecutionException.class, () -> authorization.exchangeCode(request,
                Map.of("code", "CODE-1", "state", "forged"), new FileTokenStore(dir.resolve("x.json")))
                .get(10, TimeUnit.SECONDS));

        assertEquals("The authorization redirect carries another state than the authorize URL: it does not answer this"
                + " request (a stale or forged redirect); start again", e.getCause().getMessage());
        assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).size());
    }

    @Test
    void aDeclinedAuthorizationAndAnExpiredCodeSayWhatHappened() {
        StoraAuthorization authorization = context.getComponent("stora", StoraComponent.class).authorization();
        AuthorizationRequest request = authorization.authorizationRequest("https://partner.example/callback",
                List.of("public.contact:read"));
        FileTokenStore store = new FileTokenStore(dir.resolve("x.json"));

        ExecutionException declined = assertThrows(ExecutionException.class, () -> authorization.exchangeCode(request,
                Map.of("error", "access_denied", "state", request.state()), store).get(10, TimeUnit.SECONDS));
        assertEquals("Stora did not authorise the application: access_denied; the operator declined, ask them to approve"
                + " the scopes", declined.getCause().getMessage());

        ExecutionException expired = assertThrows(ExecutionException.class, () -> authorization.exchangeCode(request,
                Map.of("code", "CODE-OLD", "state", request.state()), store).get(10, TimeUnit.SECONDS));
        StoraApiException e = assertInstanceOf(StoraApiException.class, expired.getCause());
        assertEquals("400 invalid_grant: The authorization code is invalid. The authorization code expired, was already"
                + " used, or does not match redirect_uri or code_verifier; start the authorisation again."
                + " (request_id req-code, stora:oauth/token)", e.getMessage());
        assertNull(store.load());
    }
}
