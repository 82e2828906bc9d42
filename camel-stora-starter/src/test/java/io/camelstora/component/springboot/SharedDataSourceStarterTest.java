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
package io.camelstora.component.springboot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelstora.component.StoraComponent;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/several-nodes.md on Spring Boot: the DataSource Spring Boot makes from spring.datasource.* becomes the stora
 * component's by one property, {@code camel.component.stora.data-source=#dataSource}; the component keeps a poller's
 * cursor and seen keys in its tables and clusters the quartz component on it.
 */
@SpringBootTest(classes = SharedDataSourceStarterTest.Application.class,
        properties = {
                "spring.main.banner-mode=off",
                "spring.datasource.url=jdbc:h2:mem:stora-starter-shared;DB_CLOSE_DELAY=-1",
                "camel.main.name=stora-app",
                "camel.component.stora.data-source=#dataSource"})
class SharedDataSourceStarterTest {

    static final StoraSimulator STORA = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start();
    static final List<Object> RECEIVED = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void stora(DynamicPropertyRegistry registry) {
        registry.add("camel.component.stora.base-url", STORA::baseUrl);
        registry.add("camel.component.stora.access-token", STORA::accessToken);
    }

    @AfterAll
    static void stopSimulator() {
        STORA.close();
    }

    @SpringBootApplication
    static class Application {

        @Bean
        RouteBuilder contactsPoller() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:contacts/list?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?").routeId("contacts")
                            .process(e -> RECEIVED.add(e.getMessage().getBody(java.util.Map.class).get("id")));
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    DataSource dataSource;

    @Test
    void springBootsDataSourceKeepsThePollersStateAndClustersQuartz() throws Exception {
        StoraComponent stora = camelContext.getComponent("stora", StoraComponent.class);
        assertSame(dataSource, stora.getDataSource());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("SELECT COUNT(*) FROM stora_state WHERE state_key = 'stora.contacts'") == 0) {
            assertTrue(System.nanoTime() < deadline, "a cursor in stora_state, " + RECEIVED.size() + " records so far");
            Thread.sleep(50);
        }
        assertTrue(count("SELECT COUNT(*) FROM stora_poll_seen") > 0);
        assertTrue(camelContext.getComponent("quartz", QuartzComponent.class).getScheduler().getMetaData()
                .isJobStoreClustered());
        assertEquals(1, count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'stora.contacts'"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
