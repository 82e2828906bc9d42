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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.EmbeddedPostgreSql;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.state.JdbcStateRepository;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bucket4j and camel-quartz are optional: this test runs in its own surefire execution without them (see the pom). On
 * H2 the dataSource option needs neither; on PostgreSQL, where the account's budget is shared through Bucket4j, the
 * route fails to start naming the dependencies to add.
 */
class WithoutBucket4jAndQuartzTest {

    @Test
    void onH2ThePollersStateIsKeptWithoutEither() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.github.bucket4j.Bucket"), "without Bucket4j");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.quartz.Scheduler"), "without Quartz");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:without-optional-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start();
                CamelContext node = node(sim, db)) {
            int contacts = sim.control().count(ResourceKind.CONTACT);
            List<Object> received = new CopyOnWriteArrayList<>();
            node.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:contacts/list?delay=500").process(e -> received.add(e.getMessage().getBody(Map.class)));
                }
            });
            node.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < contacts) {
                assertTrue(System.nanoTime() < deadline, received.size() + " of " + contacts + " records");
                Thread.sleep(20);
            }
            assertTrue(new JdbcStateRepository(db).getState("stora.contacts").contains("cursor"));
        }
    }

    @Test
    void onPostgreSqlTheRouteFailsNamingBucket4j() throws Exception {
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start();
                CamelContext node = node(sim, EmbeddedPostgreSql.newDataSource())) {
            node.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sites").to("stora:sites/list");
                }
            });
            FailedToCreateRouteException e = assertThrows(FailedToCreateRouteException.class, node::start);
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("com.bucket4j:bucket4j_jdk17-postgresql"), cause.getMessage());
        }
    }

    private static CamelContext node(StoraSimulator sim, javax.sql.DataSource db) {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setAccessToken(sim.accessToken());
        stora.setDataSource(db);
        return context;
    }
}
