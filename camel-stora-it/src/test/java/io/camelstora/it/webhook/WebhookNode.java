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
package io.camelstora.it.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.camelstora.component.StoraConstants;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.it.harness.NodeSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * An application receiving Stora webhooks as an operator runs it: camel-main with its Vert.x server
 * (camel-platform-http-main) and a {@code stora:webhook} route. With {@code node.store=jdbc} it keeps the state of
 * events in a {@link JdbcWebhookEventStore} on the shared PostgreSQL (the documented several-node setup); with
 * {@code memory} in the default in-memory store.
 * <p>
 * The route works for {@code node.routeMillis}, writing its effect (a row in {@code routed_events}: event id, node,
 * pid) half-way, so a node killed while routing may or may not have had the effect. It fails when the event's data
 * says {@code fail_first} and the delivery is the first attempt (request id ending in {@code -a1}), and works
 * {@code hold_ms} longer when the data says so.
 */
public final class WebhookNode {

    public static final String SECRET = "9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a";

    private WebhookNode() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("node.port");
        long routeMillis = Long.getLong("node.routeMillis", 20);
        boolean jdbc = "jdbc".equals(System.getProperty("node.store", "jdbc"));
        String node = NodeSupport.name();
        long pid = ProcessHandle.current().pid();

        Main main = new Main();
        main.addInitialProperty("camel.main.name", node);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        DataSource dataSource = jdbc ? NodeSupport.dataSource(10) : null;
        String storeOption = "";
        if (jdbc) {
            JdbcWebhookEventStore events = new JdbcWebhookEventStore(dataSource);
            events.setLeaseDuration(Duration.ofMillis(Long.getLong("node.leaseMillis", 30_000)));
            events.setHeartbeatInterval(Duration.ofMillis(Long.getLong("node.heartbeatMillis", 10_000)));
            main.bind("storaEvents", events);
            storeOption = "&eventStore=#storaEvents";
        }
        String uri = "stora:webhook?secret=" + SECRET + storeOption;
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("stora-events")
                        .process(exchange -> {
                            Map<?, ?> data = exchange.getMessage().getBody(Map.class);
                            String requestId = exchange.getMessage().getHeader(StoraConstants.WEBHOOK_REQUEST_ID, String.class);
                            if (Boolean.TRUE.equals(data.get("fail_first")) && requestId != null && requestId.endsWith("-a1")) {
                                throw new IllegalStateException("the ledger refused the first attempt");
                            }
                            Thread.sleep(routeMillis / 2);
                            if (dataSource != null) {
                                recordEffect(dataSource,
                                        exchange.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID, String.class), node,
                                        pid);
                            }
                            Object hold = data.get("hold_ms");
                            Thread.sleep(routeMillis - routeMillis / 2 + (hold instanceof Number n ? n.longValue() : 0));
                        });
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                NodeSupport.ready();
            }
        });
        main.run();
    }

    private static void recordEffect(DataSource dataSource, String eventId, String node, long pid) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO routed_events (event_id, node, pid, routed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, node);
            insert.setLong(3, pid);
            insert.setLong(4, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }
}
