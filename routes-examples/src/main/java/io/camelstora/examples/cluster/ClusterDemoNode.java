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
package io.camelstora.examples.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import javax.sql.DataSource;

import io.camelstora.component.StoraConstants;
import io.camelstora.it.harness.NodeSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * One node of the cluster demo ({@code ./demo.sh --cluster}): a camel-main application configured by
 * {@code cluster/application.properties} (the component's {@code dataSource} on the shared PostgreSQL), with two
 * routes: contacts polled on a Quartz cron, which the clustered Quartz runs on one node per tick, and paid invoices
 * received by {@code stora:webhook}, which the load balancer spreads over the nodes. Each route writes what it handled,
 * and on which node, to {@value #HANDLED_TABLE}, where {@link ClusterDemo} shows and checks it.
 */
public final class ClusterDemoNode {

    static final String HANDLED_TABLE = "cluster_demo_handled";
    static final String HANDLED_DDL = "CREATE TABLE " + HANDLED_TABLE + " (id SERIAL PRIMARY KEY, node VARCHAR(50) NOT NULL,"
            + " pid BIGINT NOT NULL, subject VARCHAR(200) NOT NULL, detail VARCHAR(500) NOT NULL, at BIGINT NOT NULL)";

    private ClusterDemoNode() {
    }

    public static void main(String[] args) throws Exception {
        String node = NodeSupport.name();
        long pid = ProcessHandle.current().pid();
        Main main = new Main();
        main.setPropertyPlaceholderLocations("classpath:cluster/application.properties");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // polled on one node per tick across the cluster: scheduler=quartz, clustered by the dataSource
                from("stora:contacts/list?scheduler=quartz&scheduler.cron={{cluster.pollCron}}&initialSync=none")
                        .routeId("contacts-to-crm")
                        .process(exchange -> {
                            Map<?, ?> contact = exchange.getMessage().getBody(Map.class);
                            record(exchange, node, pid, "contact " + contact.get("id") + " " + contact.get("updated_at"),
                                    "polled contact " + contact.get("id") + " " + contact.get("email"));
                        });
                // registered with Stora once (the first node; the secret is shared through the dataSource), delivered
                // to any node by the load balancer, routed once across the cluster
                from("stora:webhook?path=/stora/ledger&eventTypes=invoice.paid&autoRegister=true&allowHttp=true"
                        + "&publicUrl={{cluster.publicUrl}}/stora/ledger&endpointName=camel-stora-cluster-ledger")
                        .routeId("ledger")
                        .process(exchange -> {
                            Map<?, ?> invoice = exchange.getMessage().getBody(Map.class);
                            record(exchange, node, pid,
                                    "event " + exchange.getMessage().getHeader(StoraConstants.WEBHOOK_EVENT_ID),
                                    "booked invoice.paid " + invoice.get("id"));
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

    private static void record(Exchange exchange, String node, long pid, String subject, String detail) throws Exception {
        DataSource db = exchange.getContext().getRegistry().lookupByNameAndType("storaDb", DataSource.class);
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + HANDLED_TABLE
                        + " (node, pid, subject, detail, at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, node);
            insert.setLong(2, pid);
            insert.setString(3, subject);
            insert.setString(4, detail);
            insert.setLong(5, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }
}
