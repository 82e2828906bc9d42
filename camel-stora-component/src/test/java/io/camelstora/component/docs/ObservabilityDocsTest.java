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
package io.camelstora.component.docs;

import io.camelstora.component.HealthChecks;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML of docs/health.md and docs/metrics.md, beans included, loaded as a user would load it, does what the pages
 * say: the registry bean of metrics.md receives the stora meters, and health.md's routes show up in the health checks.
 */
class ObservabilityDocsTest extends StoraTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private void start() {
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setStateDirectory("target/docs-observability-state");
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"records\":[{\"id\":\"x_1\"}],\"meta\":{\"request_id\":\"r\"}}")));
        context.start();
    }

    @Test
    void theRegistryOfTheMetricsPageReceivesTheStoraMeters() throws Exception {
        start();
        load("metrics.md");
        template.requestBody("direct:sites-report", (Object) null);

        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertEquals(1, registry.get("stora.calls").tags("operation", "sites/list", "outcome", "success").timer().count());
    }

    @Test
    void theRoutesOfTheHealthPageShowInTheHealthChecks() throws Exception {
        HealthChecks.withConsumerChecks(context);
        start();
        load("health.md");
        template.requestBody("direct:site", (Object) null);

        HealthChecks.consumer(context, "units-sync"); // fails when the route's consumer has no check
        assertEquals(HealthCheck.State.UP, HealthChecks.theAccount(context).getState());
    }

    private void load(String page) throws Exception {
        assertTrue(!MarkdownSnippets.loadYamlOfPage(context, page).isEmpty(), "no YAML in " + page);
    }
}
