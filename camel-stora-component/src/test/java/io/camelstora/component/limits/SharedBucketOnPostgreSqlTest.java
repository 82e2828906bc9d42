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
package io.camelstora.component.limits;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.camelstora.component.EmbeddedPostgreSql;
import io.camelstora.component.StoraComponent;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of one application (two CamelContexts, each with its own DataSource and Bucket4j ProxyManager, as two JVMs
 * would have) share one Stora account's budget through a Bucket4j bucket in a real PostgreSQL ({@link EmbeddedPostgreSql}), configured as
 * docs/several-nodes.md shows. The server enforces the windows as sliding windows on its own clock; the windows are
 * Stora's shape shrunk so the test takes seconds. The contrast: the same two nodes each keeping to the full budget with
 * the built-in limiter are refused.
 */
class SharedBucketOnPostgreSqlTest {

    private static final String WINDOWS = "10/1s,30/4s";
    private static final int CALLS_PER_NODE = 20;

    private RateLimitedStoraServer server;
    private final List<CamelContext> nodes = new ArrayList<>();

    @BeforeAll
    static void createBucketTable() {
        // the table of Bucket4j's PostgreSQL module: the application creates it with its schema migrations
        EmbeddedPostgreSql.execute("CREATE TABLE stora_rate_limit (id BIGINT PRIMARY KEY, state BYTEA)");
    }

    @AfterEach
    void stop() {
        nodes.forEach(CamelContext::stop);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoNodesDrawingOnOneBucketInPostgreSqlStayUnderTheAccountsLimits() throws Exception {
        server = new RateLimitedStoraServer(RateLimits.parseWindows(WINDOWS), 100);
        RateLimits limits = new RateLimits(RateLimits.parseWindows(WINDOWS), Duration.ofMillis(200), Duration.ofMinutes(1));
        CamelContext a = node(stora -> stora.setRateLimiter(sharedBucketLimiter(newDataSource(), limits)));
        CamelContext b = node(stora -> stora.setRateLimiter(sharedBucketLimiter(newDataSource(), limits)));

        burst(a, b);

        assertEquals(0, server.rateLimitedCount(), "429 responses");
        assertEquals(2 * CALLS_PER_NODE, server.arrivals().size());
        try (Connection c = newDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM stora_rate_limit")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "both nodes drew on the one bucket row");
        }
    }

    @Test
    void twoNodesEachKeepingToTheFullBudgetAloneAreRefused() throws Exception {
        server = new RateLimitedStoraServer(RateLimits.parseWindows(WINDOWS), 100);
        Consumer<StoraComponent> ownLimiter = stora -> {
            stora.setRateLimitWindows(WINDOWS);
            stora.setMaxRateLimitWait(60_000);
        };
        CamelContext a = node(ownLimiter);
        CamelContext b = node(ownLimiter);

        burst(a, b);

        assertTrue(server.rateLimitedCount() > 0, "two in-JVM limiters at the full budget send twice the account's rate");
    }

    /** The limiter of docs/several-nodes.md: a bucket kept in PostgreSQL through Bucket4j's JDBC ProxyManager. */
    private static Bucket4jRequestLimiter sharedBucketLimiter(DataSource dataSource, RateLimits limits) {
        ProxyManager<Long> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table("stora_rate_limit")
                .build();
        BucketProxy shared = buckets.builder().build(42L, () -> Bucket4jRequestLimiter.bucketConfiguration(limits));
        return new Bucket4jRequestLimiter(shared, limits.maxWait());
    }

    private static DataSource newDataSource() {
        return EmbeddedPostgreSql.newDataSource();
    }

    private CamelContext node(Consumer<StoraComponent> limiter) {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(server.baseUrl());
        stora.getConfiguration().setAccessToken("one-account-token");
        limiter.accept(stora);
        context.start();
        nodes.add(context);
        return context;
    }

    /** Both nodes send all their calls at once; every call must succeed, whatever the limiter made it wait. */
    private static void burst(CamelContext a, CamelContext b) throws Exception {
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        try (ProducerTemplate onA = a.createProducerTemplate(); ProducerTemplate onB = b.createProducerTemplate()) {
            for (int i = 0; i < CALLS_PER_NODE; i++) {
                calls.add(onA.asyncSend("stora:contacts/show?contactId=con_" + i, e -> e.getIn().setBody(null)));
                calls.add(onB.asyncSend("stora:contacts/show?contactId=con_" + i, e -> e.getIn().setBody(null)));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        for (CompletableFuture<Exchange> call : calls) {
            assertNull(call.get().getException(), () -> "failed: " + call.join().getException());
        }
    }
}
