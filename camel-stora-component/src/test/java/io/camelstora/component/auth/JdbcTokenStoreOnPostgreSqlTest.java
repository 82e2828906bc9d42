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
package io.camelstora.component.auth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.AuthorizationCodeTest;
import io.camelstora.component.EmbeddedPostgreSql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JdbcTokenStore} on a real PostgreSQL, with the table of its javadoc: the rotating refresh token of several
 * nodes lives in the database they share (AuthorizationCodeTest runs the refresh race itself on H2).
 */
class JdbcTokenStoreOnPostgreSqlTest {

    private static final String TABLE = "stora_token_store_pg_test";

    private final ExecutorService nodes = Executors.newFixedThreadPool(8);

    @BeforeAll
    static void createTable() {
        EmbeddedPostgreSql.execute("CREATE TABLE " + TABLE + " (token_key VARCHAR(200) NOT NULL PRIMARY KEY,"
                + " refresh_token VARCHAR(2000) NOT NULL, updated_at TIMESTAMP NOT NULL)");
    }

    @AfterEach
    void stopNodes() {
        nodes.shutdownNow();
    }

    @Test
    void aTokenSavedByOneNodeIsTheOneAnotherNodeLoads() {
        JdbcTokenStore nodeA = new JdbcTokenStore(EmbeddedPostgreSql.newDataSource(), TABLE, "operator-1");
        JdbcTokenStore nodeB = new JdbcTokenStore(EmbeddedPostgreSql.newDataSource(), TABLE, "operator-1");
        JdbcTokenStore otherOperator = new JdbcTokenStore(EmbeddedPostgreSql.newDataSource(), TABLE, "operator-2");

        assertNull(nodeB.load());
        nodeA.save("R1");
        assertEquals("R1", nodeB.load());
        nodeB.save("R2");
        assertEquals("R2", nodeA.load());
        assertNull(otherOperator.load(), "each authorization has its own row");
    }

    /** Eight nodes saving the first token of one authorization at the same moment: no error, one row, a saved value. */
    @Test
    void nodesSavingTheFirstTokenAtOnceLeaveOneRow() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> saves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String token = "R-node-" + i;
            JdbcTokenStore node = new JdbcTokenStore(EmbeddedPostgreSql.newDataSource(), TABLE, "operator-race");
            saves.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                node.save(token);
                return token;
            }, nodes));
        }
        go.countDown();
        List<String> saved = new ArrayList<>();
        for (CompletableFuture<String> save : saves) {
            saved.add(save.get(30, TimeUnit.SECONDS));
        }

        String stored = new JdbcTokenStore(EmbeddedPostgreSql.newDataSource(), TABLE, "operator-race").load();
        assertTrue(saved.contains(stored), stored + " is one of " + saved);
        try (Connection c = EmbeddedPostgreSql.newDataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM " + TABLE + " WHERE token_key = 'operator-race'")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }
}
