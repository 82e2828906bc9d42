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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.JdbcTokenStore;
import io.camelstora.component.auth.StateRepositoryTokenStore;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelstora.component.OAuthStubs.apiError;
import static io.camelstora.component.OAuthStubs.oauthError;
import static io.camelstora.component.OAuthStubs.rotated;
import static io.camelstora.component.OAuthStubs.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authorization code with refresh token rotation against a WireMock token endpoint that behaves like Stora's: each
 * refresh answers a new refresh token and revokes the one sent (a revoked token gets 400 invalid_grant).
 */
public class AuthorizationCodeTest extends StoraTestSupport {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private Path storeFile;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        storeFile = dir.resolve("stora/operator-42.json");
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        configure(stora.getConfiguration());
        stora.setClock(clock);
        return context;
    }

    private void configure(StoraConfiguration config) {
        config.setBaseUrl(wm.baseUrl());
        config.setAccessToken(null);
        config.setClientId("partner-app");
        config.setClientSecret("partner-secret");
        config.setRefreshToken("R0");
        config.setTokenStoreFile(storeFile.toString());
    }

    /** A new component configured like the first one: what a restarted process or another node has. */
    private StoraComponent anotherNode(String name) {
        StoraComponent node = new StoraComponent();
        configure(node.getConfiguration());
        node.setClock(clock);
        context.addComponent(name, node);
        return node;
    }

    @BeforeEach
    void rotatingTokenEndpoint() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(sites()));
        // any refresh token that is not the current one has been revoked
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(10).willReturn(oauthError(400, "invalid_grant",
                "The provided authorization grant is invalid, expired, revoked.", "req-grant")));
        for (int i = 0; i < 6; i++) {
            wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                    .inScenario("rotation").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "R" + i)
                    .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                    .withFormParam("grant_type", equalTo("refresh_token"))
                    .withFormParam("client_id", equalTo("partner-app"))
                    .withFormParam("client_secret", equalTo("partner-secret"))
                    .withFormParam("refresh_token", equalTo("R" + i))
                    .willReturn(rotated("A" + (i + 1), "R" + (i + 1), 7200).withFixedDelay(100))
                    .willSetStateTo("R" + (i + 1)));
        }
    }

    private List<String> refreshTokensSent() {
        return wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).stream()
                .map(r -> r.formParameters().get("refresh_token").firstValue()).toList();
    }

    private List<String> bearerTokensSent() {
        return wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/sites"))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    private static void ok(Exchange e) {
        assertNull(e.getException(), () -> "exchange failed: " + e.getException());
    }

    @Test
    void theRotatedTokenIsStoredAndARestartContinuesWithItNotWithTheConfiguredOne() throws Exception {
        ok(call("stora:sites/list", null));
        assertEquals("R1", new FileTokenStore(storeFile).load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFile.getParent())));

        clock.advance(Duration.ofHours(2));
        ok(call("stora:sites/list", null));
        assertEquals("R2", new FileTokenStore(storeFile).load());

        // a restart: a new component, still configured with the revoked R0
        anotherNode("restarted");
        ok(call("restarted:sites/list", null));

        assertEquals(List.of("R0", "R1", "R2"), refreshTokensSent());
        assertEquals(List.of("Bearer A1", "Bearer A2", "Bearer A3"), bearerTokensSent());
        assertEquals("R3", new FileTokenStore(storeFile).load());
        try (var files = Files.list(storeFile.getParent())) {
            assertEquals(List.of(storeFile.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    void twentyConcurrentExchangesOnAColdStartSendOneRefresh() throws Exception {
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(template.asyncSend("stora:sites/list", e -> e.getIn().setBody(null)));
        }
        for (CompletableFuture<Exchange> f : futures) {
            ok(f.get(20, TimeUnit.SECONDS));
        }

        assertEquals(List.of("R0"), refreshTokensSent());
        assertTrue(bearerTokensSent().stream().allMatch("Bearer A1"::equals));
        assertEquals(20, bearerTokensSent().size());
    }

    @Test
    void a401InvalidTokenRefreshesWithTheStoredToken() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer A1"))
                .willReturn(apiError(401, "invalid_token", "Invalid token.", "req-401")));

        ok(call("stora:sites/list", null));

        assertEquals(List.of("R0", "R1"), refreshTokensSent());
        assertEquals(List.of("Bearer A1", "Bearer A2"), bearerTokensSent());
    }

    @Test
    void aRevokedRefreshTokenSaysToReauthorise() {
        new FileTokenStore(storeFile).save("R-revoked-long-ago");

        Exchange result = call("stora:sites/list", null);

        StoraApiException e = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals(400, e.getStatus());
        assertEquals("invalid_grant", e.getCode());
        assertEquals("req-grant", e.getRequestId());
        assertEquals("400 invalid_grant: The provided authorization grant is invalid, expired, revoked. Refresh token"
                + " expired or revoked; re-authorise (docs/authentication.md) and store the new refresh token."
                + " (request_id req-grant, stora:oauth/token)", e.getMessage());
        assertEquals(List.of("R-revoked-long-ago"), refreshTokensSent(), "the configured R0 is never tried");
    }

    @Test
    void anEmptyStoreWithoutARefreshTokenSaysHowToAuthorise() {
        context.getComponent("stora", StoraComponent.class).getConfiguration().setRefreshToken(null);

        Exchange result = call("stora:sites/list?clientSecret=other", null); // another account: a fresh token source

        IllegalStateException e = assertInstanceOf(IllegalStateException.class, result.getException());
        assertEquals("No Stora refresh token: the token store file:" + storeFile + " is empty and no refreshToken is"
                + " configured; authorise the application with StoraAuthorization or StoraAuthorizeCommand"
                + " (docs/authentication.md)", e.getMessage());
        assertEquals(List.of(), refreshTokensSent());
    }

    @Test
    void twoNodesRefreshingAtOnceBothEndUpWithAToken() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:stora-tokens-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE stora_token_store (token_key VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " refresh_token VARCHAR(2000) NOT NULL, updated_at TIMESTAMP NOT NULL)");
        }
        JdbcTokenStore shared = new JdbcTokenStore(db, "operator-42");
        shared.save("R1");
        context.getRegistry().bind("sharedTokens", shared);
        // node A's refresh is slow: node B's request with the same R1 reaches Stora after A's, is rejected, and B
        // must pick up the R2 that A saves once its answer arrives
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1).inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .withFormParam("refresh_token", equalTo("R1"))
                .willReturn(rotated("A2", "R2", 7200).withFixedDelay(400)).willSetStateTo("R2"));
        StoraComponent nodeA = anotherNode("nodeA");
        StoraComponent nodeB = anotherNode("nodeB");
        for (StoraComponent node : List.of(nodeA, nodeB)) {
            node.getConfiguration().setTokenStoreFile(null);
            node.getConfiguration().setRefreshToken(null);
        }

        CompletableFuture<Exchange> a = template.asyncSend("nodeA:sites/list?tokenStore=#bean:sharedTokens", e -> {
        });
        // WireMock journals A's request (and rotates the scenario) before serving its delayed answer
        for (int i = 0; i < 500 && refreshTokensSent().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(List.of("R1"), refreshTokensSent());
        Exchange b = call("nodeB:sites/list?tokenStore=#bean:sharedTokens", null);

        ok(a.get(10, TimeUnit.SECONDS));
        ok(b);
        assertEquals(List.of("R1", "R1", "R2"), refreshTokensSent());
        assertEquals("R3", shared.load());
    }

    @Test
    void aCamelStateRepositoryCanHoldTheToken() {
        MemoryStateRepository repository = new MemoryStateRepository();
        repository.setState("stora.operator-42", "R0");
        context.getRegistry().bind("stateTokens",
                new StateRepositoryTokenStore(repository, "stora.operator-42"));

        ok(call("stora:sites/list?tokenStore=#bean:stateTokens&tokenStoreFile=&refreshToken=", null));

        assertEquals("R1", repository.getState("stora.operator-42"));
    }
}
