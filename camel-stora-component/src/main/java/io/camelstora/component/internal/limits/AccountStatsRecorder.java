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
package io.camelstora.component.internal.limits;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.metrics.CallOutcome;
import io.camelstora.component.internal.metrics.StoraMetrics;
import io.camelstora.component.limits.RateLimitWaitException;
import io.camelstora.component.limits.StoraAccountStats;
import io.camelstora.component.limits.StoraAccountStats.ApiContact;

/**
 * Records what the calls of one account did ({@link StoraAccountStats}, which users read) and reports each to the
 * component's {@link StoraMetrics}.
 */
public final class AccountStatsRecorder implements StoraAccountStats {

    private final String account;
    private final StoraMetrics metrics;
    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder throttleWaitNanos = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder rateLimitReplays = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder retriesExhausted = new LongAdder();
    // guarded by this
    private ApiContact lastContact;
    private ApiContact lastReached;
    private int unreachedInARow;
    private Instant unreachedSince;

    public AccountStatsRecorder(String account) {
        this(account, StoraMetrics.NONE);
    }

    public AccountStatsRecorder(String account, StoraMetrics metrics) {
        this.account = account;
        this.metrics = metrics;
    }

    /** The account: base URL and a non-secret account id ({@code token:<fingerprint>}, a client id...). */
    @Override
    public String getAccount() {
        return account;
    }

    /** Requests the limiter let through (every attempt, retries and replays included). */
    @Override
    public long getRequests() {
        return requests.sum();
    }

    /** Requests that had to wait for the account's budget before being sent. */
    @Override
    public long getThrottledRequests() {
        return throttled.sum();
    }

    /** Total time requests spent waiting for the account's budget, in milliseconds. */
    @Override
    public long getThrottleWaitMillis() {
        return throttleWaitNanos.sum() / 1_000_000;
    }

    /** Calls failed without being sent because their wait would have exceeded {@code maxRateLimitWait}. */
    @Override
    public long getRefusedByLimiter() {
        return refused.sum();
    }

    /** 429 Too Many Requests responses received. */
    @Override
    public long getRateLimitedResponses() {
        return rateLimited.sum();
    }

    /** Calls sent again after a 429, once the account's pause ended. */
    @Override
    public long getRateLimitReplays() {
        return rateLimitReplays.sum();
    }

    /** Attempts repeated after a connection error, timeout or 502/503/504. */
    @Override
    public long getRetries() {
        return retries.sum();
    }

    /** Calls that still failed after their last allowed retry. */
    @Override
    public long getRetriesExhausted() {
        return retriesExhausted.sum();
    }

    /** The latest request's answer, or why it got none; {@code null} before the first request. */
    @Override
    public synchronized ApiContact getLastContact() {
        return lastContact;
    }

    /** The latest answer of the API itself (see {@link ApiContact#reached()}); {@code null} before the first one. */
    @Override
    public synchronized ApiContact getLastReached() {
        return lastReached;
    }

    /** Requests in a row, up to the latest, that did not reach the API; 0 when the latest did. */
    @Override
    public synchronized int getUnreachedInARow() {
        return unreachedInARow;
    }

    /** When the current run of requests that did not reach the API began; {@code null} when the latest did. */
    @Override
    public synchronized Instant getUnreachedSince() {
        return unreachedSince;
    }

    /**
     * Records one request (attempt) to the API: called by {@code StoraClient} when its response arrived or it failed.
     *
     * @param failure why no response came; never holds a secret (it becomes a health check detail)
     */
    public void requestCompleted(StoraRequest request, StoraResponse response, Throwable failure, long nanos) {
        int status = response == null ? 0 : response.status();
        ApiContact contact = new ApiContact(Instant.now(), status, status == 0 ? describe(failure) : null);
        synchronized (this) {
            lastContact = contact;
            if (contact.reached()) {
                lastReached = contact;
                unreachedInARow = 0;
                unreachedSince = null;
            } else {
                if (unreachedInARow++ == 0) {
                    unreachedSince = contact.at();
                }
            }
        }
        metrics.requestCompleted(account, request.operation(), status, nanos);
    }

    /** Records a call as its caller sees it, once its last attempt ended: called by {@code StoraClient}. */
    public void callCompleted(StoraRequest request, StoraResponse response, Throwable failure, long nanos) {
        int status = response != null ? response.status() : CallOutcome.status(failure);
        metrics.callCompleted(account, request.operation(), status, CallOutcome.of(status, failure), nanos);
    }

    private static String describe(Throwable failure) {
        Throwable t = StoraErrors.unwrap(failure);
        // what went wrong underneath: the I/O error a StoraApiException wraps
        while (t instanceof StoraApiException && t.getCause() != null) {
            t = StoraErrors.unwrap(t.getCause());
        }
        if (t == null) {
            return "unknown error";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public static boolean isRefusal(Throwable error) {
        return StoraErrors.unwrap(error) instanceof RateLimitWaitException;
    }

    public void requestSent() {
        requests.increment();
    }

    public void throttled(long waitNanos) {
        throttled.increment();
        throttleWaitNanos.add(waitNanos);
        metrics.rateLimitWaited(account, waitNanos);
    }

    public void refused() {
        refused.increment();
        metrics.rateLimitRefused(account);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void rateLimitReplay() {
        rateLimitReplays.increment();
    }

    public void retry(StoraRequest request, String reason) {
        retries.increment();
        metrics.retryScheduled(account, request.operation(), reason);
    }

    public void retriesExhausted() {
        retriesExhausted.increment();
    }

    @Override
    public String toString() {
        return "StoraAccountStats[" + account + ": requests=" + getRequests() + ", throttled=" + getThrottledRequests()
                + ", throttleWaitMillis=" + getThrottleWaitMillis() + ", refusedByLimiter=" + getRefusedByLimiter()
                + ", rateLimitedResponses=" + getRateLimitedResponses() + ", rateLimitReplays=" + getRateLimitReplays()
                + ", retries=" + getRetries() + ", retriesExhausted=" + getRetriesExhausted() + "]";
    }
}
