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
import java.util.Set;

import io.camelstora.component.http.StoraApiException;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The OAuth flows end to end against the Stora simulator, which issues, expires, rotates and revokes tokens itself:
 * its clock is moved past the token lifetime, so the component learns of the expiry from 401 invalid_token.
 */
class SimulatorOAuthTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().seed(Seed.EMPTY).tokenLifetime(Duration.ofMinutes(30)))
            .build();

    @TempDir
    Path dir;

    @BeforeEach
    void applications() {
        stora.simulator().registerOAuthClient("ops-app", "ops-secret", Set.of("public.site:read"));
        stora.simulator().registerOAuthClient("partner-app", "partner-secret",
                Set.of("public.site:read", "public.contact:read"));
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
    void clientCredentialsRenewWhenTheSimulatorExpiresTheToken() throws Exception {
        try (CamelContext context = camel("ops-app", "ops-secret", "public.site:read", null)) {
            ProducerTemplate template = context.createProducerTemplate();
            ok(template.request("stora:sites/list", e -> {
            }));
            ok(template.request("stora:sites/list", e -> {
            }));
            assertEquals(1, stora.simulator().journal().countOperation("oauth/token"));

            stora.simulator().clock().advance(Duration.ofMinutes(31));
            ok(template.request("stora:sites/list", e -> {
            }));

            assertEquals(2, stora.simulator().journal().countOperation("oauth/token"));
            assertEquals(1, stora.simulator().journal().countStatus(401), "one rejected call, replayed once");

            Exchange forbidden = template.request("stora:contacts/list", e -> {
            });
            StoraApiException e = assertInstanceOf(StoraApiException.class, forbidden.getException());
            assertEquals(403, e.getStatus());
        }
    }
}
