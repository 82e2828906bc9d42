package com.example;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ApplicationTest {

    static final StoraSimulator STORA = StoraSimulator.builder().webhookTimeScale(0.001).start();
    static final int PORT = freePort();

    @DynamicPropertySource
    static void stora(DynamicPropertyRegistry registry) throws Exception {
        registry.add("camel.component.stora.base-url", STORA::baseUrl);
        registry.add("camel.component.stora.access-token", STORA::accessToken);
        registry.add("server.port", () -> PORT);
        String secret = registerWebhookEndpoint("http://localhost:" + PORT + "/stora/webhook");
        registry.add("stora.webhook.secret", () -> secret);
    }

    /** What you would do once in Stora's BackOffice: a webhook endpoint for the application; Stora answers its secret. */
    static String registerWebhookEndpoint(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(STORA.baseUrl() + "/2025-09/webhook_endpoints"))
                .header("Authorization", "Bearer " + STORA.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"stora-events\", \"api_version\": \"2025-09\","
                        + " \"url\": \"" + url + "\", \"event_types\": [\"invoice.paid\"]}"))
                .build();
        String response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(response).path("endpoint").path("secret").asText();
    }

    @AfterAll
    static void stop() {
        STORA.close();
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    TestRestTemplate http;

    @Test
    void createsTheContact() {
        template.sendBody("direct:signup", Map.of("email", "jane@example.com"));
        assertEquals(1, STORA.journal().countOperation("contacts/create"));
    }

    @Test
    void receivesTheEvents() {
        String invoiceId = (String) ((Map<?, ?>) template.requestBody("stora:invoices/list?limit=1", null, List.class).get(0))
                .get("id");
        STORA.control().emit("invoice.paid", invoiceId);
        WebhookDelivery delivery = STORA.webhooks().awaitCompleted(1, Duration.ofSeconds(10)).get(0);
        assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status());
    }

    @Test
    void theHealthEndpointShowsTheStoraAccountAndTheWebhookConsumer() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertEquals("UP", health.path("status").asText());
        JsonNode checks = health.at("/components/camelHealth/details");
        String account = "stora-account:" + STORA.baseUrl() + "|token:";
        assertEquals(List.of("UP"), checks.properties().stream()
                .filter(check -> check.getKey().startsWith(account) && !check.getKey().endsWith(".data"))
                .map(check -> check.getValue().asText()).toList());
        assertEquals("UP", checks.path("consumer:stora-events").asText());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
