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
package io.camelstora.component.docs;

import java.io.StringReader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.auth.JdbcTokenStore;
import io.camelstora.component.internal.shared.JdbcSeenKeys;
import io.camelstora.component.internal.shared.SharedStores;
import io.camelstora.component.state.JdbcStateRepository;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.quartz.core.QuartzScheduler;
import org.quartz.impl.StdSchedulerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/several-nodes.md: its DDL is what the component runs, and its camel-main configuration starts a node whose
 * component keeps its state in the database it names.
 */
class SeveralNodesDocsTest {

    @Test
    void theTablesOfThePageAreTheOnesTheComponentCreates() throws Exception {
        List<String> documented = MarkdownSnippets.blocks("sql", MarkdownSnippets.page("several-nodes.md")).stream()
                .map(SeveralNodesDocsTest::withoutSpaces).toList();
        List<String> created = List.of(JdbcStateRepository.ddl(JdbcStateRepository.DEFAULT_TABLE),
                JdbcStateRepository.ddl(SharedStores.SECRETS_TABLE), JdbcSeenKeys.DDL,
                JdbcWebhookEventStore.ddl(JdbcWebhookEventStore.DEFAULT_TABLE_NAME),
                JdbcTokenStore.ddl(JdbcTokenStore.DEFAULT_TABLE), SharedStores.RATE_LIMIT_DDL).stream()
                .map(SeveralNodesDocsTest::withoutSpaces).toList();
        assertEquals(created, documented);

        String page = Files.readString(MarkdownSnippets.page("several-nodes.md"));
        String quartzJar = "quartz-" + QuartzScheduler.getVersionMajor() + "." + QuartzScheduler.getVersionMinor() + "."
                + QuartzScheduler.getVersionIteration() + ".jar";
        assertTrue(page.contains(quartzJar + " org/quartz/impl/jdbcjobstore/tables_postgres.sql"), quartzJar);
        assertNotNull(StdSchedulerFactory.class.getResource("/org/quartz/impl/jdbcjobstore/tables_postgres.sql"));
    }

    @Test
    void theCamelMainConfigurationKeepsTheStateInItsDatabase() throws Exception {
        String properties = MarkdownSnippets.blocks("properties", MarkdownSnippets.page("several-nodes.md")).stream()
                .filter(b -> b.contains("camel.beans.storaDb")).findFirst().orElseThrow();
        Properties values = new Properties();
        values.load(new StringReader(properties));
        String url = "jdbc:h2:mem:several-nodes-docs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            sim.registerOAuthClient("sync-app", "sync-secret", Set.of("public.contact:read", "public.invoice:read"));
            values.put("stora.db.url", url);
            values.put("stora.db.user", "sa");
            values.put("stora.db.password", "");
            values.put("stora.client.id", "sync-app");
            values.put("stora.client.secret", "sync-secret");
            values.put("camel.component.stora.baseUrl", sim.baseUrl());
            Main main = new Main();
            main.setInitialProperties(values);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:contacts").to("stora:contacts/list");
                }
            });
            main.start();
            try {
                assertEquals("stora-sync", main.getCamelContext().getName());
                DataSource db = main.getCamelContext().getComponent("stora", StoraComponent.class).getDataSource();
                assertEquals(url, assertInstanceOf(HikariDataSource.class, db).getJdbcUrl());
                assertNull(main.getCamelContext().createProducerTemplate().request("direct:contacts", e -> {
                }).getException());
                try (Connection c = db.getConnection();
                        Statement s = c.createStatement();
                        ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE"
                                + " UPPER(TABLE_NAME) LIKE 'STORA_%'")) {
                    tables.next();
                    assertEquals(5, tables.getInt(1), "the tables of the page, without the rate limit's (PostgreSQL)");
                }
            } finally {
                main.stop();
            }
        }
    }

    private static String withoutSpaces(String sql) {
        return sql.replaceAll("\\s+", "");
    }
}
