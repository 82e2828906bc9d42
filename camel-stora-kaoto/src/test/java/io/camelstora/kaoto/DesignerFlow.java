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
package io.camelstora.kaoto;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.main.Main;

/**
 * Runs a flow file exported from Kaoto ("when invoice.paid arrives, create a task for the contact") the way a team runs
 * it: camel-main with the YAML file as its routes, the platform-http server for the webhook source and the stora
 * component configured by properties, against the Stora simulator. Stora delivers a real signed {@code invoice.paid},
 * and the run succeeds when the task exists in Stora, about the invoice's contact.
 * <p>
 * {@code main(<flow.camel.yaml>)} is the JVM step of .ci/kaoto-designer-test, fed the file the browser test exported;
 * {@link DesignerFlowTest} runs the same check on the export committed with the docs.
 */
public final class DesignerFlow {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the simulator does not speak the h2c upgrade the JDK client tries by default. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DesignerFlow() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode task = run(Path.of(args[0]));
        System.out.println("The flow exported from Kaoto created " + task.path("id").asText() + " \""
                + task.path("title").asText() + "\" for " + task.at("/resource/id").asText());
    }

    /** Runs the flow in {@code yamlFile} until one invoice.paid has been routed, and returns the task it created. */
    public static JsonNode run(Path yamlFile) throws Exception {
        try (StoraSimulator sim = StoraSimulator.builder().allowHttpWebhooks(true).webhookTimeScale(0.001)
                .webhookTimeout(Duration.ofSeconds(10)).start()) {
            int port = freePort();
            String secret = createWebhookEndpoint(sim, "http://localhost:" + port + "/stora/paid-invoices");

            Main main = new Main();
            main.configure().withRoutesIncludePattern("file:" + yamlFile.toAbsolutePath());
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.port", String.valueOf(port));
            main.addInitialProperty("camel.component.stora.base-url", sim.baseUrl());
            main.addInitialProperty("camel.component.stora.access-token", sim.accessToken());
            main.addInitialProperty("camel.component.stora.state-directory",
                    Files.createTempDirectory("designer-flow").toString());
            main.addInitialProperty("stora.webhook.secret", secret); // the route file's placeholder
            main.addInitialProperty("camel.kamelet.stora-invoice-events-source.secret", secret); // the Pipe's source
            main.start();
            try {
                JsonNode invoice = paidInvoiceOfAContact(sim);
                sim.control().emit("invoice.paid", invoice.path("id").asText());
                WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, WAIT).get(0);
                if (delivery.status() != WebhookDelivery.Status.SUCCEEDED) {
                    throw new AssertionError("Stora's delivery of invoice.paid was not acknowledged: " + delivery);
                }
                List<?> created = sim.journal().requests("tasks/create");
                if (created.size() != 1) {
                    throw new AssertionError("The flow made " + created.size() + " tasks/create calls, not 1");
                }
                JsonNode task = taskAbout(sim, invoice.at("/contact/id").asText());
                String number = invoice.path("number").asText();
                if (number.isEmpty() || !task.path("title").asText().endsWith(" " + number)) {
                    throw new AssertionError("The task's title does not end with the invoice number " + number + ": " + task);
                }
                return task;
            } finally {
                main.stop();
            }
        }
    }

    /** Registers the flow's webhook URL with Stora, subscribed to invoice.paid, as a team does once; returns its secret. */
    static String createWebhookEndpoint(StoraSimulator sim, String url) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("name", "Kaoto flow").put("url", url)
                .put("api_version", "2025-09").set("event_types", JSON.createArrayNode().add("invoice.paid")));
        JsonNode answer = call(sim, HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2025-09/webhook_endpoints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return answer.at("/endpoint/secret").asText();
    }

    static JsonNode paidInvoiceOfAContact(StoraSimulator sim) throws IOException, InterruptedException {
        JsonNode invoices = call(sim, HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2025-09/invoices?limit=50")).GET());
        for (JsonNode invoice : invoices.path("invoices")) {
            if (invoice.path("contact").hasNonNull("id")) {
                return invoice;
            }
        }
        throw new AssertionError("The simulator's seed has no invoice of a contact");
    }

    /** The task Stora holds about {@code contactId}, read back through the API. */
    static JsonNode taskAbout(StoraSimulator sim, String contactId) throws IOException, InterruptedException {
        JsonNode tasks = call(sim, HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2025-09/tasks?limit=100")).GET());
        for (JsonNode task : tasks.path("tasks")) {
            if (contactId.equals(task.at("/resource/id").asText())) {
                return task;
            }
        }
        throw new AssertionError("No task about the invoice's contact " + contactId + " in " + tasks);
    }

    private static JsonNode call(StoraSimulator sim, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                request.header("Authorization", "Bearer " + sim.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
