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
package io.camelstora.benchmarks;

import javax.sql.DataSource;

import io.camelstora.component.webhook.StoraWebhookEventStore;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Webhook event state from what camel-sql ships, for WebhookBenchmark to compare with JdbcWebhookEventStore: the lease
 * in a {@code JdbcOrphanLockAwareIdempotentRepository} (kept fresh by its heartbeat, taken over once older than
 * lockMaxAgeMillis), the done mark in a {@code JdbcMessageIdRepository}, both in camel-sql's CAMEL_MESSAGEPROCESSED
 * table under processor names of their own. Order: take the lease, check done, route, mark done, release the lease.
 * Not offered to users (see JdbcWebhookEventStore for why); measured only.
 */
final class CamelSqlEventStore extends ServiceSupport implements StoraWebhookEventStore, CamelContextAware {

    private final DataSource dataSource;
    private CamelContext camelContext;
    private JdbcOrphanLockAwareIdempotentRepository leases;
    private JdbcMessageIdRepository done;

    CamelSqlEventStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Claim claim(String scope, String eventId) {
        String key = scope + " " + eventId;
        try {
            if (!leases.add(key)) {
                return Claim.IN_PROGRESS;
            }
        } catch (DataIntegrityViolationException racedWithAnotherInsert) {
            return Claim.IN_PROGRESS;
        }
        if (done.contains(key)) {
            leases.remove(key);
            return Claim.DONE;
        }
        return Claim.CLAIMED;
    }

    @Override
    public boolean markDone(String scope, String eventId) {
        String key = scope + " " + eventId;
        done.add(key);
        leases.remove(key);
        return true;
    }

    @Override
    public void release(String scope, String eventId) {
        leases.remove(scope + " " + eventId);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    protected void doStart() throws Exception {
        leases = new JdbcOrphanLockAwareIdempotentRepository(dataSource, "stora-webhook-leases", camelContext);
        leases.setLockMaxAgeMillis(30_000);
        leases.setLockKeepAliveIntervalMillis(10_000);
        done = new JdbcMessageIdRepository(dataSource, "stora-webhook-done");
        ServiceHelper.startService(leases, done);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownServices(leases, done);
    }

    @Override
    public String toString() {
        return "camel-sql repositories (lease + done)";
    }
}
