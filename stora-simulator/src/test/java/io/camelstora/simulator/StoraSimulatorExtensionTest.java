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

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JUnit extension and its Camel glue, with a stand-in for the stora component. */
class StoraSimulatorExtensionTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.seed(Seed.EMPTY).accessToken("extension-token"))
            .build();

    /** Only the two options the extension sets; the real component lives in camel-stora. */
    public static class FakeStoraComponent extends DefaultComponent {
        private String baseUrl;
        private String accessToken;

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getAccessToken() {
            return accessToken;
        }

        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, java.util.Map<String, Object> parameters) {
            throw new UnsupportedOperationException("not needed by the test");
        }
    }

    @Test
    void configureBindsTheComponentAndPlaceholders() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FakeStoraComponent component = new FakeStoraComponent();
            context.addComponent("stora", component);
            stora.configure(context);

            assertEquals(stora.baseUrl(), component.getBaseUrl());
            assertEquals("extension-token", component.getAccessToken());
            assertEquals(stora.baseUrl(), context.resolvePropertyPlaceholders("{{stora.baseUrl}}"));
            assertEquals("extension-token", context.resolvePropertyPlaceholders("{{camel.component.stora.accessToken}}"));
        }
    }

    @Test
    void injectsTheSimulatorAndStartsFromTheSeedEachTest(StoraSimulator simulator) {
        assertEquals(stora.simulator(), simulator);
        assertEquals(0, simulator.journal().total(), "reset before each test");
        new ApiClient(simulator.baseUrl(), simulator.accessToken()).get("/2025-09/sites");
        assertEquals(1, simulator.journal().total());
    }

    @Test
    void withoutAStoraComponentOnlyPropertiesAreSet() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            stora.configure(context);
            assertEquals(stora.baseUrl(), context.resolvePropertyPlaceholders("{{camel.component.stora.baseUrl}}"));
            assertEquals(stora.properties().get("stora.accessToken"),
                    context.resolvePropertyPlaceholders("{{stora.accessToken}}"));
        }
    }
}
