package com.example;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutesTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001))    // a failed delivery is retried after 60 ms, not a minute
            .build();

    @Test
    void theRoutesRunAgainstTheSimulator(StoraSimulator sim) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String invoiceId;
        String contactId;
        String secret;
        try (CamelContext context = new DefaultCamelContext()) {   // what you would do once in Stora's BackOffice
            stora.configure(context);
            context.start();
            ProducerTemplate api = context.createProducerTemplate();
            invoiceId = (String) api.requestBody("stora:invoices/list?limit=1", null, List.class).stream()
                    .map(invoice -> ((Map<?, ?>) invoice).get("id")).findFirst().orElseThrow();
            contactId = (String) api.requestBody("stora:contacts/list?limit=1", null, List.class).stream()
                    .map(contact -> ((Map<?, ?>) contact).get("id")).findFirst().orElseThrow();
            Map<?, ?> endpoint = api.requestBody("stora:webhook_endpoints/create", Map.of("name", "invoices", "api_version", "2025-09",
                    "url", "http://localhost:" + port + "/stora/invoices", "event_types", List.of("invoice.paid")),
                    Map.class);
            secret = (String) endpoint.get("secret");
        }

        Main main = new Main(Application.class);
        main.addOverrideProperty("camel.component.stora.baseUrl", stora.baseUrl());
        main.addOverrideProperty("camel.component.stora.accessToken", stora.accessToken());
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("stora.webhook.secret", secret);
        main.start();
        try {
            // available-units: at start-up, every page of the available units, and no other unit
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.journal().countOperation("units/list") > 0
                    && main.getCamelContext().getInflightRepository().size() == 0);
            assertTrue(sim.journal().requests("units/list").stream().allMatch(r -> r.query().contains("status=available")));

            // invoices: a signed delivery is verified, routed and answered 200
            sim.control().emit("invoice.paid", invoiceId);
            WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, Duration.ofSeconds(10)).get(0);
            assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status());

            // rename-contact: the contact of the message gets the new name
            main.getCamelContext().createProducerTemplate().requestBody("direct:rename-contact",
                    Map.of("id", contactId, "name", "Jane Smith"));
            assertEquals("Jane Smith", sim.control().get(contactId).path("full_name").asText());
        } finally {
            main.stop();
        }
    }
}
