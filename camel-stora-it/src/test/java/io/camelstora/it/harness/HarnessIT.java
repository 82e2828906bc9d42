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
package io.camelstora.it.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness itself: a node JVM started from the test class path with its own properties and heap, reaching the shared
 * PostgreSQL, killed with kill -9 (its shutdown hook does not run), started again, its log kept across starts.
 */
class HarnessIT {

    static SharedPostgres db;

    @BeforeAll
    static void startDatabase() {
        db = SharedPostgres.start();
        db.execute("CREATE TABLE harness_starts (node VARCHAR(50), pid BIGINT, max_heap BIGINT)");
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @Test
    void aNodeStartsIsKilledAndStartsAgain() throws Exception {
        try (JvmNode node = JvmNode.builder("harness-echo", EchoNode.class).heap("64m").property("echo.greeting", "hello")
                .properties(db.nodeProperties()).build()) {
            node.start();
            long firstPid = node.pid();
            assertTrue(node.isAlive());
            assertTrue(node.peakRssKib() > 0);

            node.kill();
            assertFalse(node.isAlive());
            assertTrue(node.log().stream().noneMatch(l -> l.contains("shutdown hook ran")), "kill -9 runs no hook");

            node.start();
            assertNotEquals(firstPid, node.pid());
            assertTrue(node.logSinceStart().stream().anyMatch(l -> l.contains("greeting hello")),
                    node.logSinceStart().toString());
            assertEquals(2, node.log().stream().filter(l -> l.contains("greeting hello")).count(), "one log over both starts");

            node.stop();
            assertTrue(node.log().stream().anyMatch(l -> l.contains("shutdown hook ran")), "a clean stop runs the hooks");
        }
        List<String> rows = rows(db.dataSource(), "SELECT node || ':' || max_heap FROM harness_starts ORDER BY pid");
        assertEquals(2, rows.size());
        for (String row : rows) {
            assertTrue(row.startsWith("harness-echo:") && Long.parseLong(row.substring(13)) <= 64L * 1024 * 1024, row);
        }
    }

    @Test
    void aNodeThatExitsBeforeItIsReadyFailsTheStartWithItsLog() {
        try (JvmNode node = JvmNode.builder("harness-failing", EchoNode.class).property("echo.fail", "true").build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, node::start);
            assertTrue(e.getMessage().contains("exited with 3") && e.getMessage().contains("asked to fail"), e.getMessage());
        }
    }

    static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
