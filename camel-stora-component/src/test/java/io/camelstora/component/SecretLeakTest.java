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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.StoraAuthorization;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.camelstora.component.OAuthStubs.apiError;
import static io.camelstora.component.OAuthStubs.json;
import static io.camelstora.component.OAuthStubs.oauthError;
import static io.camelstora.component.OAuthStubs.rotated;
import static io.camelstora.component.OAuthStubs.sites;
import static io.camelstora.component.OAuthStubs.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every flow with every logger at TRACE (ours, Camel's, HttpClient's wire and header logs): no access token, refresh
 * token or client secret may appear in a log line, an exception message or stack trace, or an endpoint URI Camel
 * prints.
 * <p>
 * Secrets set on the component never appear anywhere. Secrets written into endpoint URIs as {@code RAW(...)} (with
 * {@code &} and {@code +}) work and are masked wherever Camel prints an endpoint, but Camel 4.18 core itself logs the
 * unresolved endpoint URI at TRACE while resolving it ({@link #CAMEL_CORE_URI_TRACE}), before any component code runs:
 * hence docs/authentication.md configures secrets on the component.
 */
class SecretLeakTest extends StoraTestSupport {

    static final String CLIENT_SECRET = "cs-Leak&Check+Secret/42=";
    static final String PARTNER_SECRET = "ps-Leak&Partner+Secret";
    static final String REFRESH_0 = "rt-Leak&Zero+Token";
    static final String WRONG_SECRET = "ws-Leak&Wrong+Secret";
    static final String PKCE_CODE = "code-Leak-7";
    static final List<String> SECRETS = List.of(CLIENT_SECRET, PARTNER_SECRET, REFRESH_0, WRONG_SECRET, PKCE_CODE,
            "at-Leak-CC-1", "at-Leak-CC-2", "at-Leak-AC-1", "at-Leak-AC-2", "rt-Leak-One", "rt-Leak-Two",
            "at-Leak-PKCE", "rt-Leak-PKCE", "at-Leak-Introspected", "at-Leak-Revoked");

    /** Camel core loggers that print endpoint URIs unsanitized at TRACE while resolving them (Camel 4.18). */
    static final List<String> CAMEL_CORE_URI_TRACE = TraceLogCapture.CAMEL_CORE_URI_TRACE;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private TraceLogCapture capture;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // before anything connects: HttpClient decides per connection whether to attach its header and wire loggers
        capture = TraceLogCapture.everything();

        CamelContext context = super.createCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setAccessToken(null);
        stora.setClock(clock);
        return context;
    }

    @AfterEach
    void restoreLogging() {
        capture.restore();
    }

    String clientCredentialsUri() {
        return "stora:sites/list?clientId=cc-leak&clientSecret=RAW(" + CLIENT_SECRET + ")&scopes=public.site:read";
    }

    /** Configures {@code component} (registered as {@code name}) like one account of an application. */
    private StoraComponent component(String name, String clientId, String clientSecret, String scopes, String refreshToken,
                                     String storeFile) {
        StoraComponent component = name.equals("stora") ? context.getComponent("stora", StoraComponent.class)
                : new StoraComponent();
        StoraConfiguration config = component.getConfiguration();
        config.setBaseUrl(wm.baseUrl());
        config.setAccessToken(null);
        config.setClientId(clientId);
        config.setClientSecret(clientSecret);
        config.setScopes(scopes);
        config.setRefreshToken(refreshToken);
        config.setTokenStoreFile(storeFile == null ? null : dir.resolve(storeFile).toString());
        component.setClock(clock);
        if (!name.equals("stora")) {
            context.addComponent(name, component);
        }
        return component;
    }

    private void stubServer() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(10)
                .willReturn(oauthError(401, "invalid_client", "Client authentication failed.", "req-client")));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1).inScenario("cc").whenScenarioStateIs("Started")
                .withRequestBody(
                        equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"cc-leak\",\"client_secret\":\""
                                + CLIENT_SECRET + "\",\"scope\":\"public.site:read\"}"))
                .willReturn(token("at-Leak-CC-1", 7200)).willSetStateTo("renewed"));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1).inScenario("cc").whenScenarioStateIs("renewed")
                .withRequestBody(
                        equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"cc-leak\",\"client_secret\":\""
                                + CLIENT_SECRET + "\",\"scope\":\"public.site:read\"}"))
                .willReturn(token("at-Leak-CC-2", 7200)));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("client_secret", equalTo(PARTNER_SECRET)).withFormParam("refresh_token", equalTo(REFRESH_0))
                .willReturn(rotated("at-Leak-AC-1", "rt-Leak-One", 7200)));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("client_secret", equalTo(PARTNER_SECRET)).withFormParam("refresh_token", equalTo("rt-Leak-One"))
                .willReturn(rotated("at-Leak-AC-2", "rt-Leak-Two", 7200)));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("client_secret", equalTo(PARTNER_SECRET)).withFormParam("refresh_token", equalTo("rt-Leak-Two"))
                .willReturn(oauthError(400, "invalid_grant", "The provided authorization grant is revoked.", "req-grant")));
        wm.stubFor(post(urlEqualTo("/oauth2/token")).atPriority(1)
                .withFormParam("grant_type", equalTo("authorization_code")).withFormParam("code", equalTo(PKCE_CODE))
                .willReturn(rotated("at-Leak-PKCE", "rt-Leak-PKCE", 7200)));
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer at-Leak-CC-1"))
                .willReturn(apiError(401, "invalid_token", "Invalid token.", "req-401")));
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer at-Leak-CC-2"))
                .willReturn(sites()));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts")).willReturn(json(200, "{\"contacts\":[],\"meta\":{}}")));
        wm.stubFor(post(urlEqualTo("/2025-09/contacts"))
                .willReturn(apiError(403, "forbidden", "You do not have permission.", "req-403")));
        wm.stubFor(post(urlEqualTo("/oauth2/introspect")).willReturn(json(200, "{\"active\":true}")));
        wm.stubFor(get(urlEqualTo("/oauth2/token/info")).willReturn(json(200, "{\"scope\":[\"public.site:read\"]}")));
        wm.stubFor(post(urlEqualTo("/oauth2/revoke")).willReturn(json(200, "{}")));
    }

    @Test
    void secretsConfiguredOnTheComponentNeverReachALogLineOrAnException() throws Exception {
        stubServer();
        component("stora", "cc-leak", CLIENT_SECRET, "public.site:read", null, null);
        component("storaPartner", "partner-leak", PARTNER_SECRET, null, REFRESH_0, "operator.json");
        component("storaWrong", "cc-leak", WRONG_SECRET, "public.unit:read", null, null);
        List<String> printed = new ArrayList<>();

        // client credentials: fetched, rejected with 401 invalid_token, renewed, replayed
        assertNull(template.request("stora:sites/list", e -> {
        }).getException());
        assertEquals(2, wm.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).size());

        // authorization code: rotation twice, then a revoked refresh token
        assertNull(template.request("storaPartner:contacts/list", e -> {
        }).getException());
        clock.advance(Duration.ofHours(2));
        assertNull(template.request("storaPartner:contacts/list", e -> {
        }).getException());
        clock.advance(Duration.ofHours(2));
        printed.add(failure(template.request("storaPartner:contacts/list", e -> {
        })));

        // rejected client credentials, a missing scope
        printed.add(failure(template.request("storaWrong:units/list", e -> {
        })));
        printed.add(
                failure(template.request("stora:contacts/create", e -> e.getIn().setBody("{\"email\":\"ada@example.com\"}"))));

        // PKCE: authorize URL and code exchange through the component
        StoraAuthorization authorization = context.getComponent("storaPartner", StoraComponent.class).authorization();
        StoraAuthorization.AuthorizationRequest request = authorization.authorizationRequest("http://localhost/cb",
                List.of("public.contact:read"));
        FileTokenStore pkceStore = new FileTokenStore(dir.resolve("pkce.json"));
        authorization.exchangeCode(request, Map.of("code", PKCE_CODE, "state", request.state()), pkceStore)
                .get(10, TimeUnit.SECONDS);
        assertEquals("rt-Leak-PKCE", pkceStore.load());
        ExecutionException forged = assertThrows(ExecutionException.class, () -> authorization.exchangeCode(request,
                Map.of("code", PKCE_CODE, "state", "forged"), pkceStore).get(10, TimeUnit.SECONDS));
        printed.add(trace(forged));
        printed.add(request.toString());

        // the oauth/* producers
        assertNull(template.request("stora:oauth/token", e -> e.getIn().setBody(null)).getException());
        assertNull(template.request("stora:oauth/introspect", e -> e.getIn().setBody("{\"token\":\"at-Leak-Introspected\"}"))
                .getException());
        assertNull(template.request("stora:oauth/info", e -> {
        }).getException());
        assertNull(template.request("stora:oauth/revoke", e -> e.getIn().setBody("{\"token\":\"at-Leak-Revoked\"}"))
                .getException());

        printed.addAll(whatCamelPrintsAboutEndpoints());
        List<String> logged = new ArrayList<>(capture.lines());
        assertTrue(logged.size() > 200, "TRACE logging was on: " + logged.size() + " lines");
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("org.apache.hc.client5.http.impl.classic")),
                "HttpClient's own TRACE/DEBUG logging was active");
        // our pooled connections neither wrap the socket in HttpClient's byte logger nor log headers
        assertEquals(List.of(), logged.stream().filter(l -> l.startsWith("org.apache.hc.client5.http.wire")
                || l.startsWith("org.apache.hc.client5.http.headers")).toList());
        assertEquals(List.of(), leaks(concat(logged, printed)));
    }

    @Test
    void rawSecretsInEndpointUrisWorkAndAreMaskedWhereCamelPrintsEndpoints() throws Exception {
        stubServer();
        String partnerUri = "stora:contacts/list?clientId=partner-leak&clientSecret=RAW(" + PARTNER_SECRET
                + ")&refreshToken=RAW(" + REFRESH_0 + ")&tokenStoreFile=" + dir.resolve("raw.json");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cc").routeId("cc").to(clientCredentialsUri());
                from("direct:partner").routeId("partner").to(partnerUri);
            }
        });
        List<String> printed = new ArrayList<>();

        assertNull(template.request("direct:cc", e -> {
        }).getException());
        assertNull(template.request("direct:partner", e -> {
        }).getException());
        printed.add(failure(template.request(clientCredentialsUri().replace("sites/list", "contacts/create"),
                e -> e.getIn().setBody("{\"email\":\"ada@example.com\"}"))));

        // RAW(...) kept & and + intact
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withRequestBody(equalToJson(
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"cc-leak\",\"client_secret\":\"" + CLIENT_SECRET
                        + "\",\"scope\":\"public.site:read\"}")));
        wm.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withFormParam("client_secret", equalTo(PARTNER_SECRET))
                .withFormParam("refresh_token", equalTo(REFRESH_0)));

        printed.addAll(whatCamelPrintsAboutEndpoints());
        assertTrue(printed.stream().anyMatch(p -> p.contains("clientSecret=xxxxxx")), printed.toString());
        assertEquals(List.of(), leaks(printed));
        assertEquals(List.of(), leaks(capture.linesBeyondCamelCoreUriTrace()));
    }

    /** Endpoints as Camel shows them: toString, sanitized URIs, routes and their processors. */
    private List<String> whatCamelPrintsAboutEndpoints() {
        List<String> printed = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            printed.add(endpoint.toString());
            printed.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            printed.add(URISupport.sanitizeUri(endpoint.getEndpointBaseUri()));
        }
        for (org.apache.camel.Route route : context.getRoutes()) {
            printed.add(route.toString());
            printed.add(route.getEndpoint().toString());
            route.navigate().next().forEach(processor -> printed.add(processor.toString()));
        }
        return printed;
    }

    private static String failure(Exchange exchange) {
        assertNotNull(exchange.getException());
        return trace(exchange.getException());
    }

    private static List<String> leaks(List<String> texts) {
        return TraceLogCapture.leaks(texts, SECRETS);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String trace(Throwable t) {
        return TraceLogCapture.trace(t);
    }
}
