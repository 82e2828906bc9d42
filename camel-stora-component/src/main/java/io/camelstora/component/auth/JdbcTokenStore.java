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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.camelstora.component.internal.support.SqlTables;

/**
 * Keeps the refresh token in a database row, for several nodes sharing one authorization. Create the table with the
 * application's schema migrations ({@link #ddl(String)}); the component creates it when it builds this store for its
 * {@code dataSource} option:
 *
 * <pre>
 * CREATE TABLE stora_token_store (
 *     token_key     VARCHAR(200)  NOT NULL PRIMARY KEY,
 *     refresh_token VARCHAR(2000) NOT NULL,
 *     updated_at    TIMESTAMP     NOT NULL
 * )
 * </pre>
 *
 * Each {@link #save} commits on its own (auto-commit), so another node's next {@link #load} sees it.
 */
public final class JdbcTokenStore implements TokenStore {

    public static final String DEFAULT_TABLE = "stora_token_store";

    private final DataSource dataSource;
    private final String table;
    private final String key;

    /** A store in {@value #DEFAULT_TABLE}; {@code key} names the authorization, e.g. the operator. */
    public JdbcTokenStore(DataSource dataSource, String key) {
        this(dataSource, DEFAULT_TABLE, key);
    }

    public JdbcTokenStore(DataSource dataSource, String table, String key) {
        if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("JdbcTokenStore table '" + table + "' is not a plain [schema.]table name");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("JdbcTokenStore needs a key naming the authorization");
        }
        this.dataSource = dataSource;
        this.table = table;
        this.key = key;
    }

    /** The statement that creates the table. */
    public static String ddl(String table) {
        return "CREATE TABLE " + table + " (token_key VARCHAR(200) NOT NULL PRIMARY KEY, refresh_token VARCHAR(2000) NOT NULL,"
                + " updated_at TIMESTAMP NOT NULL)";
    }

    @Override
    public String load() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT refresh_token FROM " + table + " WHERE token_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the Stora token store " + id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String refreshToken) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            // another node saving the token of a refresh at the same moment: the newer token wins
            SqlTables.upsert(c, table, "token_key", "refresh_token", key, refreshToken);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the Stora token store " + id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return "jdbc:" + table + "@" + Integer.toHexString(System.identityHashCode(dataSource)) + "/" + key;
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[" + table + "/" + key + "]";
    }
}
