package com.example;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KameletsTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001))
            .build();

    @Test
    void theRouteAndThePipeRunAgainstTheSimulator(StoraSimulator sim) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<?, ?> invoice;
        String secret;
        try (CamelContext context = new DefaultCamelContext()) {
            stora.configure(context);
            context.start();
            ProducerTemplate api = context.createProducerTemplate();
            invoice = (Map<?, ?>) api.requestBody("stora:invoices/list?limit=1", null, List.class).get(0);
            Map<?, ?> endpoint = api.requestBody("stora:webhook_endpoints/create", Map.of("name", "invoices",
                    "api_version", "2025-09", "url", "http://localhost:" + port + "/stora/invoices",
                    "event_types", List.of("invoice.paid")), Map.class);
            secret = (String) endpoint.get("secret");
        }

        Main main = new Main();
        main.addOverrideProperty("camel.component.stora.baseUrl", stora.baseUrl());
        main.addOverrideProperty("camel.component.stora.accessToken", stora.accessToken());
        main.addOverrideProperty("camel.component.stora.stateDirectory",
                Files.createTempDirectory(Path.of("target"), "state").toString());
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("stora.webhook.secret", secret);
        // the Pipe leaves the poll interval to the Kamelet (a minute); poll every 200 ms here
        main.addOverrideProperty("camel.kamelet.stora-poll-source.delay", "200");
        main.start();
        try {
            // invoice-paid-note: a signed delivery becomes a note on the invoice's contact
            sim.control().emit("invoice.paid", (String) invoice.get("id"));
            WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, Duration.ofSeconds(10)).get(0);
            assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status());
            JsonNode note = json.readTree(sim.journal().requests("notes/create").get(0).body());
            assertEquals("Invoice " + invoice.get("id") + " paid", note.path("content").asText());
            assertEquals(((Map<?, ?>) invoice.get("contact")).get("id"), note.path("resource").path("id").asText());

            // the Pipe: a contact created after its first poll gets a welcome task
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().countOperation("contacts/list") > 0);
            main.getCamelContext().createProducerTemplate().requestBody("stora:contacts/create",
                    Map.of("email", "jane@example.com", "full_name", "Jane Doe"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().countOperation("tasks/create") > 0);
            JsonNode task = json.readTree(sim.journal().requests("tasks/create").get(0).body());
            assertEquals("Welcome call to Jane Doe", task.path("title").asText());
        } finally {
            main.stop();
        }
    }
}
