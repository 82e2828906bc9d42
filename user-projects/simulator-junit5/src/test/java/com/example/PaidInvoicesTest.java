package com.example;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaidInvoicesTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001))        // a failed delivery is retried after 60 ms, not a minute
            .build();

    @Test
    void paidInvoicesAreBooked(StoraSimulator sim) throws Exception {
        int port = freePort();
        try (CamelContext context = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));    // camel-platform-http-vertx, test scope
            stora.configure(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:webhook?path=/stora/invoices&eventTypes=invoice.paid&secretStoreFile=target/test-secrets.properties"
                         + "&autoRegister=true&allowHttp=true&publicUrl=http://localhost:" + port + "/stora/invoices")
                        .to("mock:ledger");
                }
            });
            context.start();
            Map<?, ?> invoice = (Map<?, ?>) context.createProducerTemplate()
                    .requestBody("stora:invoices/list?filter.status=open&limit=1", null, List.class).get(0);
            MockEndpoint ledger = context.getEndpoint("mock:ledger", MockEndpoint.class);
            ledger.expectedHeaderReceived(StoraConstants.WEBHOOK_RESOURCE_ID, invoice.get("id"));

            sim.control().markInvoicePaid((String) invoice.get("id"));

            // every delivery so far answered: the route has completed
            List<WebhookDelivery> deliveries = sim.webhooks().await(
                    ds -> !ds.isEmpty() && ds.stream().noneMatch(d -> d.status() == WebhookDelivery.Status.PENDING),
                    Duration.ofSeconds(10));
            assertEquals(WebhookDelivery.Status.SUCCEEDED, deliveries.get(0).status());
            ledger.assertIsSatisfied();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
