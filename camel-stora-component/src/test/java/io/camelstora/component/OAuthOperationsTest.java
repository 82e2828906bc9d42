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

import java.util.Map;

import io.camelstora.component.http.StoraApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.camelstora.component.OAuthStubs.json;
import static io.camelstora.component.OAuthStubs.oauthError;
import static io.camelstora.component.OAuthStubs.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The four OAuth 2 operations as producers, with the application's credentials from the configuration. */
class OAuthOperationsTest extends StoraTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        StoraConfiguration config = context.getComponent("stora", StoraComponent.class).getConfiguration();
        config.setAccessToken(null);
        config.setClientId("ops-client");
        config.setClientSecret("ops-secret");
        config.setScopes("public.contact:read,public.contact:write");
        return context;
    }

    @BeforeEach
    void stubs() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(token("ops-token", 7200)));
    }

    @Test
    void tokenWithoutABodyAsksForAClientCredentialsTokenAsJson() {
        Exchange result = call("stora:oauth/token", null);

        assertNull(result.getException());
        assertEquals("ops-token", result.getMessage().getBody(Map.class).get("access_token"));
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"scope\":\"public.contact:read"
                        + " public.contact:write\",\"client_id\":\"ops-client\",\"client_secret\":\"ops-secret\"}")));
    }

    @Test
    void aRefreshGrantIsFormEncodedWithTheConfiguredClient() {
        Exchange result = call("stora:oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", "R9"));

        assertNull(result.getException());
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("R9"))
                .withFormParam("client_id", equalTo("ops-client"))
                .withFormParam("client_secret", equalTo("ops-secret")));
    }

    @Test
    void introspectAndInfoAuthenticateWithTheComponentsToken() {
        wm.stubFor(post(urlEqualTo("/oauth2/introspect")).willReturn(json(200,
                "{\"active\":true,\"scope\":\"public.contact:read\",\"client_id\":\"ops-client\",\"token_type\":\"Bearer\","
                        + "\"exp\":3480477720,\"iat\":1740235260}")));
        wm.stubFor(get(urlEqualTo("/oauth2/token/info")).willReturn(json(200,
                "{\"scope\":[\"public.contact:read\"],\"expires_in\":1740242460,\"application\":{\"uid\":\"ops-client\"},"
                        + "\"created_at\":1740235260,\"operator\":{\"name\":\"Stora\"}}")));

        Exchange introspected = call("stora:oauth/introspect", Map.of("token", "some-other-token"));
        Exchange info = call("stora:oauth/info", null);

        assertNull(introspected.getException());
        assertEquals(true, introspected.getMessage().getBody(Map.class).get("active"));
        assertEquals(Map.of("name", "Stora"), info.getMessage().getBody(Map.class).get("operator"));
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/introspect"))
                .withHeader("Authorization", equalTo("Bearer ops-token"))
                .withRequestBody(equalToJson("{\"token\":\"some-other-token\"}")));
        wm.verify(getRequestedFor(urlEqualTo("/oauth2/token/info")).withHeader("Authorization", equalTo("Bearer ops-token")));
        assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).size());
    }

    @Test
    void revokeSendsTheTokenWithTheClientCredentials() {
        wm.stubFor(post(urlEqualTo("/oauth2/revoke")).willReturn(json(200, "{}")));

        Exchange result = call("stora:oauth/revoke", "{\"token\":\"old-token\"}");

        assertNull(result.getException());
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/revoke"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson(
                        "{\"token\":\"old-token\",\"client_id\":\"ops-client\",\"client_secret\":\"ops-secret\"}")));
        assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).size());
    }

    @Test
    void aRejectedTokenRequestIsAnApiExceptionWithAdvice() {
        wm.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(oauthError(400, "invalid_scope",
                "The requested scope is invalid, unknown, or malformed.", "req-scope")));

        Exchange result = call("stora:oauth/token", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals("400 invalid_scope: The requested scope is invalid, unknown, or malformed. The application may not"
                + " have the requested scopes; request only scopes it was granted in BackOffice (Settings, Public API)."
                + " (request_id req-scope, stora:oauth/token)", e.getMessage());
    }
}
