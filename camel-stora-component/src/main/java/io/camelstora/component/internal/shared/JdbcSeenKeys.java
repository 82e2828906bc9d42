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
package io.camelstora.component.internal.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.camelstora.component.internal.support.SqlTables;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the records polling consumers sent, in a table every node shares. Written by hand rather than taken
 * from camel-sql's {@code JdbcMessageIdRepository}, which would bring Spring JDBC into every application using the
 * component, keeps its keys forever (a poll only looks up the keys within its overlap, minutes old) and holds ids of
 * at most 100 characters (a key is {@code <stateKey>|<id>@<updated_at>#<digest>}).
 * <p>
 * A key is one row; a second add of the same key is refused by the primary key, which is what tells two nodes apart
 * should both ever add it. Keys older than {@link #RETENTION} are deleted, at most once an hour, by the node adding.
 */
public final class JdbcSeenKeys extends ServiceSupport implements IdempotentRepository {

    public static final String TABLE = "stora_poll_seen";
    public static final String DDL = "CREATE TABLE " + TABLE
            + " (seen_key VARCHAR(512) NOT NULL PRIMARY KEY, seen_at TIMESTAMP NOT NULL)";
    /** Far longer than any poll's overlap (a minute by default): no poll looks up older keys. */
    static final Duration RETENTION = Duration.ofDays(7);
    private static final long PURGE_EVERY_MILLIS = Duration.ofHours(1).toMillis();
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSeenKeys.class);

    private final DataSource dataSource;
    private final AtomicLong lastPurge = new AtomicLong();

    public JdbcSeenKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doStart() {
        SqlTables.createIfMissing(dataSource, TABLE, DDL);
    }

    @Override
    public boolean add(String key) {
        purgeNowAndThen();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (seen_key, seen_at) VALUES (?, ?)")) {
            c.setAutoCommit(true);
            insert.setString(1, key);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlTables.isDuplicateKey(e)) {
                return false;
            }
            throw new IllegalStateException("Cannot add seen key " + key + " to table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE seen_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read seen key " + key + " from table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String key) {
        return delete("DELETE FROM " + TABLE + " WHERE seen_key = ?", key) > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Removes every key: every consumer sharing the table sends again the records within its overlap. */
    @Override
    public void clear() {
        delete("DELETE FROM " + TABLE, null);
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE seen_at < ?")) {
            c.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(now).minus(RETENTION)));
            int purged = delete.executeUpdate();
            LOG.debug("Deleted {} seen keys older than {} from {}", purged, RETENTION, TABLE);
        } catch (SQLException e) {
            LOG.warn("Cannot delete old keys from {}: {}", TABLE, e.getMessage());
        }
    }

    private int delete(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            if (key != null) {
                delete.setString(1, key);
            }
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete from table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcSeenKeys[" + TABLE + "]";
    }
}
