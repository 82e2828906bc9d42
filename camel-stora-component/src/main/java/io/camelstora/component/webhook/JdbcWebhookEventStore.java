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
package io.camelstora.component.webhook;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.camelstora.component.internal.support.SqlTables;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of webhook events in one table of a database every node shares (PostgreSQL is the reference; H2 is used
 * in tests; the SQL is plain SQL-92). One row per consumer scope and event id:
 *
 * <pre>
 * CREATE TABLE STORA_WEBHOOK_EVENTS (
 *     scope       VARCHAR(255) NOT NULL,  -- the consumer's path
 *     event_id    VARCHAR(255) NOT NULL,  -- event.id
 *     state       VARCHAR(16)  NOT NULL,  -- IN_PROGRESS or DONE
 *     lease_owner VARCHAR(255) NOT NULL,  -- the node holding the lease, or that routed it (pid@host/random)
 *     lease_until BIGINT,                 -- epoch milliseconds the lease lasts until; NULL once DONE
 *     updated_at  BIGINT       NOT NULL,  -- epoch milliseconds of the last change
 *     PRIMARY KEY (scope, event_id))
 * </pre>
 *
 * The table is created on start when it is missing. A claim inserts an {@code IN_PROGRESS} row (the primary key lets
 * exactly one node succeed), or takes over a row whose lease expired with a compare-and-set update (exactly one of
 * several nodes racing for it wins); a background task renews the leases this instance holds every
 * {@code heartbeatInterval}; {@code DONE} rows older than {@code retention}, and {@code IN_PROGRESS} rows whose lease
 * expired longer ago than that, are deleted.
 * <p>
 * Why not camel-sql's {@code JdbcOrphanLockAwareIdempotentRepository}, which keeps a lock alive with a heartbeat: it
 * records no "done" (a key removed when its work ends, or kept alive forever), so a second repository would be needed
 * for that, with 4 transactions per event instead of 2 statements; in Camel 4.18 an expired lock taken over is not
 * renewed any more, two nodes taking over the same expired lock both succeed (the update does not check that it is
 * still expired), a first insert racing another throws instead of answering "held", and every insert and delete of a
 * node runs under one JVM-wide lock.
 * <p>
 * Leases compare the clocks of different nodes: keep them synchronised (NTP), as the signature tolerance needs anyway.
 * Give it a pooled {@link DataSource}: each claim, mark and release takes a connection.
 */
public class JdbcWebhookEventStore extends ServiceSupport implements StoraWebhookEventStore {

    public static final String DEFAULT_TABLE_NAME = "STORA_WEBHOOK_EVENTS";
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcWebhookEventStore.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final String DONE = "DONE";
    private static final int CLAIM_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final String owner;
    /** The events this instance holds, renewed by the heartbeat. */
    private final Set<Key> held = ConcurrentHashMap.newKeySet();
    private String tableName = DEFAULT_TABLE_NAME;
    private Duration leaseDuration = DEFAULT_LEASE_DURATION;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration retention = DEFAULT_RETENTION;
    private LongSupplier clock = System::currentTimeMillis;
    private ScheduledExecutorService scheduler;
    private volatile boolean heartbeatFailing;
    private volatile Sql sql;

    private record Key(String scope, String eventId) {
    }

    /** The statement that creates the table, as run on start when it is missing. */
    public static String ddl(String table) {
        return "CREATE TABLE " + table + " (scope VARCHAR(255) NOT NULL, event_id VARCHAR(255) NOT NULL, state VARCHAR(16)"
                + " NOT NULL, lease_owner VARCHAR(255) NOT NULL, lease_until BIGINT, updated_at BIGINT NOT NULL,"
                + " PRIMARY KEY (scope, event_id))";
    }

    /** The statements on one table, built once: {@code %1$s} is the table. */
    private record Sql(String insert, String select, String takeOver, String done,
            String release, String renew, String purge) {

        static Sql of(String table) {
            return new Sql(
                    sql("INSERT INTO %1$s (scope, event_id, state, lease_owner, lease_until, updated_at)"
                            + " VALUES (?, ?, 'IN_PROGRESS', ?, ?, ?)", table),
                    sql("SELECT state, lease_owner, lease_until FROM %1$s WHERE scope = ? AND event_id = ?", table),
                    // compare-and-set on what the claimer saw: of several nodes taking over one expired lease, one wins
                    sql("UPDATE %1$s SET lease_owner = ?, lease_until = ?, updated_at = ? WHERE scope = ? AND event_id = ?"
                            + " AND state = 'IN_PROGRESS' AND lease_owner = ? AND lease_until = ?", table),
                    sql("UPDATE %1$s SET state = 'DONE', lease_until = NULL, updated_at = ? WHERE scope = ? AND event_id = ?"
                            + " AND state = 'IN_PROGRESS' AND lease_owner = ?", table),
                    sql("DELETE FROM %1$s WHERE scope = ? AND event_id = ? AND state = 'IN_PROGRESS' AND lease_owner = ?",
                            table),
                    sql("UPDATE %1$s SET lease_until = ? WHERE scope = ? AND event_id = ? AND state = 'IN_PROGRESS'"
                            + " AND lease_owner = ?", table),
                    // an IN_PROGRESS row whose lease expired that long ago is claimable anyway: its node died, or its
                    // done mark or release failed, and no delivery came again
                    sql("DELETE FROM %1$s WHERE (state = 'DONE' AND updated_at < ?)"
                            + " OR (state = 'IN_PROGRESS' AND lease_until < ?)", table));
        }

        private static String sql(String template, String table) {
            return String.format(template, table);
        }
    }

    /** A store on {@code dataSource} with the defaults: table {@value #DEFAULT_TABLE_NAME}, 30 s leases. */
    public JdbcWebhookEventStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public Claim claim(String scope, String eventId) {
        if (sql == null) {
            throw new IllegalStateException(this + " is not started");
        }
        Key key = new Key(scope, eventId);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            long now = clock.getAsLong();
            if (insert(key, now)) {
                held.add(key);
                return Claim.CLAIMED;
            }
            Row row = select(key);
            if (row == null) {
                continue; // released between our insert and select: insert again
            }
            if (DONE.equals(row.state)) {
                return Claim.DONE;
            }
            if (row.leaseUntil >= now) {
                return Claim.IN_PROGRESS;
            }
            if (takeOver(key, row, now)) {
                held.add(key);
                LOG.info("Stora webhook event {} ({}): the lease of {} expired at {} (its node stopped while routing it);"
                        + " routing it here",
                        eventId, scope, row.owner, Instant.ofEpochMilli(row.leaseUntil));
                return Claim.CLAIMED;
            }
            // another node changed the row between our select and update: look again
        }
        return Claim.IN_PROGRESS;
    }

    @Override
    public boolean markDone(String scope, String eventId) {
        // dropped from the renewals before the row changes, never after: once the row is done or deleted, a delivery
        // on this node may claim the event again and must keep the renewals of its own lease
        held.remove(new Key(scope, eventId));
        int updated = update(sql.done, clock.getAsLong(), scope, eventId, owner);
        if (updated == 0) {
            LOG.warn("Stora webhook event {} ({}) was routed here, but its lease had expired and was taken over: it may"
                    + " be routed again elsewhere. Routes slower than leaseDuration {} need a longer lease",
                    eventId, scope, leaseDuration);
        }
        return updated > 0;
    }

    @Override
    public void release(String scope, String eventId) {
        held.remove(new Key(scope, eventId)); // before the row goes, as in markDone
        update(sql.release, scope, eventId, owner);
    }

    /** Who this instance is in {@code lease_owner}: {@code pid@host/} and 8 random hex digits. */
    public String getOwner() {
        return owner;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, created on start when missing (default {@value #DEFAULT_TABLE_NAME}); may be schema-qualified. */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName of JdbcWebhookEventStore must be a plain SQL name (letters, digits,"
                    + " underscores, optionally schema.table), got "
                    + tableName);
        }
        this.tableName = tableName;
    }

    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * How long an event stays held by a node that stopped renewing its lease (a node that died while routing it), before
     * another delivery takes it over; default 30 s. Keep it below Stora's first retry (1 minute), above the longest GC
     * pause or database outage a node survives, and at least twice heartbeatInterval.
     */
    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    /** How often the leases held are renewed; default 10 s. */
    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getRetention() {
        return retention;
    }

    /**
     * How long an event stays marked done, and a lease nobody renews stays in the table; default 30 days. Stora retries
     * for about 21 hours; a delivery of an event older than this is routed again.
     */
    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    /** Test hook: the clock leases are measured on. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Test hook: renews the leases held now. */
    void renewLeases() {
        heartbeat();
    }

    /** Test hook: deletes what is older than retention now. */
    void purgeOldEvents() {
        purge();
    }

    @Override
    protected void doStart() throws Exception {
        if (leaseDuration == null || heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || leaseDuration.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("leaseDuration of JdbcWebhookEventStore (" + leaseDuration
                    + ") must be at least twice its heartbeatInterval (" + heartbeatInterval
                    + ")");
        }
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "retention of JdbcWebhookEventStore must be at least a day (Stora retries for about 21 hours), got "
                            + retention);
        }
        sql = Sql.of(tableName);
        SqlTables.createIfMissing(dataSource, tableName, ddl(tableName));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stora-webhook-leases");
            thread.setDaemon(true);
            return thread;
        });
        long interval = heartbeatInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purge, 0, Math.max(interval, Duration.ofHours(1).toMillis()),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        // leases of routes still running expire by themselves: releasing them would let another node route the event
        // while this one may still finish it
        held.clear();
    }

    @Override
    public String toString() {
        return "JdbcWebhookEventStore[" + tableName + ", lease " + leaseDuration + ", owner " + owner + "]";
    }

    private boolean insert(Key key, long now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(sql.insert)) {
                s.setString(1, key.scope);
                s.setString(2, key.eventId);
                s.setString(3, owner);
                s.setLong(4, now + leaseDuration.toMillis());
                s.setLong(5, now);
                s.executeUpdate();
                commit(c);
                return true;
            } catch (SQLException e) {
                rollback(c);
                if (SqlTables.isDuplicateKey(e)) {
                    return false; // the row exists: read it
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed("claim", key, e);
        }
    }

    private record Row(String state, String owner, long leaseUntil) {
    }

    private Row select(Key key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.select)) {
            s.setString(1, key.scope);
            s.setString(2, key.eventId);
            Row row = null;
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    row = new Row(rs.getString(1), rs.getString(2), rs.getLong(3));
                }
            }
            commit(c);
            return row;
        } catch (SQLException e) {
            throw failed("claim", key, e);
        }
    }

    private boolean takeOver(Key key, Row row, long now) {
        return update(sql.takeOver, owner, now + leaseDuration.toMillis(), now, key.scope, key.eventId, row.owner,
                row.leaseUntil) == 1;
    }

    private int update(String statement, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            int count = s.executeUpdate();
            commit(c);
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the webhook event store " + tableName + ": " + e.getMessage(), e);
        }
    }

    private void heartbeat() {
        List<Key> keys = new ArrayList<>(held);
        if (keys.isEmpty()) {
            return;
        }
        long until = clock.getAsLong() + leaseDuration.toMillis();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.renew)) {
            for (Key key : keys) {
                s.setLong(1, until);
                s.setString(2, key.scope);
                s.setString(3, key.eventId);
                s.setString(4, owner);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            commit(c);
            for (int i = 0; i < counts.length; i++) {
                // 0: taken over after this node failed to renew in time, or already marked or released meanwhile
                if (counts[i] == 0 && held.remove(keys.get(i))) {
                    LOG.warn("Stora webhook event {} ({}): the lease of this node was lost while its route runs; another"
                            + " node may route it too",
                            keys.get(i).eventId, keys.get(i).scope);
                }
            }
            if (heartbeatFailing) {
                heartbeatFailing = false;
                LOG.info("The webhook event store {} renews leases again", tableName);
            }
        } catch (SQLException | RuntimeException e) {
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                LOG.warn("Cannot renew the leases of {} webhook events in {} (retried every {}): {}", keys.size(), tableName,
                        heartbeatInterval, e.getMessage());
            }
        }
    }

    private void purge() {
        try {
            long before = clock.getAsLong() - retention.toMillis();
            int purged = update(sql.purge, before, before);
            if (purged > 0) {
                LOG.debug("Deleted {} webhook events done or abandoned more than {} ago from {}", purged, retention,
                        tableName);
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot delete old webhook events from {}: {}", tableName, e.getMessage());
        }
    }

    /** Statements run one by one; a DataSource whose connections do not auto-commit gets each committed. */
    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the statement failed already; the connection goes back to the pool
        }
    }

    private IllegalStateException failed(String what, Key key, SQLException e) {
        return new IllegalStateException("Cannot " + what + " webhook event " + key.eventId + " in " + tableName + ": "
                + e.getMessage(),
                e);
    }
}
