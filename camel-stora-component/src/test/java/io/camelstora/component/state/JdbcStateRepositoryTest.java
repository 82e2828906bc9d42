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
package io.camelstora.component.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelstora.component.StoraComponent;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC state repository on H2: its table created on first start, values kept across instances and restarts. */
class JdbcStateRepositoryTest {

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void createsItsTableAndKeepsValuesAcrossInstances() {
        DataSource db = h2("state-basics");
        JdbcStateRepository first = new JdbcStateRepository(db);
        first.start();
        assertNull(first.getState("stora.contacts"));
        first.setState("stora.contacts", "{\"cursor\":\"2025-02-22T14:41:00Z\"}");
        first.setState("stora.contacts", "{\"cursor\":\"2025-02-22T14:42:00Z\"}");
        first.setState("stora.units", "{\"cursor\":\"2025-02-22T14:43:00Z\"}");

        JdbcStateRepository second = new JdbcStateRepository(db); // another node: the table exists
        second.start();
        assertEquals("{\"cursor\":\"2025-02-22T14:42:00Z\"}", second.getState("stora.contacts"));
        second.setState("stora.units", null);
        assertNull(first.getState("stora.units"), "null removes the key");

        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> first.setState("k".repeat(256), "v"));
        assertTrue(tooLong.getMessage().contains("1 to 255 characters"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JdbcStateRepository(db, "state; DROP TABLE x"));
    }

    @Test
    void aMissingTableThatCannotBeCreatedIsReportedWithItsDdl() {
        JdbcStateRepository repository = new JdbcStateRepository(h2("state-no-schema"), "no_such_schema.stora_state");
        IllegalStateException e = assertThrows(IllegalStateException.class, repository::start);
        assertTrue(e.getMessage().contains("Create it with: CREATE TABLE no_such_schema.stora_state (state_key"),
                e.getMessage());
    }

    @Test
    void aPollerRestartedOnTheDatabaseContinuesFromItsCursor() throws Exception {
        DataSource db = h2("state-poller");
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            int total = sim.control().count(io.camelstora.simulator.ResourceKind.CONTACT);
            List<Object> first = new CopyOnWriteArrayList<>();
            try (CamelContext node = node(sim, db, first)) {
                awaitSize(first, total);
            }
            String cursor = new JdbcStateRepository(db).getState("stora.contacts");
            assertTrue(cursor != null && cursor.contains("cursor"), cursor);

            sim.control().createSite(io.camelstora.component.internal.support.StoraJson.MAPPER.createObjectNode()
                    .put("name", "unrelated")); // not a contact: nothing to send
            List<Object> second = new CopyOnWriteArrayList<>();
            try (CamelContext node = node(sim, db, second)) {
                Thread.sleep(1500); // several polls
            }
            assertEquals(List.of(), second, "nothing sent twice after the restart");
        }
    }

    private static CamelContext node(StoraSimulator sim, DataSource db, List<Object> received) throws Exception {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setAccessToken(sim.accessToken());
        stora.setThrottle(false);
        stora.getConfiguration().setStateRepository(new JdbcStateRepository(db));
        stora.getConfiguration().setIdempotentRepository(new JdbcMessageIdRepository(db, "stora-polling"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:contacts/list?initialDelay=0&delay=100")
                        .process(e -> received.add(e.getMessage().getBody(Map.class).get("id")));
            }
        });
        context.start();
        return context;
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size) {
            assertTrue(System.nanoTime() < deadline, list.size() + " of " + size);
            Thread.sleep(20);
        }
    }
}
