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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which credentials a configuration means, where they are set (component or endpoint), and the errors for combinations
 * that mean nothing or two things.
 */
class CredentialOptionsTest extends StoraTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("stora", StoraComponent.class).getConfiguration().setAccessToken(null);
        return context;
    }

    private String endpointError(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage();
    }

    @Test
    void aStaticTokenWithOAuthOptionsIsAmbiguous() {
        assertEquals("Ambiguous Stora credentials on stora:sites/list: accessToken and clientId, clientSecret are set. Use"
                + " either a static accessToken or an OAuth 2 application (clientId with clientSecret and scopes, or"
                + " with refreshToken and a token store)",
                endpointError("stora:sites/list?accessToken=t&clientId=c&clientSecret=s"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "clientId=c|clientSecret, scopes are missing on stora:sites/list: OAuth 2 client credentials need clientId, clientSecret and scopes (e.g. scopes=public.contact:read public.order:write); for authorization code set refreshToken and a token store instead",
            "clientId=c&clientSecret=s|scopes is missing on stora:sites/list: OAuth 2 client credentials need clientId, clientSecret and scopes (e.g. scopes=public.contact:read public.order:write); for authorization code set refreshToken and a token store instead",
            "clientSecret=s&scopes=public.site:read|clientId is missing on stora:sites/list: OAuth 2 client credentials need clientId, clientSecret and scopes (e.g. scopes=public.contact:read public.order:write); for authorization code set refreshToken and a token store instead",
            "clientId=c&refreshToken=r|refreshToken on stora:sites/list needs a token store: Stora revokes the refresh token on every refresh, so the new one must be kept where a restart finds it. Set tokenStoreFile (one node) or tokenStore (e.g. a JdbcTokenStore for several nodes); see docs/authentication.md",
            "refreshToken=r&tokenStoreFile=/tmp/x.json|clientId is missing on stora:sites/list: refreshing the OAuth 2 authorization code grant (refreshToken, tokenStore, tokenStoreFile) needs the application's clientId (and clientSecret unless it is a public client)",
            "clientId=c&tokenStoreFile=/tmp/x.json&tokenStore=#bean:store|Both tokenStore and tokenStoreFile are set on stora:sites/list; use one of them",
    })
    void incompleteOrConflictingOAuthOptionsSayWhatToSet(String options, String message) {
        context.getRegistry().bind("store",
                new io.camelstora.component.auth.FileTokenStore(java.nio.file.Path.of("/tmp/y.json")));
        assertEquals(message, endpointError("stora:sites/list?" + options));
    }

    @Test
    void endpointsWithTheSameClientShareOneClientAndOthersDoNot() throws Exception {
        StoraEndpoint a = context.getEndpoint("stora:sites/list?clientId=c&clientSecret=s&scopes=public.site:read",
                StoraEndpoint.class);
        StoraEndpoint b = context.getEndpoint("stora:contacts/list?clientId=c&clientSecret=s&scopes=public.site:read",
                StoraEndpoint.class);
        StoraEndpoint otherScopes = context.getEndpoint("stora:units/list?clientId=c&clientSecret=s&scopes=public.unit:read",
                StoraEndpoint.class);
        StoraEndpoint otherSecret = context.getEndpoint("stora:tasks/list?clientId=c&clientSecret=s2&scopes=public.site:read",
                StoraEndpoint.class);

        assertSame(a.getClient(), b.getClient());
        assertNotSame(a.getClient(), otherScopes.getClient());
        assertNotSame(a.getClient(), otherSecret.getClient());
        String account = a.getClient().getTokens().accountId();
        assertEquals(true, account.matches("client-credentials:[0-9a-f]{12}"), account);
    }

    @Test
    void baseUrlAndAccessTokenOfTheComponentServeEveryEndpointAndAnEndpointMayOverrideThem() throws Exception {
        StoraConfiguration shared = context.getComponent("stora", StoraComponent.class).getConfiguration();
        assertEquals("https://public-api.stora.co", new StoraConfiguration().getBaseUrl(), "the default base URL");
        shared.setAccessToken("component-token");
        WireMockServer other = new WireMockServer(wireMockConfig().dynamicPort());
        other.start();
        try {
            String site = "{\"site\":{\"id\":\"site_1\"}}";
            wm.stubFor(get(urlPathEqualTo("/2025-09/sites/site_1")).willReturn(okJson(site)));
            other.stubFor(get(urlPathEqualTo("/2025-09/sites/site_1")).willReturn(okJson(site)));

            assertNull(call("stora:sites/show?siteId=site_1", null).getException());
            assertNull(call("stora:sites/show?siteId=site_1&baseUrl=" + other.baseUrl() + "&accessToken=endpoint-token", null)
                    .getException());

            wm.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites/site_1"))
                    .withHeader("Authorization", equalTo("Bearer component-token")));
            other.verify(1, getRequestedFor(urlPathEqualTo("/2025-09/sites/site_1"))
                    .withHeader("Authorization", equalTo("Bearer endpoint-token")));
            assertEquals(1, wm.findAll(RequestPatternBuilder.allRequests()).size(), "the override went elsewhere");
        } finally {
            other.stop();
        }
    }

    @Test
    void durationsAreAcceptedForTheRefreshMargin() throws Exception {
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getComponentPropertyConfigurer().configure(context, stora, "tokenRefreshMargin", "5m", false);
        assertEquals(300_000, stora.getTokenRefreshMargin());
        // an endpoint repeating the account's value is accepted
        assertNotNull(context.getEndpoint("stora:sites/list?clientId=c&clientSecret=s&scopes=a&tokenRefreshMargin=300000"));
    }
}
