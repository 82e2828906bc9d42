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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import io.camelstora.component.auth.JdbcTokenStore;
import io.camelstora.component.auth.TokenStore;
import io.camelstora.component.internal.support.SqlTables;
import io.camelstora.component.limits.RateLimits;
import io.camelstora.component.limits.RequestLimiter;
import io.camelstora.component.state.JdbcStateRepository;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.component.webhook.StoraWebhookEventStore;
import org.apache.camel.Service;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything several nodes of one application share, kept on the component's {@code dataSource}: the polling cursors
 * ({@value JdbcStateRepository#DEFAULT_TABLE}) and seen keys ({@value JdbcSeenKeys#TABLE}), the webhook events in
 * progress and done ({@value JdbcWebhookEventStore#DEFAULT_TABLE_NAME}) and the webhook secrets
 * ({@value #SECRETS_TABLE}), refresh tokens ({@value JdbcTokenStore#DEFAULT_TABLE}) and, on PostgreSQL, each account's
 * rate-limit budget in a Bucket4j bucket ({@value #RATE_LIMIT_TABLE}). Built once per component when it starts;
 * every table is created if it is missing.
 */
public final class SharedStores {

    public static final String SECRETS_TABLE = "stora_webhook_secrets";
    public static final String RATE_LIMIT_TABLE = "stora_rate_limit";
    public static final String RATE_LIMIT_DDL = "CREATE TABLE " + RATE_LIMIT_TABLE + " (id BIGINT PRIMARY KEY, state BYTEA)";
    private static final Logger LOG = LoggerFactory.getLogger(SharedStores.class);

    private final DataSource dataSource;
    private final JdbcStateRepository cursors;
    private final JdbcSeenKeys seenKeys;
    private final JdbcWebhookEventStore events;
    private final JdbcStateRepository secrets;
    private final boolean postgres;
    private final List<Service> services = new ArrayList<>();
    private SharedBuckets buckets;

    private SharedStores(DataSource dataSource) {
        this.dataSource = dataSource;
        this.cursors = new JdbcStateRepository(dataSource);
        this.seenKeys = new JdbcSeenKeys(dataSource);
        this.events = new JdbcWebhookEventStore(dataSource);
        this.secrets = new JdbcStateRepository(dataSource, SECRETS_TABLE);
        this.postgres = SqlTables.isPostgreSql(dataSource);
    }

    /** The stores of {@code dataSource}, started, their missing tables created. */
    public static SharedStores open(DataSource dataSource) {
        SharedStores stores = new SharedStores(dataSource);
        stores.services.addAll(List.of(stores.cursors, stores.seenKeys, stores.events, stores.secrets));
        stores.start();
        return stores;
    }

    /** Creates the tables that are missing and starts the stores, again after {@link #stop()}. */
    public void start() {
        ServiceHelper.startService(services);
        SqlTables.createIfMissing(dataSource, JdbcTokenStore.DEFAULT_TABLE, JdbcTokenStore.ddl(JdbcTokenStore.DEFAULT_TABLE));
        if (postgres) {
            SqlTables.createIfMissing(dataSource, RATE_LIMIT_TABLE, RATE_LIMIT_DDL);
        }
    }

    public void stop() {
        ServiceHelper.stopService(services);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StateRepository<String, String> cursors() {
        return cursors;
    }

    public IdempotentRepository seenKeys() {
        return seenKeys;
    }

    public StoraWebhookEventStore events() {
        return events;
    }

    public StateRepository<String, String> secrets() {
        return secrets;
    }

    /** Whether the account's rate-limit budget can be kept here: on PostgreSQL, Bucket4j's database. */
    public boolean isPostgreSql() {
        return postgres;
    }

    /**
     * Whether Bucket4j's PostgreSQL module (com.bucket4j:bucket4j_jdk17-postgresql, with bucket4j_jdk17-core) is on the
     * class path: optional dependencies of the component, which an application sharing its rate limit adds.
     */
    public static boolean bucket4jPostgreSqlAvailable() {
        try {
            Class.forName("io.github.bucket4j.postgresql.Bucket4jPostgreSQL", false, SharedStores.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The refresh token of the authorization named {@code key} (stable across nodes, e.g. component and client id). */
    public TokenStore tokenStore(String key) {
        return new JdbcTokenStore(dataSource, key);
    }

    /**
     * A limiter on the account's bucket in the database, shared by every node configured alike, or {@code null} when
     * the database is not PostgreSQL (Bucket4j's JDBC support used here is PostgreSQL's), which the log says.
     *
     * @param account identifies the account the same way on every node (component name, base URL, credentials' id)
     */
    public synchronized RequestLimiter sharedLimiter(String account, RateLimits limits, ScheduledExecutorService timer) {
        if (!postgres) {
            LOG.warn("The account's rate limit is not shared: the stora component's dataSource is not PostgreSQL, the"
                    + " database its shared Bucket4j bucket is built for. Each node keeps to the full limit; set"
                    + " rateLimiter to a Bucket4jRequestLimiter on your store (docs/rate-limits-and-retries.md)");
            return null;
        }
        if (buckets == null) {
            buckets = new SharedBuckets(dataSource);
        }
        return buckets.limiter(account, limits, timer);
    }

}
