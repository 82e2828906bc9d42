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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelstora.examples.crm.CrmStandIn;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one flow, in one DSL, in the examples' camel-main application against the Stora simulator, with Stora's real
 * rate limits (10 per second, 60 per minute) on both sides. The simulator delivers webhooks for real, signed, to the
 * application's HTTP server; its retries are scaled down so that a failed delivery comes back within milliseconds.
 */
abstract class FlowTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(10)))
            .build();

    @TempDir
    Path output;

    Main main;
    CamelContext context;
    ProducerTemplate template;
    CrmStandIn crm;
    int serverPort;

    void start(Flow flow, Dsl dsl) throws Exception {
        start(flow, dsl, Map.of());
    }

    void start(Flow flow, Dsl dsl, Map<String, String> overrides) throws Exception {
        start(List.of(flow), dsl, overrides);
    }

    /** Several flows in one application, for a story that crosses them (a deal's order gets its unit from booking). */
    void start(List<Flow> flows, Dsl dsl, Map<String, String> overrides) throws Exception {
        crm = CrmStandIn.start(0);
        serverPort = SimulatorAccount.freePort();
        Map<String, String> properties = new HashMap<>(SimulatorAccount.properties(stora.simulator(), serverPort, crm.url(),
                output, 10, 60));
        properties.putAll(overrides);
        main = ExamplesMain.create(dsl, flows, properties);
        main.start();
        context = main.getCamelContext();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        if (crm != null) {
            crm.close();
        }
    }

    StoraSimulator simulator() {
        return stora.simulator();
    }

    /** Waits until every webhook delivery the simulator has made so far is answered (the routes have completed). */
    List<WebhookDelivery> awaitDeliveries() {
        return simulator().webhooks().await(ds -> ds.stream().noneMatch(d -> d.status() == WebhookDelivery.Status.PENDING),
                WAIT);
    }

    /** Calls the API through the flow's own component (its account, token and rate limiter). */
    @SuppressWarnings("unchecked")
    <T> T call(String uri, Object body, Map<String, Object> headers) {
        return (T) template.requestBodyAndHeaders(uri, body, headers);
    }

    <T> T call(String uri) {
        return call(uri, null, Map.of());
    }
}
