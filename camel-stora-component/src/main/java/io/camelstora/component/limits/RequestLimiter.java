package io.camelstora.component.limits;

import java.util.concurrent.CompletableFuture;

import io.camelstora.component.http.StoraResponse;

/** Decides when the next request of an account may be sent. Shared by every endpoint of the account. */
public interface RequestLimiter {

    /** No limit: every request goes at once. */
    RequestLimiter UNLIMITED = () -> CompletableFuture.completedFuture(null);

    /** Completes when one request may be sent; never blocks the caller. */
    CompletableFuture<Void> acquire();

    /** Sees every response, to learn from {@code RateLimit-*} headers and 429s. */
    default void onResponse(StoraResponse response) {
    }
}
