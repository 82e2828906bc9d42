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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.limits.RequestLimiter;
import io.camelstora.component.limits.StoraAccountStats;

/**
 * Wraps the limiter of an account (the built-in one or a {@code rateLimiter} bean) for the component: counts permits
 * and waits in the account's {@link StoraAccountStats}, and continues every caller that had to wait on the component's
 * worker pool, whatever thread the limiter completed it on (a timer, a Bucket4j scheduler), so a slow route never holds
 * up the limiter's timer.
 */
public final class AccountLimiter implements RequestLimiter {

    private final RequestLimiter delegate;
    private final AccountStatsRecorder stats;
    private final Executor workExecutor;
    private final AtomicInteger waiting = new AtomicInteger();

    public AccountLimiter(RequestLimiter delegate, AccountStatsRecorder stats, Executor workExecutor) {
        this.delegate = delegate;
        this.stats = stats;
        this.workExecutor = workExecutor;
    }

    public RequestLimiter getDelegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<Permit> acquire() {
        long start = System.nanoTime();
        CompletableFuture<Permit> permit = delegate.acquire();
        if (permit.isDone()) {
            permit.whenComplete((ignored, error) -> count(error, 0));
            return permit;
        }
        waiting.incrementAndGet();
        return permit.whenCompleteAsync((ignored, error) -> {
            waiting.decrementAndGet();
            count(error, System.nanoTime() - start);
        }, workExecutor);
    }

    /** The wrapped limiter's state, with the calls waiting for a permit counted here. */
    @Override
    public State state() {
        return delegate.state().withWaiting(waiting.get());
    }

    private void count(Throwable error, long waitedNanos) {
        if (error == null) {
            stats.requestSent();
            if (waitedNanos > 0) {
                stats.throttled(waitedNanos);
            }
        } else if (AccountStatsRecorder.isRefusal(error)) {
            stats.refused();
        }
    }

    @Override
    public void onResponse(StoraResponse response) {
        delegate.onResponse(response);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
