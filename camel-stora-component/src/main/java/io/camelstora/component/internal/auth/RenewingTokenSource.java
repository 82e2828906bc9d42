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
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.camelstora.component.auth.OAuthTokens;
import io.camelstora.component.internal.http.StoraErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches a short-lived OAuth 2 access token and renews it single-flight: however many exchanges ask at once for a
 * token that is missing, expiring or rejected, one token request is sent and all of them continue when it answers. No
 * thread waits meanwhile; callers get a future.
 * <p>
 * A token is renewed {@code refreshMargin} before it expires, or halfway through its life when that comes later (so a
 * token living less than twice the margin is still used).
 */
abstract class RenewingTokenSource implements AccessTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(RenewingTokenSource.class);

    private final Clock clock;
    private final Duration refreshMargin;

    /** The token in use and when to renew it; guarded by {@code this}. */
    private Issued current;
    /** The renewal in flight, shared by every caller until it completes; guarded by {@code this}. */
    private CompletableFuture<Issued> renewal;

    private record Issued(String accessToken, Instant renewAt) {
    }

    RenewingTokenSource(Clock clock, Duration refreshMargin) {
        this.clock = clock;
        this.refreshMargin = refreshMargin;
    }

    /** Sends one token request. Called by at most one caller at a time. */
    protected abstract CompletableFuture<OAuthTokens> fetch();

    /** How the grant is named in logs: no secrets. */
    protected abstract String describe();

    @Override
    public CompletableFuture<String> accessToken() {
        CompletableFuture<Issued> pending;
        boolean mine = false;
        synchronized (this) {
            if (current != null && clock.instant().isBefore(current.renewAt())) {
                return CompletableFuture.completedFuture(current.accessToken());
            }
            if (renewal == null) {
                renewal = new CompletableFuture<>();
                mine = true;
            }
            pending = renewal;
        }
        if (mine) {
            renew(pending);
        }
        return pending.thenApply(Issued::accessToken);
    }

    /**
     * Forgets {@code token} if it is still the current one, so the next {@link #accessToken()} fetches a new one; a
     * token already replaced by a concurrent renewal is left alone. Always true: a renewal can be tried.
     */
    @Override
    public boolean rejected(String token) {
        synchronized (this) {
            if (current != null && current.accessToken().equals(token)) {
                LOG.debug("Stora rejected the access token of {}: renewing it", describe());
                current = null;
            }
        }
        return true;
    }

    private void renew(CompletableFuture<Issued> pending) {
        CompletableFuture<OAuthTokens> fetched;
        try {
            fetched = fetch();
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete((tokens, error) -> {
            Issued issued = error == null ? issue(tokens) : null;
            synchronized (this) {
                if (issued != null) {
                    current = issued;
                }
                renewal = null;
            }
            if (issued != null) {
                pending.complete(issued);
            } else {
                Throwable cause = StoraErrors.unwrap(error);
                LOG.debug("Could not get an access token for {}: {}", describe(), cause.getMessage());
                pending.completeExceptionally(cause);
            }
        });
    }

    private Issued issue(OAuthTokens tokens) {
        Duration lifetime = tokens.expiresIn();
        Duration margin = refreshMargin.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : refreshMargin;
        Instant renewAt = clock.instant().plus(lifetime).minus(margin);
        LOG.debug("Got an access token for {}: scopes {}, expires in {} s, renewed in {} s", describe(), tokens.scopes(),
                lifetime.toSeconds(), lifetime.minus(margin).toSeconds());
        return new Issued(tokens.accessToken(), renewAt);
    }
}
