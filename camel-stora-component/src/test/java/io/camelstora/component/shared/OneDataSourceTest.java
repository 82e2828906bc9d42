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
package io.camelstora.component.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelstora.component.EmbeddedPostgreSql;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.state.JdbcStateRepository;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataSource option, in one JVM (camel-stora-it runs the same with node processes and kill -9): the tables are
 * created on the first start, every shared thing goes to them, and the quartz component becomes a clustered JDBC
 * scheduler on the same database.
 */
class OneDataSourceTest {

    private static final List<String> TABLES = List.of(JdbcStateRepository.DEFAULT_TABLE, "stora_poll_seen",
            JdbcWebhookEventStore.DEFAULT_TABLE_NAME, "stora_webhook_secrets", "stora_token_store", "QRTZ_LOCKS",
            "QRTZ_TRIGGERS");

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void theTablesAreCreatedOnFirstStartAndAQuartzScheduledPollKeepsItsStateThere() throws Exception {
        DataSource db = h2("one-datasource");
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            int contacts = sim.control().count(ResourceKind.CONTACT);
            List<Object> received = new CopyOnWriteArrayList<>();
            try (CamelContext node = node(sim, db, "stora:contacts/list?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?",
                    received)) {
                for (String table : TABLES) {
                    assertTrue(exists(db, table), table + " created");
                }
                awaitSize(received, contacts);
                QuartzComponent quartz = node.getComponent("quartz", QuartzComponent.class);
                assertTrue(quartz.getScheduler().getMetaData().isJobStoreClustered(), "Quartz runs clustered");
                assertEquals(1, count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'stora.contacts'"),
                        "one trigger per list, named after its state key, whatever node scheduled it");
                assertTrue(new JdbcStateRepository(db).getState("stora.contacts").contains("cursor"));
                assertTrue(count(db, "SELECT COUNT(*) FROM stora_poll_seen WHERE seen_key LIKE 'stora.contacts|%'") > 0,
                        "the seen keys within the overlap");
            }
            // a restarted node continues from the database: nothing comes twice
            List<Object> again = new CopyOnWriteArrayList<>();
            try (CamelContext node = node(sim, db, "stora:contacts/list?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?",
                    again)) {
                Thread.sleep(2500);
            }
            assertEquals(List.of(), again);
        }
    }

    @Test
    void onPostgreSqlNodesShareTheAccountsRateLimitBudget() throws Exception {
        EmbeddedPostgreSql.execute("DROP TABLE IF EXISTS stora_rate_limit");
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimit(10, 60).start();
                CamelContext a = node(sim, EmbeddedPostgreSql.newDataSource(), null, null);
                CamelContext b = node(sim, EmbeddedPostgreSql.newDataSource(), null, null)) {
            List<CompletableFuture<Exchange>> calls = new ArrayList<>();
            try (ProducerTemplate onA = a.createProducerTemplate(); ProducerTemplate onB = b.createProducerTemplate()) {
                for (int i = 0; i < 15; i++) {
                    calls.add(onA.asyncSend("stora:sites/list", e -> e.getIn().setBody(null)));
                    calls.add(onB.asyncSend("stora:sites/list", e -> e.getIn().setBody(null)));
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            for (CompletableFuture<Exchange> call : calls) {
                assertNull(call.get().getException());
            }
            assertEquals(0, sim.journal().count429(), "two nodes at the full budget, one bucket: no 429");
            assertEquals(1, count(EmbeddedPostgreSql.newDataSource(), "SELECT COUNT(*) FROM stora_rate_limit"),
                    "one bucket for the account");
        }
    }

    private static CamelContext node(StoraSimulator sim, DataSource db, String uri, List<Object> received) throws Exception {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setAccessToken(sim.accessToken());
        stora.setDataSource(db);
        if (uri != null) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).process(e -> received.add(e.getMessage().getBody(Map.class).get("id")));
                }
            });
        }
        context.start();
        return context;
    }

    private static boolean exists(DataSource db, String table) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size) {
            assertTrue(System.nanoTime() < deadline, list.size() + " of " + size);
            Thread.sleep(20);
        }
    }
}
