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
package io.camelstora.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens, scopes and the OAuth 2 endpoints (https://docs.stora.co/2025-09/guides/authentication, https://docs.stora.co/2025-09/guides/authorization, https://docs.stora.co/2025-09/api-reference/oauth-2). */
class AuthTest {

    private static final String CLIENT = "partner-app";
    private static final String SECRET = "partner-secret";
    private static final String REDIRECT = "https://partner.example/callback";

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().seed(Seed.EMPTY).tokenLifetime(Duration.ofMinutes(30)))
            .build();

    private ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient(stora.baseUrl(), null);
        stora.simulator().registerOAuthClient(CLIENT, SECRET,
                Set.of("public.site:read", "public.contact:read", "public.contact:write"));
    }

    @Test
    void missingWrongAndRevokedTokensAre401() {
        ApiClient.Response missing = anonymous.get("/2025-09/sites");
        assertEquals(401, missing.status());
        assertEquals("invalid_token", missing.errorCode());
        assertEquals("Bearer", missing.header("WWW-Authenticate"));
        assertEquals(401, anonymous.withToken("not-a-token").get("/2025-09/sites").status());

        String token = stora.simulator().createAccessToken(Set.of("public.site:read"));
        assertEquals(200, anonymous.withToken(token).get("/2025-09/sites").status());
        stora.simulator().revokeAccessToken(token);
        assertEquals("invalid_token", anonymous.withToken(token).get("/2025-09/sites").errorCode());
    }

    @Test
    void tokenWithoutTheOperationsScopeIs403() {
        ApiClient readOnly = anonymous.withToken(stora.simulator().createAccessToken(Set.of("public.contact:read")));
        assertEquals(200, readOnly.get("/2025-09/contacts").status());
        ApiClient.Response forbidden = readOnly.post("/2025-09/contacts", "{\"email\":\"x@example.com\"}");
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.errorCode());
        assertEquals(0, stora.simulator().control().count(ResourceKind.CONTACT));
    }

    @Test
    void clientCredentialsAsJsonAndFormAndTokensExpire() {
        ApiClient.Response json = anonymous.post("/oauth2/token",
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + CLIENT
                        + "\",\"client_secret\":\"" + SECRET + "\",\"scope\":\"public.site:read\"}");
        assertEquals(200, json.status());
        assertEquals("Bearer", json.json().get("token_type").asText());
        assertEquals(1800, json.json().get("expires_in").asInt());
        assertEquals("public.site:read", json.json().get("scope").asText());
        assertTrue(json.json().get("created_at").isIntegralNumber());
        assertTrue(json.json().path("refresh_token").isMissingNode());

        ApiClient.Response form = anonymous.form("/oauth2/token", "grant_type=client_credentials&client_id=" + CLIENT
                + "&client_secret=" + SECRET + "&scope=public.site%3Aread");
        assertEquals(200, form.status());
        ApiClient bearer = anonymous.withToken(form.json().get("access_token").asText());
        assertEquals(200, bearer.get("/2025-09/sites").status());
        assertEquals(403, bearer.get("/2025-09/contacts").status());

        stora.simulator().clock().advance(Duration.ofMinutes(31));
        assertEquals("invalid_token", bearer.get("/2025-09/sites").errorCode());
    }

    @Test
    void oauthErrorsUseTheRfc6749Shape() {
        ApiClient.Response badSecret = anonymous.form("/oauth2/token", "grant_type=client_credentials&client_id=" + CLIENT
                + "&client_secret=wrong&scope=public.site%3Aread");
        assertEquals(401, badSecret.status());
        assertEquals("invalid_client", badSecret.json().get("error").asText());
        assertTrue(badSecret.json().get("error_description").isTextual());
        ApiClient.Response badScope = anonymous.form("/oauth2/token", "grant_type=client_credentials&client_id=" + CLIENT
                + "&client_secret=" + SECRET + "&scope=public.order%3Awrite");
        assertEquals("invalid_scope", badScope.json().get("error").asText());
        ApiClient.Response badGrant = anonymous.form("/oauth2/token",
                "grant_type=password&client_id=" + CLIENT + "&client_secret=" + SECRET);
        assertEquals("unsupported_grant_type", badGrant.json().get("error").asText());
    }

    @Test
    void authorizationCodeWithPkceThenRotatingRefreshTokens() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP";
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String code = authorize("&code_challenge=" + challenge + "&code_challenge_method=S256");

        ApiClient.Response wrongVerifier = exchange(code, "&code_verifier=not-the-verifier");
        assertEquals("invalid_grant", wrongVerifier.json().get("error").asText());

        code = authorize("&code_challenge=" + challenge + "&code_challenge_method=S256");
        ApiClient.Response tokens = exchange(code, "&code_verifier=" + verifier);
        assertEquals(200, tokens.status());
        assertEquals("public.contact:read public.site:read", tokens.json().get("scope").asText());
        String refresh = tokens.json().get("refresh_token").asText();
        assertEquals(200, anonymous.withToken(tokens.json().get("access_token").asText()).get("/2025-09/contacts").status());
        assertEquals("invalid_grant", exchange(code, "&code_verifier=" + verifier).json().get("error").asText(),
                "codes are single-use");

        ApiClient.Response rotated = refresh(refresh);
        assertEquals(200, rotated.status());
        assertNotEquals(refresh, rotated.json().get("refresh_token").asText());
        ApiClient.Response reused = refresh(refresh);
        assertEquals(400, reused.status());
        assertEquals("invalid_grant", reused.json().get("error").asText());
        assertEquals(200, refresh(rotated.json().get("refresh_token").asText()).status());
    }

    @Test
    void introspectInfoAndRevoke() {
        String token = anonymous
                .form("/oauth2/token", "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET
                        + "&scope=public.site%3Aread")
                .json().get("access_token").asText();
        ApiClient admin = anonymous.withToken(stora.accessToken());

        JsonNode introspection = admin.post("/oauth2/introspect", "{\"token\":\"" + token + "\"}").json();
        assertTrue(introspection.get("active").asBoolean());
        assertEquals(CLIENT, introspection.get("client_id").asText());
        assertEquals(introspection.get("iat").asLong() + 1800, introspection.get("exp").asLong());

        JsonNode info = anonymous.withToken(token).get("/oauth2/token/info").json();
        assertEquals("public.site:read", info.get("scope").get(0).asText());
        assertEquals(CLIENT, info.at("/application/uid").asText());
        assertEquals(info.get("created_at").asLong() + 1800, info.get("expires_in").asLong(),
                "absolute epoch as in the reference example");

        assertEquals(200, anonymous
                .form("/oauth2/revoke", "token=" + token + "&client_id=" + CLIENT + "&client_secret=" + SECRET).status());
        assertFalse(admin.post("/oauth2/introspect", "{\"token\":\"" + token + "\"}").json().get("active").asBoolean());
        assertEquals(401, anonymous.withToken(token).get("/2025-09/sites").status());
        assertEquals(401,
                anonymous.form("/oauth2/revoke", "token=" + token + "&client_id=" + CLIENT + "&client_secret=nope").status());
    }

    private String authorize(String pkce) {
        ApiClient.Response redirect = anonymous
                .get("/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&redirect_uri="
                        + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                        + "&scope=public.contact%3Aread+public.site%3Aread&state=xyz" + pkce);
        assertEquals(302, redirect.status());
        URI location = URI.create(redirect.header("Location"));
        assertTrue(location.toString().startsWith(REDIRECT + "?code="));
        assertTrue(location.getQuery().endsWith("&state=xyz"));
        return location.getQuery().split("&")[0].substring("code=".length());
    }

    private ApiClient.Response exchange(String code, String extra) {
        return anonymous.form("/oauth2/token", "grant_type=authorization_code&client_id=" + CLIENT + "&code=" + code
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + extra);
    }

    private ApiClient.Response refresh(String refreshToken) {
        return anonymous.form("/oauth2/token", "grant_type=refresh_token&client_id=" + CLIENT + "&client_secret=" + SECRET
                + "&refresh_token=" + refreshToken);
    }
}
