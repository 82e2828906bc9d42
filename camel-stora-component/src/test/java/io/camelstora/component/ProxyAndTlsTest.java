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

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.camelstora.component.http.StoraApiException;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.eclipse.jetty.proxy.ConnectHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account's proxy and TLS options against real servers the test starts: the Stora simulator over HTTPS with a
 * certificate only the test's trust store holds, and a forwarding proxy (Jetty's ConnectHandler, the CONNECT tunnel
 * WireMock's own proxy is built on) that asks for Basic credentials.
 */
class ProxyAndTlsTest {

    static final String PROXY_USER = "proxy-user-Leak7";
    static final String PROXY_PASSWORD = "pp-Leak&Proxy+Secret";
    static final String TRUST_PASSWORD = "changeit";

    static StoraSimulator simulator;
    static Server proxy;
    /** What the proxy saw: the target of each CONNECT, and whether its credentials were right. */
    static final List<String> connects = new CopyOnWriteArrayList<>();

    private CamelContext context;
    private StoraComponent stora;

    @BeforeAll
    static void startServers() throws Exception {
        simulator = StoraSimulator.builder().https(resource("tls/simulator-keystore.p12"), TRUST_PASSWORD)
                .rateLimitDisabled().start();
        proxy = new Server();
        ServerConnector connector = new ServerConnector(proxy);
        connector.setHost("127.0.0.1");
        proxy.addConnector(connector);
        proxy.setHandler(new AuthenticatingConnectHandler());
        proxy.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        proxy.stop();
        simulator.close();
    }

    @BeforeEach
    void newContext() {
        connects.clear();
        context = new DefaultCamelContext();
        stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(simulator.baseUrl());
        stora.getConfiguration().setAccessToken(simulator.accessToken());
        stora.setRetries(false);
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ProxyAndTlsTest.class.getClassLoader().getResource(name).toURI());
    }

    static SSLContextParameters trustingTheSimulator() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("classpath:tls/client-truststore.p12");
        store.setType("PKCS12");
        store.setPassword(TRUST_PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }

    private void useProxy(String password) {
        stora.setProxyHost("127.0.0.1");
        stora.setProxyPort(((ServerConnector) proxy.getConnectors()[0]).getLocalPort());
        stora.setProxyUsername(PROXY_USER);
        stora.setProxyPassword(password);
    }

    private Exchange listSites() {
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        return template.request("stora:sites/list", e -> {
        });
    }

    @Test
    void theTrustStoreOfSslContextParametersIsUsed() {
        assertTrue(simulator.baseUrl().startsWith("https://localhost:"), simulator.baseUrl());
        stora.setSslContextParameters(trustingTheSimulator());

        Exchange result = listSites();

        assertNull(result.getException());
        assertFalse(result.getMessage().getBody(List.class).isEmpty());
    }

    @Test
    void withoutItTheJvmRefusesTheSimulatorsCertificate() {
        StoraApiException e = assertInstanceOf(StoraApiException.class, listSites().getException());
        assertFalse(e.isResponseReceived());
        assertTrue(e.getMessage().startsWith("No response from stora:sites/list (GET /2025-09/sites): "), e.getMessage());
        assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
    }

    /**
     * The trust store makes the certificate trusted, not any host that presents it: the simulator's certificate names
     * localhost and 127.0.0.1, so the same simulator certificate served on 127.0.0.2 (loopback as well) is refused.
     */
    @Test
    void aTrustedCertificateOfAnotherHostIsRefused() throws Exception {
        try (StoraSimulator elsewhere = StoraSimulator.builder().host("127.0.0.2")
                .https(resource("tls/simulator-keystore.p12"), TRUST_PASSWORD).rateLimitDisabled().start()) {
            stora.getConfiguration().setBaseUrl(elsewhere.baseUrl());
            stora.getConfiguration().setAccessToken(elsewhere.accessToken());
            stora.setSslContextParameters(trustingTheSimulator());

            StoraApiException e = assertInstanceOf(StoraApiException.class, listSites().getException());

            assertFalse(e.isResponseReceived());
            assertTrue(e.getMessage().contains("SSLPeerUnverifiedException: Certificate for <127.0.0.2> doesn't match any"
                    + " of the subject alternative names"), e.getMessage());
        }
    }

    @Test
    void theGlobalSslContextParametersAreUsedWhenAsked() {
        context.setSSLContextParameters(trustingTheSimulator());
        stora.setUseGlobalSslContextParameters(true);

        assertNull(listSites().getException());
    }

    @Test
    void callsGoThroughTheProxyWithItsCredentialsAndHealthAndStatsStayPerAccount() {
        stora.setSslContextParameters(trustingTheSimulator());
        useProxy(PROXY_PASSWORD);
        TraceLogCapture capture = TraceLogCapture.everything();
        List<String> printed = new ArrayList<>();
        try {
            Exchange result = listSites();
            assertNull(result.getException());
            Exchange other = context.createProducerTemplate().request("stora:contacts/list", e -> {
            });
            assertNull(other.getException());
            for (Endpoint endpoint : context.getEndpoints()) {
                printed.add(endpoint.getEndpointUri());
                printed.add(endpoint.toString());
            }
            printed.add(stora.getAccountStats().toString());
        } finally {
            capture.restore();
        }

        // the first CONNECT is challenged, the next carries the credentials; the tunnel is then kept for the second call
        String target = "localhost:" + simulator.port();
        assertEquals(List.of(target + " without credentials", target + " authenticated"), connects);
        HealthCheck.Result health = HealthChecks.theAccount(context);
        assertEquals(HealthCheck.State.UP, health.getState(), () -> health.getMessage().orElse(""));
        assertEquals(2, stora.getAccountStats().values().iterator().next().getRequests());
        List<String> texts = new ArrayList<>(capture.lines());
        int proxyPort = ((ServerConnector) proxy.getConnectors()[0]).getLocalPort();
        assertTrue(texts.stream().anyMatch(l -> l.startsWith("org.apache.hc.client5") && l.contains(":" + proxyPort)),
                "HttpClient's TRACE/DEBUG logging of the proxied route was on: " + texts.size() + " lines");
        texts.addAll(printed);
        texts.add(String.valueOf(health.getDetails()));
        assertEquals(List.of(), TraceLogCapture.leaks(texts, List.of(PROXY_PASSWORD, PROXY_USER, basic(PROXY_PASSWORD))));
    }

    /** One HTTP transport per component: a second account's call takes the tunnel the first account opened. */
    @Test
    void theAccountsOfAComponentShareItsConnections() {
        stora.setSslContextParameters(trustingTheSimulator());
        useProxy(PROXY_PASSWORD);
        StoraAccount operator = new StoraAccount();
        operator.setBaseUrl(simulator.baseUrl());
        operator.setAccessToken(simulator.createAccessToken(Set.of("public.site:read")));
        context.getRegistry().bind("operator", operator);

        assertNull(listSites().getException());
        Exchange asOperator = context.createProducerTemplate().request("stora:sites/list",
                e -> e.getIn().setHeader(StoraConstants.ACCOUNT, "operator"));

        assertNull(asOperator.getException());
        assertEquals(2, stora.getAccountStats().size(), stora.getAccountStats().keySet()::toString);
        String target = "localhost:" + simulator.port();
        assertEquals(List.of(target + " without credentials", target + " authenticated"), connects);
    }

    @Test
    void aRefusedProxyPasswordFailsTheCallWithoutShowingIt() {
        stora.setSslContextParameters(trustingTheSimulator());
        useProxy("wrong-Leak-password");

        Exception e = listSites().getException();

        assertEquals("407 Proxy Authentication Required from stora:sites/list (GET /2025-09/sites) with an empty body: the"
                + " proxy refused the stora component's proxyUsername and proxyPassword", e.getMessage());
        assertFalse(TraceLogCapture.trace(e).contains("wrong-Leak-password"), TraceLogCapture.trace(e));
        assertTrue(connects.stream().noneMatch(c -> c.endsWith("authenticated")), connects::toString);
    }

    @Test
    void nonProxyHostsAreReachedDirectly() {
        stora.setSslContextParameters(trustingTheSimulator());
        useProxy(PROXY_PASSWORD);
        stora.setNonProxyHosts("example.org|local*");

        assertNull(listSites().getException());
        assertEquals(List.of(), connects);
    }

    @Test
    void hostsThatMatchNoPatternStillGoThroughTheProxy() {
        stora.setSslContextParameters(trustingTheSimulator());
        useProxy(PROXY_PASSWORD);
        stora.setNonProxyHosts("*.localhost, example.org,localhost.example");

        assertNull(listSites().getException());
        String target = "localhost:" + simulator.port();
        assertEquals(List.of(target + " without credentials", target + " authenticated"), connects);
    }

    @Test
    void anEndpointCannotSetAnotherProxy() {
        useProxy(PROXY_PASSWORD);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("stora:sites/list?proxyPassword=RAW(other-Leak-pw)"));
        assertTrue(e.getCause().getMessage().startsWith("proxyPassword on stora:sites/list differs from its account's value"),
                e.getCause().getMessage());
        assertFalse(TraceLogCapture.trace(e).contains("other-Leak-pw"));
        assertFalse(TraceLogCapture.trace(e).contains(PROXY_PASSWORD));
    }

    static String basic(String password) {
        return Base64.getEncoder().encodeToString((PROXY_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Jetty's CONNECT proxy, asking for Basic credentials as a company proxy does. */
    static final class AuthenticatingConnectHandler extends ConnectHandler {

        @Override
        protected void handleConnect(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                     String serverAddress) {
            boolean authenticated = ("Basic " + basic(PROXY_PASSWORD)).equals(request.getHeader("Proxy-Authorization"));
            connects.add(serverAddress + (authenticated ? " authenticated"
                    : request.getHeader("Proxy-Authorization") == null ? " without credentials" : " with wrong credentials"));
            super.handleConnect(baseRequest, request, response, serverAddress);
        }

        @Override
        protected boolean handleAuthentication(HttpServletRequest request, HttpServletResponse response, String address) {
            if (("Basic " + basic(PROXY_PASSWORD)).equals(request.getHeader("Proxy-Authorization"))) {
                return true;
            }
            response.setHeader("Proxy-Authenticate", "Basic realm=\"corporate proxy\"");
            return false;
        }
    }
}
