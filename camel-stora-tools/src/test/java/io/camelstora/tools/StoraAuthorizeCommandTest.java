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
package io.camelstora.tools;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConfiguration;
import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.OAuthTokens;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command that gets an operator's first refresh token from a shell: its options, the redirect it receives on
 * localhost against a stubbed token endpoint, and the whole flow against the Stora simulator (which checks the PKCE
 * verifier itself), after which routes renew the token from the store the command wrote.
 */
class StoraAuthorizeCommandTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().seed(Seed.EMPTY).tokenLifetime(Duration.ofMinutes(30)))
            .build();

    @TempDir
    Path dir;

    @BeforeEach
    void tokenEndpoint() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(10)
                .willReturn(json(400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"The authorization code is invalid.\"}")));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo("CODE-1"))
                .willReturn(json(200, "{\"access_token\":\"A-first\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                        + "\"scope\":\"public.contact:read public.order:read\",\"created_at\":1740235260,"
                        + "\"refresh_token\":\"R-first\"}")));
        stora.simulator().registerOAuthClient("partner-app", "partner-secret",
                Set.of("public.site:read", "public.contact:read"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
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

    private CamelContext camel(String clientId, String clientSecret, String scopes, Path tokenStoreFile) throws Exception {
        CamelContext context = new DefaultCamelContext();
        StoraConfiguration config = context.getComponent("stora", StoraComponent.class).getConfiguration();
        config.setBaseUrl(stora.baseUrl());
        config.setClientId(clientId);
        config.setClientSecret(clientSecret);
        config.setScopes(scopes);
        config.setTokenStoreFile(tokenStoreFile == null ? null : tokenStoreFile.toString());
        context.start();
        return context;
    }

    private static void ok(Exchange e) {
        assertNull(e.getException(), () -> "exchange failed: " + e.getException());
    }

    @Test
    void theCommandReceivesTheRedirectOnLocalhostAndStoresTheToken() throws Exception {
        Path file = dir.resolve("cli/operator-9.json");
        StoraAuthorizeCommand.Options options = new StoraAuthorizeCommand.Options("partner-app", "partner-secret",
                List.of("public.contact:read", "public.order:read"), file, 0, wm.baseUrl(),
                "https://stora.test/oauth2/authorize");
        try (StoraAuthorizeCommand command = new StoraAuthorizeCommand(options)) {
            String url = command.start();
            Map<String, String> q = query(url);
            assertTrue(url.startsWith("https://stora.test/oauth2/authorize?"));
            assertTrue(q.get("redirect_uri").matches("http://localhost:\\d+/callback"), q.get("redirect_uri"));

            // what the operator's browser does after approving: follow Stora's redirect to the callback
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(q.get("redirect_uri") + "?code=CODE-1&state=" + q.get("state"))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, page.statusCode(), page.body());
            OAuthTokens tokens = command.await(Duration.ofSeconds(10));
            assertEquals(List.of("public.contact:read", "public.order:read"), tokens.scopes());
            assertEquals("R-first", new FileTokenStore(file).load());
            wm.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                    .withFormParam("redirect_uri", equalTo(q.get("redirect_uri")))
                    .withFormParam("code_verifier", equalTo(verifierMatching(q.get("code_challenge")))));
        }
    }

    /** The code_verifier the exchange sent, checked against the challenge of the authorize URL. */
    private String verifierMatching(String challenge) throws Exception {
        String sent = wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).get(0).formParameters()
                .get("code_verifier").firstValue();
        assertEquals(challenge, s256(sent));
        return sent;
    }

    @Test
    void theCommandReadsItsOptions() {
        StoraAuthorizeCommand.Options options = StoraAuthorizeCommand.parse(new String[]{
                "--client-id", "app", "--scopes", "public.contact:read,public.order:read", "--token-store-file", "/tmp/t.json"},
                Map.of("STORA_CLIENT_SECRET", "from-env"), null);
        assertEquals("app", options.clientId());
        assertEquals("from-env", options.clientSecret());
        assertEquals(List.of("public.contact:read", "public.order:read"), options.scopes());
        assertEquals(StoraAuthorizeCommand.DEFAULT_PORT, options.port());
        assertFalse(options.toString().contains("from-env"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoraAuthorizeCommand.parse(new String[]{"--client-id", "app", "--scopes", "x"}, Map.of(), null));
        assertEquals("--token-store-file is required: where the routes will read the refresh token", e.getMessage());
    }

    @Test
    void authorizeWithPkceThenRotateAcrossExpiryAndRestart() throws Exception {
        Path store = dir.resolve("partner/operator.json");
        StoraAuthorizeCommand.Options options = new StoraAuthorizeCommand.Options("partner-app", "partner-secret",
                List.of("public.contact:read"), store, 0, stora.baseUrl(), stora.baseUrl() + "/oauth2/authorize");
        try (StoraAuthorizeCommand command = new StoraAuthorizeCommand(options)) {
            String authorizeUrl = command.start();
            // the operator's browser: Stora approves (the simulator at once) and redirects to our localhost callback
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> approval = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String callback = approval.headers().firstValue("Location").orElseThrow(() -> new AssertionError(approval.body()));
            assertEquals(200, browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            command.await(Duration.ofSeconds(10));
        }
        String first = new FileTokenStore(store).load();

        try (CamelContext context = camel("partner-app", "partner-secret", null, store)) {
            ProducerTemplate template = context.createProducerTemplate();
            ok(template.request("stora:contacts/list", e -> {
            }));
            String second = new FileTokenStore(store).load();
            assertNotEquals(first, second);

            stora.simulator().clock().advance(Duration.ofMinutes(31));
            ok(template.request("stora:contacts/list", e -> {
            }));
            assertNotEquals(second, new FileTokenStore(store).load());
        }
        assertEquals(3, stora.simulator().journal().countOperation("oauth/token"), "code exchange, then two refreshes");

        // a restart configured with the first, long revoked refresh token continues from the store
        try (CamelContext restarted = camel("partner-app", "partner-secret", null, store)) {
            restarted.getComponent("stora", StoraComponent.class).getConfiguration().setRefreshToken(first);
            ok(restarted.createProducerTemplate().request("stora:contacts/list", e -> {
            }));
        }
        assertEquals(0, stora.simulator().journal().countStatus(400), "no refresh token was sent twice");
        assertEquals(4, stora.simulator().journal().countOperation("oauth/token"));
    }
}
