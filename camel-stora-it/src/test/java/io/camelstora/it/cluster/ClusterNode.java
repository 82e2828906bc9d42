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
package io.camelstora.it.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.camelstora.component.StoraConstants;
import io.camelstora.it.harness.NodeSupport;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * One node of a scaled-out application as an operator runs it (camel-main), configured with the one setting of
 * docs/several-nodes.md: a pooled DataSource bean and {@code camel.component.stora.dataSource} naming it; camel-quartz
 * on the class path makes the component cluster Quartz on it. Every node runs the same three routes:
 * <ul>
 * <li>a producer calling Stora as fast as the account's shared rate limit lets it (reads, and writes of contacts: creates
 * and updates of contacts it created), recording each write Stora answered in {@code produced};</li>
 * <li>a poller of {@code contacts/list} on a Quartz cron ({@code scheduler=quartz}), meant to run on one node per
 * tick, recording each poll in {@code polls} (through its poll strategy) and each record it routes in
 * {@code polled};</li>
 * <li>a {@code stora:webhook} route recording each event it routes in {@code routed_events}.</li>
 * </ul>
 * The rows name the node and its pid, so the test can tell which JVM (before or after a kill -9) did what.
 */
public final class ClusterNode {

    /** The poll cron: every 15 seconds. */
    static final String CRON = "0/15 * * * * ?";
    static final long TICK_MILLIS = 15_000;
    /**
     * Records per page of the poller: each poll reads the last minute again (the overlap, some 15 changes) and the new
     * changes (a few); a kill -9 while it routes may repeat at most this many.
     */
    static final int PAGE_SIZE = 10;
    /** What the poller's route spends on each record (a CRM upsert). */
    static final long ROUTE_MILLIS = 500;
    static final String SECRET = "5b1f3c7e9a2d4f6b8c0e1a3c5e7f9b2d4a6c8e0f1b3d5f7a9c2e4b6d8f0a1c3e";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String node = NodeSupport.name();
        long pid = ProcessHandle.current().pid();

        Main main = new Main();
        // the node's configuration: what docs/several-nodes.md asks of every node. The CamelContext's name is the same
        // on every node, since Quartz's cluster and the poll's job are found by it
        main.addInitialProperty("camel.main.name", "stora-cluster");
        main.addInitialProperty("camel.beans.storaDb", "#class:com.zaxxer.hikari.HikariDataSource");
        main.addInitialProperty("camel.beans.storaDb.jdbcUrl", System.getProperty(NodeSupport.JDBC_URL));
        main.addInitialProperty("camel.beans.storaDb.username", System.getProperty(NodeSupport.JDBC_USER));
        main.addInitialProperty("camel.beans.storaDb.maximumPoolSize", "10");
        main.addInitialProperty("camel.component.stora.dataSource", "#storaDb");
        main.addInitialProperty("camel.component.stora.baseUrl", System.getProperty("node.baseUrl"));
        main.addInitialProperty("camel.component.stora.accessToken", System.getProperty("node.accessToken"));
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", System.getProperty("node.port"));

        main.bind("pollLog", new PollLog(main, node, pid));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                Producer producer = new Producer(node, pid);
                // synchronous: the next call once this one is answered (an asynchronous timer would fire every millisecond)
                from("timer:produce?delay=1000&period=1&synchronous=true").routeId("producer")
                        .process(producer::next)
                        .toD("stora:contacts/${exchangeProperty.action}")
                        .process(exchange -> producer.answered(exchange, dataSource(main)));

                from("stora:contacts/list?scheduler=quartz&scheduler.cron=" + CRON.replace(' ', '+') + "&pageSize=" + PAGE_SIZE
                        + "&initialSync=none&pollStrategy=#pollLog").routeId("contacts-poller")
                        .process(exchange -> {
                            Map<?, ?> contact = exchange.getMessage().getBody(Map.class);
                            Map<?, ?> metadata = (Map<?, ?>) contact.get("metadata");
                            insert(dataSource(main),
                                    "INSERT INTO polled (contact_id, version, node, pid, at) VALUES (?, ?, ?, ?, ?)",
                                    contact.get("id"), Long.parseLong(String.valueOf(metadata.get("version"))), node, pid,
                                    System.currentTimeMillis());
                            Thread.sleep(ROUTE_MILLIS);
                        });

                from("stora:webhook?secret=" + SECRET).routeId("stora-events")
                        .process(exchange -> insert(dataSource(main),
                                "INSERT INTO routed_events (event_id, node, pid, routed_at) VALUES (?, ?, ?, ?)",
                                exchange.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID, String.class), node, pid,
                                System.currentTimeMillis()));
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

    static DataSource dataSource(Main main) {
        return main.getCamelContext().getRegistry().lookupByNameAndType("storaDb", DataSource.class);
    }

    static void insert(DataSource dataSource, String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    /**
     * Calls Stora for the application: one call in three a write (a new contact, or an update of a contact this JVM
     * created, with the next version in its metadata), the others reads of its contacts. The writes are the changes the
     * poller must see; the reads use the rest of the account's budget.
     */
    static final class Producer {
        private final String node;
        private final long pid;
        private final List<String> contacts = new ArrayList<>();
        private final Map<String, Long> versions = new LinkedHashMap<>();
        private long created;

        Producer(String node, long pid) {
            this.node = node;
            this.pid = pid;
        }

        void next(Exchange exchange) {
            int dice = ThreadLocalRandom.current().nextInt(6);
            exchange.getMessage().removeHeader(StoraConstants.CONTACT_ID);
            if (contacts.isEmpty() || dice == 0) {
                created++;
                exchange.setProperty("action", "create");
                exchange.setProperty("version", 1L);
                exchange.getMessage().setBody(Map.of("email", node + "-" + pid + "-" + created + "@cluster.example",
                        "full_name", node + " contact " + created, "metadata", Map.of("version", "1")));
                return;
            }
            String id = contacts.get(ThreadLocalRandom.current().nextInt(contacts.size()));
            exchange.getMessage().setHeader(StoraConstants.CONTACT_ID, id);
            if (dice == 1) {
                long version = versions.get(id) + 1;
                exchange.setProperty("action", "update");
                exchange.setProperty("version", version);
                exchange.getMessage().setBody(Map.of("metadata", Map.of("version", String.valueOf(version))));
            } else {
                exchange.setProperty("action", "show");
                exchange.getMessage().setBody(null);
            }
        }

        /** Records a write Stora answered: the contact and the version it now has. */
        void answered(Exchange exchange, DataSource dataSource) throws Exception {
            Long version = exchange.getProperty("version", Long.class);
            if (version == null) {
                return;
            }
            Map<?, ?> contact = exchange.getMessage().getBody(Map.class);
            String id = String.valueOf(contact.get("id"));
            if (!versions.containsKey(id)) {
                contacts.add(id);
            }
            versions.put(id, version);
            insert(dataSource, "INSERT INTO produced (contact_id, version, node, pid, at) VALUES (?, ?, ?, ?, ?)", id, version,
                    node, pid, System.currentTimeMillis());
        }
    }

    /** Records each poll of the poller as it begins: node, pid, time. */
    static final class PollLog implements PollingConsumerPollStrategy {
        private final Main main;
        private final String node;
        private final long pid;

        PollLog(Main main, String node, long pid) {
            this.main = main;
            this.node = node;
            this.pid = pid;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            try {
                insert(dataSource(main), "INSERT INTO polls (node, pid, begun_at) VALUES (?, ?, ?)", node, pid,
                        System.currentTimeMillis());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot record the poll", e);
            }
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            // the records are recorded one by one by the route
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            return false;
        }
    }
}
