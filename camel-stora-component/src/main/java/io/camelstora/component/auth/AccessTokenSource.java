package io.camelstora.component.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Where the bearer token of an account comes from. One instance serves every endpoint of the account, so
 * implementations fetch and renew tokens once for all concurrent callers.
 */
public interface AccessTokenSource {

    /** A token that is valid now, fetched or renewed first when needed. */
    CompletableFuture<String> accessToken();

    /**
     * The API rejected {@code token} with 401 {@code invalid_token}. Returns whether a different token can be obtained,
     * in which case the call is replayed once with it.
     */
    default boolean rejected(String token) {
        return false;
    }

    /**
     * Identifies the account for sharing clients, limiters and token caches among endpoints. Never contains a
     * secret: implementations use a client id or a one-way fingerprint.
     */
    String accountId();
}
