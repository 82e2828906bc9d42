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
package io.camelstora.component.internal.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The component's own tables, created on first start where they are missing. */
public final class SqlTables {

    private static final Logger LOG = LoggerFactory.getLogger(SqlTables.class);

    private SqlTables() {
    }

    /**
     * Runs {@code ddl} unless {@code table} can be read. {@code CREATE TABLE IF NOT EXISTS} is not in every database's
     * SQL, hence the look first. When several nodes start at once and another created the table first, this one's
     * CREATE fails and the table is found on the second look.
     *
     * @throws IllegalStateException naming the table and the DDL when it can neither be read nor created
     */
    public static void createIfMissing(DataSource dataSource, String table, String ddl) {
        if (exists(dataSource, table)) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(ddl);
            LOG.info("Created table {}", table);
        } catch (SQLException e) {
            if (!exists(dataSource, table)) {
                throw new IllegalStateException("Table " + table + " is missing and could not be created (" + e.getMessage()
                        + "). Create it with: " + ddl,
                        e);
            }
        }
    }

    /**
     * Writes {@code value} under {@code key} in a table of {@code (key, value, updated_at)} rows: an update, else an
     * insert; when another node inserted the key in between, the update again, so that the last write wins.
     */
    public static void upsert(Connection c, String table, String keyColumn, String valueColumn, String key, String value)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        if (update(c, table, keyColumn, valueColumn, key, value, now) == 0) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + keyColumn + ", " + valueColumn
                    + ", updated_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            } catch (SQLException raced) {
                if (update(c, table, keyColumn, valueColumn, key, value, now) == 0) {
                    throw raced;
                }
            }
        }
    }

    private static int update(Connection c, String table, String keyColumn, String valueColumn, String key, String value,
                              Timestamp now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + table + " SET " + valueColumn + " = ?, updated_at = ? WHERE " + keyColumn + " = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, key);
            return update.executeUpdate();
        }
    }

    /** An insert refused by a primary key or unique constraint (SQLState class 23, or the driver's own class). */
    public static boolean isDuplicateKey(SQLException e) {
        return e instanceof java.sql.SQLIntegrityConstraintViolationException
                || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
    }

    /** Whether {@code dataSource} is a PostgreSQL database. */
    public static boolean isPostgreSql(DataSource dataSource) {
        return productName(dataSource).toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** The database's product name, as its driver gives it (PostgreSQL, H2, MySQL...). */
    public static String productName(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the stora component's dataSource: " + e.getMessage(), e);
        }
    }

    /** Whether {@code table} can be read. */
    public static boolean exists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
