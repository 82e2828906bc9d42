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
package io.camelstora.component.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.http.StoraResponse;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.SchedulingBucket;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A limiter over a Bucket4j bucket, for an account used by <em>several nodes</em>: build the bucket from a Bucket4j
 * {@code ProxyManager} (PostgreSQL, MySQL... via JDBC, Redis, Hazelcast, Infinispan) with
 * {@link #bucketConfiguration(RateLimits)}, so every node draws on one shared budget, and set this limiter as the
 * component's {@code rateLimiter}. Bucket4j is an optional dependency: add {@code bucket4j_jdk17-core} and the module of
 * your store.
 * <p>
 * Token buckets cannot say "at most N in any interval W" (see {@link SlidingWindowRateLimiter}), so the configuration
 * is conservative: per window one token, refilled every {@code (W + margin) / (N - 1)}, which lets through at most
 * {@code N} requests in any {@code W} (one stored token plus {@code N - 1} refills) at {@code N - 1} per {@code W}
 * sustained: 59 per minute instead of 60. In general capacity {@code N / (m + 1)} refilled every {@code W / m} keeps
 * any {@code W} at or under {@code N}; a larger capacity buys bursts at the cost of sustained rate.
 * <p>
 * Waiting never blocks: Bucket4j reserves the token and completes the future on its scheduler when it is due. A 429
 * pauses the callers of this node until {@code RateLimit-Reset}; other nodes pause on their own 429s.
 */
public final class Bucket4jRequestLimiter implements RequestLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bucket4jRequestLimiter.class);

    private final SchedulingBucket bucket;
    private final Duration maxWait;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final Object lock = new Object();
    private final RateLimitPause pause = new RateLimitPause();

    /** A limiter on a bucket shared through a Bucket4j ProxyManager (or a local one), with its own timer thread. */
    public Bucket4jRequestLimiter(Bucket bucket, Duration maxWait) {
        this(bucket.asScheduler(), maxWait, null);
    }

    /** A limiter on an asynchronous proxy (Redis, Hazelcast...), with its own timer thread. */
    public Bucket4jRequestLimiter(AsyncBucketProxy bucket, Duration maxWait) {
        this(bucket.asScheduler(), maxWait, null);
    }

    /**
     * @param scheduler the timer Bucket4j completes waiting callers on, or {@code null} for a private daemon thread
     */
    public Bucket4jRequestLimiter(SchedulingBucket bucket, Duration maxWait, ScheduledExecutorService scheduler) {
        this.bucket = bucket;
        this.maxWait = maxWait;
        this.ownScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler : newDaemonTimer();
    }

    /** A limiter on an in-memory bucket: one node, or to compare with the built-in sliding-window limiter. */
    public static Bucket4jRequestLimiter local(RateLimits limits) {
        return new Bucket4jRequestLimiter(localBucket(limits).asScheduler(), limits.maxWait(), null);
    }

    private static Bucket localBucket(RateLimits limits) {
        var builder = Bucket.builder();
        for (Bandwidth b : bucketConfiguration(limits).getBandwidths()) {
            builder.addLimit(b);
        }
        return builder.build();
    }

    /**
     * The Bucket4j configuration that keeps every rolling window of {@code limits} at or under its limit, to build the
     * shared bucket with: {@code proxyManager.builder().build(key, () -> bucketConfiguration(limits))}.
     */
    public static BucketConfiguration bucketConfiguration(RateLimits limits) {
        ConfigurationBuilder config = BucketConfiguration.builder();
        for (RateLimits.Window w : limits.windows()) {
            Duration span = w.length().plus(limits.margin());
            int refills = Math.max(1, w.permits() - 1);
            Duration period = span.dividedBy(refills);
            config.addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, period).initialTokens(1).build());
        }
        return config.build();
    }

    @Override
    public CompletableFuture<Permit> acquire() {
        long pauseNanos;
        synchronized (lock) {
            pauseNanos = pause.remainingNanos(System.nanoTime());
        }
        if (pauseNanos > maxWait.toNanos()) {
            return CompletableFuture.failedFuture(new RateLimitWaitException(
                    "The call would wait " + RateLimits.format(Duration.ofNanos(pauseNanos)) + " for the end of a 429 pause,"
                            + " longer than maxRateLimitWait (" + RateLimits.format(maxWait) + ")"));
        }
        CompletableFuture<Void> afterPause = pauseNanos == 0
                ? CompletableFuture.completedFuture(null)
                : delay(pauseNanos);
        long budgetNanos = maxWait.toNanos() - pauseNanos;
        return afterPause.thenCompose(ignored -> bucket.tryConsume(1, budgetNanos, scheduler)).thenApply(granted -> {
            if (!granted) {
                throw new RateLimitWaitException("The call would wait longer than maxRateLimitWait ("
                        + RateLimits.format(maxWait) + ") for a token of the shared Bucket4j bucket."
                        + " Send fewer calls at once or raise maxRateLimitWait");
            }
            return Permit.NONE;
        });
    }

    private CompletableFuture<Void> delay(long nanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(null), nanos, TimeUnit.NANOSECONDS);
        return done;
    }

    @Override
    public void onResponse(StoraResponse response) {
        synchronized (lock) {
            long pauseMillis = pause.onResponse(response, System.nanoTime());
            if (pauseMillis == 0) {
                return;
            }
            LOG.warn("Stora answered 429 Too Many Requests (RateLimit-Reset {}): calls through this node's Bucket4j limiter"
                    + " wait {} ms", response.header("RateLimit-Reset"), pauseMillis);
        }
    }

    /** The pause of this node after a 429; a shared bucket's tokens are not known without consuming them. */
    @Override
    public State state() {
        synchronized (lock) {
            long remaining = pause.remainingNanos(System.nanoTime());
            return new State(remaining > 0 ? Instant.now().plusNanos(remaining) : null, null, 0);
        }
    }

    @Override
    public void close() {
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    private static ScheduledExecutorService newDaemonTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "stora-bucket4j-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public String toString() {
        return "Bucket4jRequestLimiter[" + bucket + "]";
    }
}
