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
package io.camelstora.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the application reads a Stora account from the environment. */
class ExamplesApplicationTest {

    static final Path OUT = Path.of("target", "app");

    @Test
    void anAccessTokenAndAPublicUrl() {
        Map<String, String> p = ExamplesApplication.accountProperties(Map.of("STORA_ACCESS_TOKEN", "tok",
                "STORA_PUBLIC_URL", "https://hooks.example.com/"), OUT);
        assertEquals("tok", p.get("camel.component.stora.accessToken"));
        assertFalse(p.containsKey("camel.component.stora.baseUrl"), "the component's default, the real API");
        assertFalse(p.containsKey("camel.component.stora.clientId"));
        assertEquals("https://hooks.example.com", p.get("examples.publicUrl"));
        assertEquals("false", p.get("examples.allowHttp"));
    }

    @Test
    void anOAuthClientAgainstALocalSimulator() {
        Map<String, String> p = ExamplesApplication.accountProperties(Map.of("STORA_CLIENT_ID", "id", "STORA_CLIENT_SECRET",
                "s",
                "STORA_SCOPES", "public.contact:read", "STORA_BASE_URL", "http://localhost:8099", "EXAMPLES_PORT", "9090"),
                OUT);
        assertEquals(List.of("id", "s", "public.contact:read"), List.of(p.get("camel.component.stora.clientId"),
                p.get("camel.component.stora.clientSecret"), p.get("camel.component.stora.scopes")));
        assertEquals("http://localhost:8099", p.get("camel.component.stora.baseUrl"));
        assertEquals("http://localhost:9090", p.get("examples.publicUrl"));
        assertEquals("9090", p.get("camel.server.port"));
        assertEquals("true", p.get("examples.allowHttp"));
    }

    @Test
    void anIncompleteOAuthClientNamesWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExamplesApplication.accountProperties(Map.of("STORA_CLIENT_ID", "id"), OUT));
        assertTrue(e.getMessage().contains("STORA_CLIENT_SECRET"), e.getMessage());
    }

    @Test
    void webhookFlowsNeedAPublicUrlExceptAgainstALocalSimulator() {
        Map<String, String> real = Map.of("STORA_ACCESS_TOKEN", "tok");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesApplication.checkPublicUrl(real,
                ExamplesApplication.accountProperties(real, OUT), ExamplesApplication.flows(null)));
        assertTrue(e.getMessage().contains("[contacts-to-crm, ledger]"), e.getMessage());
        ExamplesApplication.checkPublicUrl(real, ExamplesApplication.accountProperties(real, OUT),
                ExamplesApplication.flows("occupancy-report"));
        e = assertThrows(IllegalArgumentException.class, () -> ExamplesApplication.checkPublicUrl(real,
                ExamplesApplication.accountProperties(real, OUT), ExamplesApplication.flows("booking")));
        assertTrue(e.getMessage().contains("[booking]"),
                "the booking flow allocates units on tenancy.created: " + e.getMessage());
        Map<String, String> local = Map.of("STORA_ACCESS_TOKEN", "stora-simulator-token", "STORA_BASE_URL",
                "http://localhost:8099");
        ExamplesApplication.checkPublicUrl(local, ExamplesApplication.accountProperties(local, OUT),
                ExamplesApplication.flows(null));
    }

    @Test
    void flowsThatWriteOnEventsStartOnlyWhenNamed() {
        assertEquals(List.of(Flow.CONTACTS_TO_CRM, Flow.LEDGER, Flow.OCCUPANCY_REPORT), ExamplesApplication.flows(null));
        assertEquals(List.of(Flow.BOOKING), ExamplesApplication.flows("booking"));
        assertEquals(List.of(Flow.COLLECTIONS, Flow.LEDGER), ExamplesApplication.flows("collections, ledger"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExamplesApplication.flows("ledgr"));
        assertTrue(e.getMessage().contains("deals-to-orders"), e.getMessage());
    }
}
