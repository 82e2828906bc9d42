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

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.StoraSimulator;

/**
 * The properties that point the examples at a Stora simulator: its URL and token, webhooks self-registered over
 * {@code http://localhost}, output files under one directory, and a timeline source and template for the collections
 * flow.
 */
public final class SimulatorAccount {

    private SimulatorAccount() {
    }

    /**
     * @param serverPort  the port of the application's HTTP server (webhooks, booking API)
     * @param crmUrl      the CRM the contacts go to
     * @param outputDir   where the ledger, the reports and the webhook secrets are written
     * @param perSecond   the component's rate limit per second: the same as the simulator's
     * @param perMinute   and per minute
     */
    public static Map<String, String> properties(StoraSimulator simulator, int serverPort, String crmUrl, Path outputDir,
                                                 int perSecond, int perMinute) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.stora.baseUrl", simulator.baseUrl());
        p.put("camel.component.stora.accessToken", simulator.accessToken());
        p.put("camel.component.stora.rateLimitPerSecond", String.valueOf(perSecond));
        p.put("camel.component.stora.rateLimitPerMinute", String.valueOf(perMinute));
        // polling consumers keep their state here (none of the examples polls, but the directory must not be the user's)
        p.put("camel.component.stora.stateDirectory", outputDir.resolve("state").toString());
        p.put("camel.server.port", String.valueOf(serverPort));
        p.put("examples.publicUrl", "http://localhost:" + serverPort);
        p.put("examples.allowHttp", "true");
        p.put("examples.webhook.secretStoreFile", outputDir.resolve("webhook-secrets.properties").toString());
        p.put("examples.crm.url", crmUrl);
        p.put("examples.ledger.file", outputDir.resolve("ledger.csv").toString());
        p.put("examples.report.dir", outputDir.toString());
        // BackOffice creates timeline sources and templates (the API only reads them): the simulator's control API here
        ObjectNode source = JsonNodeFactory.instance.objectNode().put("name", "camel-stora examples")
                .put("website_url", "https://example.com/camel-stora").put("global", false);
        ObjectNode template = JsonNodeFactory.instance.objectNode().put("name", "Invoice uncollectible").put("global", false)
                .put("message", "overlocked {{ overlocked_units }} unit(s): invoice {{ invoice_number }} ({{ amount_due }})"
                        + " marked uncollectible.");
        // the custom variables CollectionsRequests.timelineEvent sends
        template.putObject("variables").putArray("custom").add("invoice_number").add("amount_due").add("overlocked_units");
        p.put("examples.collections.timelineSourceId", simulator.control().createTimelineSource(source).path("id").asText());
        p.put("examples.collections.timelineTemplateId",
                simulator.control().createTimelineTemplate(template).path("id").asText());
        return p;
    }

    /** A port no one listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
