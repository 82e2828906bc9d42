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
package io.camelstora.component.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.auth.OAuthTokens;
import io.camelstora.component.auth.StoraAuthorization;
import io.camelstora.component.auth.TokenStore;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.internal.http.StoraErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2 authorization code (https://docs.stora.co/2025-09/guides/authentication, option C): access tokens come from a refresh token, and every
 * refresh answers a new refresh token and revokes the one sent. The newest is kept in a {@link TokenStore}:
 * <ul>
 * <li>each refresh reads the store first, so a restart, or another node that rotated the token, is picked up; the
 * configured refresh token only seeds an empty store, and a stale configured token is never sent again (a server may
 * take a revoked token presented again as stolen and revoke the whole authorization);</li>
 * <li>the rotated token is saved before the new access token is used;</li>
 * <li>when Stora answers {@code invalid_grant}, the store is read again (and once more a second later): if another
 * node rotated the token meanwhile, the refresh is retried once with the stored one, else the error tells to
 * re-authorise.</li>
 * </ul>
 */
public final class RefreshTokenSource extends RenewingTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenSource.class);

    /** How long another node may take to save a token it rotated: a request and a store write. */
    static final Duration ROTATION_GRACE = Duration.ofSeconds(1);

    private final StoraTokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String configuredRefreshToken;
    private final TokenStore store;
    /** A rotated token the store failed to save: used (and saved) next time instead of the store's revoked one. */
    private volatile String unsaved;

    /**
     * @param configuredRefreshToken seeds an empty store; may be {@code null} when the store was filled by
     *                               {@link StoraAuthorization}
     * @param clientSecret           may be {@code null} for a public client using PKCE
     */
    public RefreshTokenSource(StoraTokenEndpoint endpoint, String clientId, String clientSecret,
                              String configuredRefreshToken, TokenStore store, Duration refreshMargin, Clock clock) {
        super(clock, refreshMargin);
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.configuredRefreshToken = configuredRefreshToken;
        this.store = store;
    }

    public static String accountId(TokenStore store) {
        return "authorization-code:" + store.id();
    }

    @Override
    public String accountId() {
        return accountId(store);
    }

    @Override
    protected String describe() {
        return "the authorization in " + store.id();
    }

    @Override
    protected CompletableFuture<OAuthTokens> fetch() {
        String refreshToken = currentRefreshToken();
        return endpoint.refresh(clientId, clientSecret, refreshToken)
                .thenApply(tokens -> keep(refreshToken, tokens))
                .exceptionallyCompose(error -> {
                    Throwable cause = StoraErrors.unwrap(error);
                    if (!(cause instanceof StoraApiException e) || !"invalid_grant".equals(e.getCode())) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    return rotatedElsewhere(refreshToken).thenCompose(stored -> {
                        if (stored == null) {
                            return CompletableFuture.failedFuture(cause);
                        }
                        LOG.info("The refresh token of {} was rotated elsewhere (another node?): retrying with the stored one",
                                store.id());
                        return endpoint.refresh(clientId, clientSecret, stored)
                                .thenApply(tokens -> keep(stored, tokens));
                    });
                });
    }

    /**
     * The token another node saved after rotating {@code sent}, or {@code null}. That node may still be waiting for its
     * answer when ours (rejected) arrives, so the store is read again after {@link #ROTATION_GRACE} before giving up.
     */
    private CompletableFuture<String> rotatedElsewhere(String sent) {
        String stored = store.load();
        if (stored != null && !stored.equals(sent)) {
            return CompletableFuture.completedFuture(stored);
        }
        return CompletableFuture.supplyAsync(() -> {
            String later = store.load();
            return later != null && !later.equals(sent) ? later : null;
        }, CompletableFuture.delayedExecutor(ROTATION_GRACE.toMillis(), TimeUnit.MILLISECONDS));
    }

    private String currentRefreshToken() {
        String pending = unsaved;
        if (pending != null) {
            if (trySave(pending)) {
                unsaved = null;
            }
            return pending;
        }
        String stored = store.load();
        if (stored != null) {
            return stored;
        }
        if (configuredRefreshToken != null) {
            LOG.info("The token store {} is empty: starting from the configured refreshToken", store.id());
            return configuredRefreshToken;
        }
        throw new IllegalStateException("No Stora refresh token: the token store " + store.id() + " is empty and no"
                + " refreshToken is configured; authorise the application with StoraAuthorization"
                + " or StoraAuthorizeCommand (docs/authentication.md)");
    }

    /** Saves the refresh token Stora rotated {@code sent} into; returns the tokens unchanged. */
    private OAuthTokens keep(String sent, OAuthTokens tokens) {
        String rotated = tokens.refreshToken();
        if (rotated != null && !rotated.equals(sent)) {
            if (trySave(rotated)) {
                unsaved = null;
                LOG.debug("Saved the rotated refresh token in {}", store.id());
            } else {
                unsaved = rotated;
            }
        }
        return tokens;
    }

    private boolean trySave(String refreshToken) {
        try {
            store.save(refreshToken);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Could not save the rotated Stora refresh token in {}: {}. It is kept in memory and saved on the next"
                    + " refresh; if this process stops first, the application must be authorised again",
                    store.id(), e.getMessage());
            return false;
        }
    }
}
