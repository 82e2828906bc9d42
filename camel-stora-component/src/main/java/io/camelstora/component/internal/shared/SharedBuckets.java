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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import io.camelstora.component.limits.Bucket4jRequestLimiter;
import io.camelstora.component.limits.RateLimits;
import io.camelstora.component.limits.RequestLimiter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * The accounts' rate-limit buckets in {@value SharedStores#RATE_LIMIT_TABLE} on PostgreSQL, through Bucket4j's
 * PostgreSQL module. A class of its own so that only an application sharing its budget loads Bucket4j, an optional
 * dependency.
 */
final class SharedBuckets {

    /**
     * The least margin of a shared bucket's windows: a bucket counts a request from its grant, before the pooled
     * connection, the connect and the network of whichever node sends it, which this margin covers.
     */
    static final Duration MIN_MARGIN = Duration.ofMillis(200);

    private final ProxyManager<Long> buckets;

    SharedBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).table(SharedStores.RATE_LIMIT_TABLE)
                .build();
    }

    /** A limiter on the bucket of {@code account}, its row found by {@link #key(String)} on every node. */
    RequestLimiter limiter(String account, RateLimits limits, ScheduledExecutorService timer) {
        RateLimits shared = sharedLimits(limits);
        var bucket = buckets.builder().build(key(account), () -> Bucket4jRequestLimiter.bucketConfiguration(shared));
        return new Bucket4jRequestLimiter(bucket.asScheduler(), shared.maxWait(), timer);
    }

    /**
     * The windows of a shared bucket: the account's margin, at least {@link #MIN_MARGIN}, and a long window lengthened
     * to a margin of 1/120 of it (500 ms of a minute). A request granted at a minute's start can reach Stora late (its
     * node starved of CPU, a connection opened, a GC pause) while the minute's last one is on time: 61 requests reach
     * one minute when their delays differ by 1.2 s with 200 ms, by 1.5 s with this (SharedBucketsTest). With 200 ms, one
     * of six 3-minute runs of ClusterNodesIT (three nodes, PostgreSQL and the simulator on two busy cores) got one 429.
     * Not more: each grant the nodes are slow to claim is lost to a bucket of one token, and ClusterNodesIT used 0.951
     * of the minute's budget with 1 s (0.95 is the bar), 0.960 to 0.966 with 200 ms. A second's window keeps 200 ms.
     */
    static RateLimits sharedLimits(RateLimits limits) {
        Duration margin = limits.margin().compareTo(MIN_MARGIN) >= 0 ? limits.margin() : MIN_MARGIN;
        List<RateLimits.Window> windows = limits.windows().stream().map(w -> {
            Duration lengthen = w.length().dividedBy(120).minus(margin);
            return lengthen.isNegative() ? w : new RateLimits.Window(w.permits(), w.length().plus(lengthen));
        }).toList();
        return new RateLimits(windows, margin, limits.maxWait());
    }

    /** The bucket's row: 64 bits of the SHA-256 of the account's name. */
    static long key(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
