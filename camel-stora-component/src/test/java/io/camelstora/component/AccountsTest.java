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

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.limits.StoraAccountStats;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account is configured in one place: its options are the component's, an endpoint cannot set them to something
 * else, a second account is a second component, and an exchange may name an account bean of the registry.
 */
class AccountsTest extends StoraTestSupport {

    static final String OTHER_TOKEN = "second-account-token-abcdef";

    @BeforeEach
    void stubs() {
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(okJson("{\"sites\":[],\"meta\":{}}")));
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites/site_down")).willReturn(aResponse().withStatus(503)));
    }

    private String endpointError(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
    }

    @Test
    void everyComponentOptionIsAnEndpointOptionAnAccountOptionOrTheComponentsOwn() throws Exception {
        JsonNode json = GeneratedMetadataTest.storaJson();
        Set<String> componentOptions = new TreeSet<>();
        json.get("componentProperties").fieldNames().forEachRemaining(componentOptions::add);
        Set<String> endpointOptions = new TreeSet<>();
        json.get("properties").fieldNames().forEachRemaining(endpointOptions::add);
        Set<String> componentOwn = Set.of("configuration", "healthCheckAccountEnabled", "healthCheckConsumerEnabled",
                "healthCheckProbeInterval", "meterRegistry", "dataSource", "lazyStartProducer", "bridgeErrorHandler",
                "autowiredEnabled");
        Set<String> unclassified = new TreeSet<>(componentOptions);
        unclassified.removeAll(endpointOptions);
        unclassified.removeAll(StoraComponent.ACCOUNT_OPTIONS);
        unclassified.removeAll(componentOwn);
        assertEquals(Set.of(), unclassified, "component options that are neither endpoint nor account options");
        Set<String> both = new TreeSet<>(StoraComponent.ACCOUNT_OPTIONS);
        both.retainAll(endpointOptions);
        assertEquals(Set.of(), both, "account options must not be endpoint options");
        assertTrue(componentOptions.containsAll(StoraComponent.ACCOUNT_OPTIONS));
        Set<String> secretAccountOptions = new TreeSet<>();
        StoraComponent.ACCOUNT_OPTIONS.stream().filter(o -> json.get("componentProperties").get(o).get("secret").asBoolean())
                .forEach(secretAccountOptions::add);
        assertEquals(secretAccountOptions, new TreeSet<>(StoraComponent.SECRET_ACCOUNT_OPTIONS),
                "the account options whose values an error must not show");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rateLimitPerSecond=50|rateLimitPerSecond=50 on stora:sites/list differs from its account's rateLimitPerSecond=10",
            "throttle=false|throttle=false on stora:sites/list differs from its account's throttle=true",
            "connectTimeout=5s|connectTimeout=5s on stora:sites/list differs from its account's connectTimeout=10000",
            "maxConnections=5|maxConnections=5 on stora:sites/list differs from its account's maxConnections=20",
            "retries=false|retries=false on stora:sites/list differs from its account's retries=true",
            "tokenRefreshMargin=-5000|tokenRefreshMargin=-5000 on stora:sites/list differs from its account's tokenRefreshMargin=60000",
            "proxyHost=proxy.example|proxyHost=proxy.example on stora:sites/list differs from its account's proxyHost=null",
    })
    void anEndpointSettingAnAccountOptionDifferentlyFailsNamingIt(String option, String message) {
        assertEquals(message + ": " + option.substring(0, option.indexOf('=')) + " is an option of the account, set once"
                + " on the stora component (camel.component.stora." + option.substring(0, option.indexOf('='))
                + "), not on an endpoint. For an account with other options use a second component instance (e.g. stora2);"
                + " see docs/accounts.md",
                endpointError("stora:sites/list?" + option));
    }

    /** The connection options are checked when the first route using the component starts, each error naming its option. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maxConnections=0|maxConnections of the stora component is 0; use 1 or more",
            "connectTimeout=-1|connectTimeout of the stora component is -1 ms; use 0 (no limit) or more",
            "responseTimeout=-5000|responseTimeout of the stora component is -5000 ms; use 0 (no limit) or more",
            "proxyHost=proxy.example|proxyPort of the stora component is null; set the port of proxyHost proxy.example (1 to 65535)",
            "proxyHost=proxy.example&proxyPort=70000|proxyPort of the stora component is 70000; set the port of proxyHost"
                    + " proxy.example (1 to 65535)",
            "proxyHost=proxy.example&proxyPort=3128&proxyUsername=u|proxyPassword of the stora component is missing: proxy"
                    + " authentication needs both proxyUsername and proxyPassword",
            "nonProxyHosts=localhost|proxyPort, proxyUsername, proxyPassword and nonProxyHosts of the stora component need"
                    + " proxyHost, the proxy to use",
    })
    void aBadConnectionOptionFailsTheStartNamingIt(String options, String message) throws Exception {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String option : options.split("&")) {
            properties.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
        }
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        PropertyBindingSupport.bindProperties(context, stora, properties);

        Exception e = assertThrows(Exception.class, () -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sites").to("stora:sites/list");
                }
            });
            context.start();
        });

        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals(message, cause.getMessage());
    }

    @Test
    void aSecretAccountOptionIsNamedWithoutItsValue() {
        String message = endpointError("stora:sites/list?proxyPassword=RAW(s3cret-proxy-pw)&proxyUsername=RAW(proxy-user-x)");
        assertTrue(message.startsWith("proxyPassword on stora:sites/list differs from its account's value")
                || message.startsWith("proxyUsername on stora:sites/list differs from its account's value"), message);
        assertTrue(!message.contains("s3cret-proxy-pw") && !message.contains("proxy-user-x"), message);
    }

    @Test
    void anEndpointRepeatingTheAccountsValueIsAccepted() throws Exception {
        // the forms a URI may use for the component's values: a duration for milliseconds, any case of the name
        context.start();
        Exchange result = call("stora:sites/list?rateLimitPerSecond=10&connectTimeout=10s&throttle=true&MaxRetries=3", null);
        assertNull(result.getException());
    }

    @Test
    void aSecondComponentIsASecondAccountWithItsOwnOptions() throws Exception {
        StoraComponent stora2 = new StoraComponent();
        stora2.getConfiguration().setBaseUrl(wm.baseUrl());
        stora2.getConfiguration().setAccessToken(OTHER_TOKEN);
        stora2.setRetries(false);
        context.addComponent("stora2", stora2);
        context.getComponent("stora", StoraComponent.class).setMaxRetries(1);
        context.getComponent("stora", StoraComponent.class).setRetryInitialDelay(10);
        context.getComponent("stora", StoraComponent.class).setRetryMaxDelay(20);
        context.start();

        assertNull(call("stora:sites/list", null).getException());
        assertNull(call("stora2:sites/list", null).getException());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites"))
                .withHeader("Authorization", equalTo("Bearer " + OTHER_TOKEN)));

        // retries are the option of each account: stora retries the 503 once, stora2 not at all
        assertNotNull(call("stora:sites/show?siteId=site_down", null).getException());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/2025-09/sites/site_down")));
        assertNotNull(call("stora2:sites/show?siteId=site_down", null).getException());
        wm.verify(3, getRequestedFor(urlPathEqualTo("/2025-09/sites/site_down")));

        // stora2's endpoints are checked against stora2's options
        assertNotNull(context.getEndpoint("stora2:sites/list?retries=false"));
        assertTrue(assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("stora2:sites/list?retries=true")).getCause().getMessage()
                .contains("set once on the stora2 component (camel.component.stora2.retries)"));
        assertEquals(1, context.getComponent("stora", StoraComponent.class).getAccountStats().size());
        assertEquals(1, stora2.getAccountStats().size());
    }

    @Test
    void endpointCredentialsAreAnAccountOfTheirOwnWithTheComponentsOptions() throws Exception {
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.setRetries(false);
        context.start();

        assertNotNull(call("stora:sites/show?siteId=site_down&accessToken=RAW(" + OTHER_TOKEN + ")", null).getException());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites/site_down"))
                .withHeader("Authorization", equalTo("Bearer " + OTHER_TOKEN)));
        assertNull(call("stora:sites/list", null).getException());
        assertNull(call("stora:sites/list?accessToken=RAW(" + OTHER_TOKEN + ")", null).getException());
        // two accounts: the component's and the endpoint's, the latter shared by both endpoints that name it
        Map<String, StoraAccountStats> stats = stora.getAccountStats();
        assertEquals(2, stats.size(), stats.keySet().toString());
        assertEquals(List.of(1L, 2L), stats.values().stream().map(StoraAccountStats::getRequests).sorted().toList());
    }

    /**
     * A name bound to a prototype (a new bean per lookup, as a Spring prototype scope or a registry backed by a
     * database would give) or rebound to a new bean: the component keeps only the latest bean of each name, so memory
     * does not grow with the exchanges, and the account of a bean is the same client as long as its credentials are.
     */
    @Test
    void accountBeansAreNotKeptPerInstance() throws Exception {
        List<WeakReference<StoraAccount>> created = new CopyOnWriteArrayList<>();
        context.getRegistry().bindAsPrototype("operatorP", StoraAccount.class, () -> {
            StoraAccount account = new StoraAccount();
            account.setBaseUrl(wm.baseUrl());
            account.setAccessToken("operator-p-token-789");
            created.add(new WeakReference<>(account));
            return account;
        });
        context.start();

        // fewer calls than the account's 10 a second: none waits for the limiter
        for (int i = 0; i < 8; i++) {
            assertNull(call("stora:sites/list", null, StoraConstants.ACCOUNT, "operatorP").getException());
        }
        assertEquals(8, created.size(), "a bean per exchange");
        wm.verify(8, getRequestedFor(urlPathEqualTo("/2025-09/sites"))
                .withHeader("Authorization", equalTo("Bearer operator-p-token-789")));
        assertEquals(2, context.getComponent("stora", StoraComponent.class).getAccountStats().size(),
                "the component's account and operatorP's, one client for its 8 beans");
        // every bean but the latest is collectable: nothing keeps them
        List<WeakReference<StoraAccount>> earlier = created.subList(0, created.size() - 1);
        for (int i = 0; i < 50 && earlier.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(0, earlier.stream().filter(r -> r.get() != null).count(), "beans still held by the component");
    }

    /** A misconfigured account bean fails the exchange before any call, naming the bean and what is wrong with it. */
    @Test
    void aMisconfiguredAccountBeanIsNamedInTheError() throws Exception {
        StoraAccount ambiguous = new StoraAccount();
        ambiguous.setBaseUrl(wm.baseUrl());
        ambiguous.setAccessToken("operator-x-token");
        ambiguous.setClientId("operator-x-client");
        StoraAccount noScheme = new StoraAccount();
        noScheme.setBaseUrl("public-api.stora.co");
        noScheme.setAccessToken("operator-y-token");
        context.getRegistry().bind("operatorX", ambiguous);
        context.getRegistry().bind("operatorY", noScheme);
        context.start();

        assertEquals("Ambiguous Stora credentials on the StoraAccount bean 'operatorX' (CamelStoraAccount header):"
                + " accessToken and clientId are set. Use either a static accessToken or an OAuth 2 application (clientId"
                + " with clientSecret and scopes, or with refreshToken and a token store)",
                call("stora:sites/list", null, StoraConstants.ACCOUNT, "operatorX").getException().getMessage());
        assertEquals("baseUrl of the StoraAccount bean 'operatorY' (CamelStoraAccount header) is 'public-api.stora.co';"
                + " use the API's https:// URL (the default, https://public-api.stora.co) or a simulator's http:// URL",
                call("stora:sites/list", null, StoraConstants.ACCOUNT, "operatorY").getException().getMessage());
        assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/sites"))).size(), "nothing sent");
        assertEquals(1, context.getComponent("stora", StoraComponent.class).getAccountStats().size(),
                "no account for either bean");
    }

    @Test
    void anExchangeMayNameAnAccountBeanOfTheRegistry() throws Exception {
        StoraAccount operatorA = new StoraAccount();
        operatorA.setBaseUrl(wm.baseUrl());
        operatorA.setAccessToken("operator-a-token-123");
        StoraAccount operatorB = new StoraAccount();
        operatorB.setBaseUrl(wm.baseUrl());
        operatorB.setAccessToken("operator-b-token-456");
        context.getRegistry().bind("operatorA", operatorA);
        context.getRegistry().bind("operatorB", operatorB);
        context.start();

        List<Exchange> results = new ArrayList<>();
        for (String account : List.of("operatorA", "operatorB", "operatorA")) {
            results.add(call("stora:sites/list", null, StoraConstants.ACCOUNT, account));
        }
        results.add(call("stora:sites/list", null));
        results.forEach(r -> assertNull(r.getException()));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/2025-09/sites"))
                .withHeader("Authorization", equalTo("Bearer operator-a-token-123")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites"))
                .withHeader("Authorization", equalTo("Bearer operator-b-token-456")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));

        // each account has its own statistics and health check
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        assertEquals(3, stora.getAccountStats().size());
        List<String> checks = HealthChecks.readiness(context).stream().map(r -> r.getCheck().getId())
                .filter(id -> id.startsWith("stora-account:")).toList();
        assertEquals(3, checks.size(), checks.toString());

        Exchange unknown = call("stora:sites/list", null, StoraConstants.ACCOUNT, "operatorC");
        assertEquals("The CamelStoraAccount header names the account 'operatorC', but the registry has no"
                + " io.camelstora.component.StoraAccount bean of that name; see docs/accounts.md",
                unknown.getException().getMessage());
        assertEquals(4, wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/sites"))).size(), "nothing sent for operatorC");
    }
}
