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
package io.camelstora.component.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.camelstora.component.StoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelstora.component.webhook.WebhookTestSupport.SECRET;
import static io.camelstora.component.webhook.WebhookTestSupport.event;
import static io.camelstora.component.webhook.WebhookTestSupport.signature;
import static io.camelstora.component.webhook.WebhookTestSupport.storedIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The idempotentRepository option with camel-sql's JdbcMessageIdRepository in an H2 file database: the ids of events
 * routed successfully survive a restart (a new CamelContext reads them again; the in-memory default does not), and an id
 * is added only once its route succeeded.
 */
class StoraWebhookJdbcRepositoryTest {

    static final String PROCESSOR_NAME = "stora-webhooks";

    final Path database = Path.of("target", "h2", "webhook-" + UUID.randomUUID());
    final List<CamelContext> contexts = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final AtomicBoolean ledgerDown = new AtomicBoolean();
    final CountDownLatch routeEntered = new CountDownLatch(1);
    volatile CountDownLatch holdRoute;

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void routedIdsSurviveARestartAndFailedOnesAreNotKept() throws Exception {
        DataSource dataSource = dataSource();
        String paid = event("evt_paid", "invoice.paid", "{\"id\":\"inv_1\"}");
        String created = event("evt_created", "invoice.created", "{\"id\":\"inv_2\"}");

        // first run: one event routed, one failing in the route
        int port = AvailablePortFinder.getNextAvailable();
        CamelContext first = start(port, new JdbcMessageIdRepository(dataSource, PROCESSOR_NAME));
        assertEquals(200, deliver(port, paid).statusCode());
        ledgerDown.set(true);
        assertEquals(500, deliver(port, created).statusCode());
        ledgerDown.set(false);
        assertEquals(List.of("/stora/webhook|evt_paid"), storedIds(dataSource, PROCESSOR_NAME));
        assertEquals(1, first.getEndpoint("mock:ledger", MockEndpoint.class).getReceivedCounter());
        first.stop();

        // restart: the routed event is a duplicate, the failed one is routed on Stora's retry
        port = AvailablePortFinder.getNextAvailable();
        CamelContext second = start(port, new JdbcMessageIdRepository(dataSource, PROCESSOR_NAME));
        HttpResponse<String> again = deliver(port, paid);
        assertEquals(200, again.statusCode());
        assertEquals("{\"status\":\"duplicate\"}", again.body());
        assertEquals("{\"status\":\"processed\"}", deliver(port, created).body());
        MockEndpoint ledger = second.getEndpoint("mock:ledger", MockEndpoint.class);
        assertEquals(1, ledger.getReceivedCounter());
        assertEquals("evt_created", ledger.getExchanges().get(0).getIn().getHeader("CamelStoraWebhookEventId"));
        assertEquals(List.of("/stora/webhook|evt_created", "/stora/webhook|evt_paid"), storedIds(dataSource, PROCESSOR_NAME));
        second.stop();

        // the in-memory default forgets on restart: the same delivery would be routed again
        port = AvailablePortFinder.getNextAvailable();
        CamelContext memory = start(port, null);
        assertEquals("{\"status\":\"processed\"}", deliver(port, paid).body());
        assertEquals(1, memory.getEndpoint("mock:ledger", MockEndpoint.class).getReceivedCounter());
    }

    @Test
    void anEventIsAddedOnlyOnceItsRouteSucceededSoANodeDyingMidRouteLosesNothing() throws Exception {
        DataSource dataSource = dataSource();
        int port = AvailablePortFinder.getNextAvailable();
        holdRoute = new CountDownLatch(1);
        start(port, new JdbcMessageIdRepository(dataSource, PROCESSOR_NAME));
        String body = event("evt_held", "invoice.paid", "{\"id\":\"inv_3\"}");

        CompletableFuture<HttpResponse<String>> first = http.sendAsync(WebhookTestSupport.deliveryRequest(
                "http://localhost:" + port + "/stora/webhook", body, signature(SECRET, Instant.now(), body), null),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(routeEntered.await(30, TimeUnit.SECONDS));
        // while the route runs the id is not in the repository: a JVM dying now leaves nothing that would answer
        // Stora's retry "duplicate"
        assertEquals(List.of(), storedIds(dataSource, PROCESSOR_NAME));
        assertEquals(409, deliver(port, body).statusCode(), "in progress on this node");
        holdRoute.countDown();
        assertEquals("{\"status\":\"processed\"}", first.get(30, TimeUnit.SECONDS).body());
        assertEquals(List.of("/stora/webhook|evt_held"), storedIds(dataSource, PROCESSOR_NAME));
    }

    @Test
    void routesSharingTheComponentsRepositoryEachRouteTheSameEvent() throws Exception {
        DataSource dataSource = dataSource();
        int port = AvailablePortFinder.getNextAvailable();
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        // one repository for every consumer of the component, as docs/several-nodes.md sets it up for polling
        context.getComponent("stora", StoraComponent.class).getConfiguration()
                .setIdempotentRepository(new JdbcMessageIdRepository(dataSource, PROCESSOR_NAME));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // two Stora webhook endpoints subscribed to the same events: billing and CRM each need every one
                from("stora:webhook?path=/stora/billing&secret=" + SECRET).to("mock:billing");
                from("stora:webhook?path=/stora/crm&secret=" + SECRET).to("mock:crm");
            }
        });
        context.start();
        String body = event("evt_both", "invoice.paid", "{\"id\":\"inv_4\"}");

        for (String path : List.of("/stora/billing", "/stora/crm")) {
            assertEquals("{\"status\":\"processed\"}", deliver(port, path, body).body(), path);
            assertEquals("{\"status\":\"duplicate\"}", deliver(port, path, body).body(), path);
        }
        assertEquals(1, context.getEndpoint("mock:billing", MockEndpoint.class).getReceivedCounter());
        assertEquals(1, context.getEndpoint("mock:crm", MockEndpoint.class).getReceivedCounter());
    }

    private CamelContext start(int port, JdbcMessageIdRepository repository) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        String repositoryOption = "";
        if (repository != null) {
            context.getRegistry().bind("processedEvents", repository);
            repositoryOption = "&idempotentRepository=#processedEvents";
        }
        String uri = "stora:webhook?secret=" + SECRET + repositoryOption;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri)
                        .process(e -> {
                            routeEntered.countDown();
                            CountDownLatch hold = holdRoute;
                            if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("the test did not release the route");
                            }
                            if (ledgerDown.get()) {
                                throw new IllegalStateException("ledger down");
                            }
                        })
                        .to("mock:ledger");
            }
        });
        context.start();
        return context;
    }

    private HttpResponse<String> deliver(int port, String body) throws Exception {
        return deliver(port, "/stora/webhook", body);
    }

    private HttpResponse<String> deliver(int port, String path, String body) throws Exception {
        HttpRequest request = WebhookTestSupport.deliveryRequest("http://localhost:" + port + path, body,
                signature(SECRET, Instant.now(), body), null);
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + database.toAbsolutePath());
        return dataSource;
    }

}
