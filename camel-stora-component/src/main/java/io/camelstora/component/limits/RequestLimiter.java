package io.camelstora.component.limits;

import java.util.concurrent.CompletableFuture;

import io.camelstora.component.http.StoraResponse;

/**
 * Decides when the next request of an account may be sent. Shared by every endpoint and consumer of the account.
 * <p>
 * The component creates a {@link SlidingWindowRateLimiter} per account; set the {@code rateLimiter} option to a bean
 * of this interface to use another one, such as a {@link Bucket4jRequestLimiter} shared by several nodes.
 */
public interface RequestLimiter {

    /** The right to send one request. */
    @FunctionalInterface
    interface Permit {

        /** A permit whose release tells nothing. */
        Permit NONE = () -> {
        };

        /**
         * The request sent with this permit got its response or failed. The server saw it at the latest now, so a
         * limiter may measure the permit's window from this instant instead of from when it granted the permit.
         */
        void release();
    }

    /** No limit: every request goes at once. */
    RequestLimiter UNLIMITED = () -> CompletableFuture.completedFuture(Permit.NONE);

    /**
     * Completes when one request may be sent; never blocks the caller. Completes exceptionally with a
     * {@link RateLimitWaitException} when the wait would be longer than the caller may wait.
     */
    CompletableFuture<Permit> acquire();

    /** Sees every response, to learn from {@code RateLimit-*} headers and to pause every caller after a 429. */
    default void onResponse(StoraResponse response) {
    }
}
