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

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.spi.DefaultScheduledFuture;
import dev.failsafe.spi.Scheduler;
import io.camelstora.component.catalog.HttpMethod;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraRateLimitException;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.limits.RateLimits;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens around the attempts of one call of an account: a 429 is replayed once the account's limiter has paused
 * until {@code RateLimit-Reset} (bounded by {@code maxRateLimitWait}), and failures that are safe to repeat are retried
 * with exponential backoff and jitter by a Failsafe {@link RetryPolicy} (see {@link #isRetryable}).
 * <p>
 * Backoff delays run on the component's timer and the next attempt on {@code workExecutor}: no thread sleeps.
 */
public final class CallPolicy {

    // the category docs/rate-limits-and-retries.md gives for throttling and retries, which this class kept when it moved
    private static final Logger LOG = LoggerFactory.getLogger("io.camelstora.component.limits.CallPolicy");

    private final RetrySettings retries;
    private final boolean replayRateLimited;
    private final Duration maxRateLimitWait;
    private final AccountStatsRecorder stats;
    private final Scheduler scheduler;

    /**
     * @param replayRateLimited whether a 429 is replayed after the pause (throttling on) or surfaces at once
     */
    public CallPolicy(RetrySettings retries, boolean replayRateLimited, Duration maxRateLimitWait, AccountStatsRecorder stats,
                      ScheduledExecutorService timer, Executor workExecutor) {
        this.retries = retries;
        this.replayRateLimited = replayRateLimited;
        this.maxRateLimitWait = maxRateLimitWait;
        this.stats = stats;
        this.scheduler = scheduler(timer, workExecutor);
    }

    /** No retries, no replays: every outcome surfaces as it came. */
    public static CallPolicy none(AccountStatsRecorder stats) {
        return new CallPolicy(RetrySettings.DISABLED, false, Duration.ZERO, stats, null, Runnable::run);
    }

    public AccountStatsRecorder getStats() {
        return stats;
    }

    /**
     * Runs the attempts of {@code request}. {@code attempt} sends one attempt through the limiter and completes with
     * whatever status came back, or exceptionally with a {@link StoraApiException} when no response was received.
     */
    public CompletableFuture<StoraResponse> execute(StoraRequest request, Supplier<CompletableFuture<StoraResponse>> attempt) {
        Supplier<CompletableFuture<StoraResponse>> withReplays = () -> replayRateLimited(request, attempt, System.nanoTime());
        if (!retries.enabled() || retries.maxRetries() == 0) {
            return withReplays.get();
        }
        RetryPolicy<StoraResponse> policy = RetryPolicy.<StoraResponse>builder()
                .handleIf((response, failure) -> isRetryable(request, response, failure))
                .withMaxRetries(retries.maxRetries())
                .withMaxDuration(retries.maxDuration())
                .withBackoff(retries.initialDelay(), retries.maxDelay())
                .withJitter(RetrySettings.JITTER)
                .onRetryScheduled(e -> {
                    stats.retry(request, retryReason(e.getLastResult(), e.getLastException()));
                    LOG.info("Retrying {} ({}) in {} ms after {} (retry {} of {}{})", request.describe(),
                            request.operation().uri(), e.getDelay().toMillis(),
                            outcome(e.getLastResult(), e.getLastException()),
                            e.getAttemptCount(), retries.maxRetries(),
                            request.idempotencyKey() == null ? "" : ", same Idempotency-Key");
                })
                .onRetriesExceeded(e -> {
                    stats.retriesExhausted();
                    LOG.warn("Giving up {} ({}) after {} attempts in {} ms: {}", request.describe(), request.operation().uri(),
                            e.getAttemptCount(), e.getElapsedTime().toMillis(), outcome(e.getResult(), e.getException()));
                })
                .build();
        return Failsafe.with(policy).with(scheduler).getStageAsync(withReplays::get);
    }

    /**
     * Sends again after a 429: the limiter saw the 429 first and paused every caller of the account until
     * {@code RateLimit-Reset}, so the replay simply queues for a permit. A 429 means Stora did not process the request;
     * it comes from rate limiting in front of the idempotency layer, so a POST replays with the same Idempotency-Key
     * and is processed once.
     */
    private CompletableFuture<StoraResponse> replayRateLimited(StoraRequest request,
                                                               Supplier<CompletableFuture<StoraResponse>> attempt,
                                                               long firstAttemptNanos) {
        return attempt.get().thenCompose(response -> {
            if (response.status() != 429) {
                return CompletableFuture.completedFuture(response);
            }
            stats.rateLimited();
            if (!replayRateLimited) {
                return CompletableFuture.completedFuture(response);
            }
            long waitedNanos = System.nanoTime() - firstAttemptNanos;
            if (waitedNanos >= maxRateLimitWait.toNanos()) {
                return CompletableFuture.failedFuture(StoraErrors.stillRateLimited(request, response,
                        RateLimits.format(Duration.ofNanos(waitedNanos)), RateLimits.format(maxRateLimitWait)));
            }
            stats.rateLimitReplay();
            LOG.info("Replaying {} ({}) after 429 (request_id {}) once the account's pause ends", request.describe(),
                    request.operation().uri(), requestId(request, response));
            return replayRateLimited(request, attempt, firstAttemptNanos);
        });
    }

    /**
     * Whether an attempt's outcome may be repeated without changing what Stora ends up with:
     * <ul>
     * <li>a 2xx, 4xx (429 handled before, 401 by the token renewal) or 500: never. Stora stores the response of an
     * Idempotency-Key for 24 h, 500s included, so a POST that got a 500 would only get its 500 again;</li>
     * <li>502, 503, 504 (a proxy or an overloaded server): GET and DELETE, which are idempotent;</li>
     * <li>no response because the request never left (connection refused, connect timeout, unknown host): any
     * method;</li>
     * <li>no response after the request may have reached Stora (reset, response timeout): GET and DELETE, and a POST
     * with its Idempotency-Key (the same key makes Stora process it at most once). Not PATCH: Stora's idempotency keys
     * cover POST only, and an update applied twice can fire its webhooks and timeline entries twice.</li>
     * </ul>
     */
    public static boolean isRetryable(StoraRequest request, StoraResponse response, Throwable failure) {
        HttpMethod method = request.operation().method();
        boolean idempotent = method == HttpMethod.GET || method == HttpMethod.DELETE;
        if (failure == null) {
            int status = response == null ? 0 : response.status();
            return idempotent && (status == 502 || status == 503 || status == 504);
        }
        if (!(failure instanceof StoraApiException api) || failure instanceof StoraRateLimitException
                || api.isResponseReceived() || !(api.getCause() instanceof IOException io)) {
            return false; // a programming or configuration error, or a refusal of our own limiter: repeating won't help
        }
        if (neverSent(io)) {
            return true;
        }
        return idempotent || method == HttpMethod.POST && request.idempotencyKey() != null;
    }

    /** Why an attempt is retried, for the {@code reason} tag of {@code stora.retries}: see {@link #isRetryable}. */
    static String retryReason(StoraResponse response, Throwable failure) {
        if (failure == null) {
            return "http_" + (response == null ? 0 : response.status());
        }
        return failure.getCause() instanceof IOException io && neverSent(io) ? "not_sent" : "no_response";
    }

    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof RequestNotExecutedException;
    }

    private static String outcome(StoraResponse response, Throwable failure) {
        if (failure != null) {
            return failure.getMessage();
        }
        return response == null ? "no result" : "HTTP " + response.status();
    }

    private static String requestId(StoraRequest request, StoraResponse response) {
        String id = StoraErrors.fromResponse(request, response).getRequestId();
        return id == null ? "n/a" : id;
    }

    /**
     * Failsafe's scheduler: the first attempt runs at once on the caller's thread (a routing thread when the limiter has a slot);
     * a delayed attempt waits on the timer and then runs on {@code workExecutor}, so the timer thread only ever
     * hands over.
     */
    private static Scheduler scheduler(ScheduledExecutorService timer, Executor workExecutor) {
        return new Scheduler() {
            @Override
            public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
                if (delay <= 0 || timer == null) {
                    call(callable);
                    return new DefaultScheduledFuture<>();
                }
                return timer.schedule(() -> {
                    try {
                        workExecutor.execute(() -> call(callable));
                    } catch (RejectedExecutionException e) {
                        call(callable);
                    }
                }, delay, unit);
            }
        };
    }

    private static void call(Callable<?> callable) {
        try {
            callable.call();
        } catch (Exception e) {
            // Failsafe's callables record their own failures; anything else is a bug worth seeing
            LOG.warn("Unexpected failure scheduling a Stora call: {}", e.toString(), e);
        }
    }
}
