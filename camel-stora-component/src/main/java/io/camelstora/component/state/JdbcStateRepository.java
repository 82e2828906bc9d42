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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.camelstora.component.internal.support.SqlTables;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} of strings in a database table, for several nodes (separate JVMs) sharing what the
 * component keeps: the polling consumers' cursors ({@code stateRepository}), webhook secrets ({@code secretStore}), a
 * refresh token ({@code StateRepositoryTokenStore}). Camel 4.18 ships a file and a memory {@code StateRepository}
 * (camel-support) and none on a database (camel-sql has idempotent and aggregation repositories only), hence this one.
 * <p>
 * The table is created when the repository starts if it does not exist ({@link #ddl(String)}, portable SQL run on
 * PostgreSQL and H2); create it with your migrations instead when the application's database user may not. Every
 * {@link #setState} commits on its own (auto-commit), so another node's next {@link #getState} sees it. Two nodes
 * setting a key at the same moment: both succeed, the last write wins.
 */
@ManagedResource(description = "Stora state in a database table")
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE = "stora_state";
    /** The longest key and value, in characters. */
    public static final int MAX_KEY = 255;
    public static final int MAX_VALUE = 10_000;

    private final DataSource dataSource;
    private final String table;

    /** A repository in {@value #DEFAULT_TABLE}. */
    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /** @param table a plain {@code [schema.]table} name */
    public JdbcStateRepository(DataSource dataSource, String table) {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository needs a DataSource");
        }
        if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("JdbcStateRepository table '" + table + "' is not a plain [schema.]table name");
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    /** The statement that creates the table, as run when it is missing. */
    public static String ddl(String table) {
        return "CREATE TABLE " + table + " (state_key VARCHAR(" + MAX_KEY + ") NOT NULL PRIMARY KEY, state_value VARCHAR("
                + MAX_VALUE + ") NOT NULL, updated_at TIMESTAMP NOT NULL)";
    }

    public String getTable() {
        return table;
    }

    @Override
    protected void doStart() throws Exception {
        SqlTables.createIfMissing(dataSource, table, ddl(table));
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT state_value FROM " + table + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read state " + key + " from table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Saves {@code value} under {@code key}; a {@code null} value removes the key. */
    @Override
    public void setState(String key, String value) {
        if (key == null || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("A state key is 1 to " + MAX_KEY + " characters: " + key);
        }
        if (value != null && value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("The state of " + key + " is " + value.length() + " characters; table "
                    + table + " holds " + MAX_VALUE);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (value == null) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE state_key = ?")) {
                    delete.setString(1, key);
                    delete.executeUpdate();
                }
                return;
            }
            // another node writing the key at the same moment: the last write wins
            SqlTables.upsert(c, table, "state_key", "state_value", key, value);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save state " + key + " in table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + table + "]";
    }
}
