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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.EmbeddedPostgreSql;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDBC state repository on a real PostgreSQL, the database several nodes share: nodes starting together create
 * the table once, each node's DataSource sees the others' writes, and nodes saving a new key at the same moment all
 * succeed.
 */
class JdbcStateRepositoryOnPostgreSqlTest {

    @Test
    void nodesStartingAndWritingAtOnceShareOneTable() throws Exception {
        String table = "stora_state_pg_test";
        EmbeddedPostgreSql.execute("DROP TABLE IF EXISTS " + table);
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<JdbcStateRepository> repositories = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                repositories.add(new JdbcStateRepository(EmbeddedPostgreSql.newDataSource(), table));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (JdbcStateRepository r : repositories) {
                started.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    r.start(); // the table is missing: every node tries to create it
                    r.setState("stora.contacts", "{\"cursor\":\"2025-02-22T14:4" + repositories.indexOf(r) + ":00Z\"}");
                }, pool));
            }
            go.countDown();
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            Set<String> seen = new HashSet<>();
            for (JdbcStateRepository r : repositories) {
                seen.add(r.getState("stora.contacts"));
            }
            assertEquals(1, seen.size(), "every node reads the same, last written value: " + seen);
            assertTrue(seen.iterator().next().startsWith("{\"cursor\":\"2025-02-22T14:4"));

            repositories.get(0).setState("stora.units", "{\"cursor\":\"2025-03-01T00:00:00Z\"}");
            assertEquals("{\"cursor\":\"2025-03-01T00:00:00Z\"}", repositories.get(7).getState("stora.units"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
