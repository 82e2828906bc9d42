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
package io.camelstora.component.internal.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.limits.RequestLimiter;
import io.camelstora.component.limits.StoraAccountStats;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness of one Stora account (base URL and credentials), shared by all its producers and consumers:
 * <ul>
 * <li>DOWN when no access token can be obtained (a renewal or the first fetch fails or does not answer within
 * {@link #TOKEN_WAIT}), or when Stora rejected the token the latest request carried (401);</li>
 * <li>DOWN when the latest requests did not reach the API (no response, or 502/503/504), until one does;</li>
 * <li>UP otherwise, before the first call too. A 429 pause is throttling doing its job: it shows in the details, the
 * account stays UP.</li>
 * </ul>
 * It judges from the calls the routes make and sends nothing itself, unless {@code healthCheckProbeInterval} is set:
 * then, when no request of the account got an answer within that interval, the check sends one
 * {@code GET /oauth2/token/info} through the account's limiter (never more than one at a time) and reports its
 * outcome from the next invocation on.
 * <p>
 * Details never hold a secret: the account is named by its base URL and credential fingerprint, failures by their
 * messages, which never carry tokens.
 */
public final class StoraAccountHealthCheck extends AbstractHealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoraAccountHealthCheck.class);
    /** How long one invocation waits for a token being fetched: health endpoints must answer quickly. */
    static final Duration TOKEN_WAIT = Duration.ofSeconds(3);
    public static final String ID_PREFIX = "stora-account:";

    private final String account;
    private final StoraClient client;
    private final boolean credentials;
    private final Duration probeInterval;
    private final AtomicBoolean probing = new AtomicBoolean();

    /**
     * @param account       the account key: base URL and credential fingerprint, as in {@code getAccountStats()}
     * @param credentials   whether the account has credentials at all (an account without may only call the
     *                      operations that need no token)
     * @param probeInterval how long the account may go without an answer before the check sends a request of its
     *                      own; zero for never
     */
    public StoraAccountHealthCheck(String account, StoraClient client, boolean credentials, Duration probeInterval) {
        super("stora", ID_PREFIX + account);
        this.account = account;
        this.client = client;
        this.credentials = credentials;
        this.probeInterval = probeInterval;
    }

    @Override
    public boolean isLiveness() {
        // restarting the application fixes neither credentials nor an API outage
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StoraAccountStats stats = client.getStats();
        builder.detail("stora.account", account);
        builder.detail("stora.base.url", client.getBaseUrl());
        limiterDetails(builder, client.getLimiter().state(), stats);
        StoraAccountStats.ApiContact last = stats.getLastContact();
        if (last != null) {
            builder.detail("api.last.request.time", last.at().toString());
            builder.detail("api.last.request.status", last.status());
        }
        StoraAccountStats.ApiContact reached = stats.getLastReached();
        if (reached != null) {
            builder.detail("api.last.answer.time", reached.at().toString());
        }
        if (!probeInterval.isZero() && !probeInterval.isNegative()) {
            builder.detail("api.probe.interval", probeInterval.toString());
            probeIfQuiet(reached);
        }

        String tokenProblem = credentials ? tokenProblem() : null;
        builder.detail("token", !credentials ? "none configured" : tokenProblem == null ? "available" : "unavailable");
        if (tokenProblem != null) {
            builder.message(tokenProblem).down();
            return;
        }
        int unreached = stats.getUnreachedInARow();
        if (unreached > 0) {
            builder.detail("api.unreached.requests", unreached);
            builder.detail("api.unreached.since", stats.getUnreachedSince().toString());
            builder.message("The Stora API of account " + account + " was not reached by the last " + unreached
                    + " request(s), since " + stats.getUnreachedSince() + ": " + describe(last))
                    .down();
            return;
        }
        if (last != null && last.status() == 401) {
            builder.message("Stora rejected the access token of account " + account + " (401) at " + last.at()
                    + ": renew or replace the credentials")
                    .down();
            return;
        }
        builder.up();
    }

    private static void limiterDetails(HealthCheckResultBuilder builder, RequestLimiter.State state, StoraAccountStats stats) {
        builder.detail("rate.limit.waiting", state.waiting());
        if (state.available() != null) {
            builder.detail("rate.limit.available", state.available());
        }
        if (state.pausedUntil() != null) {
            builder.detail("rate.limit.paused.until", state.pausedUntil().toString());
        }
        builder.detail("rate.limit.responses", stats.getRateLimitedResponses());
        builder.detail("rate.limit.refused", stats.getRefusedByLimiter());
        builder.detail("requests", stats.getRequests());
        builder.detail("retries", stats.getRetries());
    }

    /** Why no token can be had, or {@code null} when one can; never the token itself. */
    private String tokenProblem() {
        CompletableFuture<String> token = client.getTokens().accessToken();
        try {
            token.get(TOKEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = StoraErrors.unwrap(e);
            return "Cannot obtain an access token for Stora account " + account + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "No access token for Stora account " + account + " yet: the token request has not answered within "
                    + TOKEN_WAIT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while waiting for an access token for Stora account " + account;
        }
    }

    /** Sends one cheap authenticated request when nothing answered within the probe interval. */
    private void probeIfQuiet(StoraAccountStats.ApiContact reached) {
        StoraAccountStats.ApiContact last = client.getStats().getLastContact();
        Instant latest = last == null ? null : last.at();
        if (!credentials || latest != null && latest.plus(probeInterval).isAfter(Instant.now())
                || !probing.compareAndSet(false, true)) {
            return;
        }
        StoraOperation op = StoraOperation.OAUTH_INFO;
        StoraRequest probe = new StoraRequest(op, op.pathTemplate(), Map.of(), null, StoraRequest.JSON, StoraFormat.JSON, null);
        LOG.debug("Probing Stora account {}: no answer since {}", account, reached == null ? "start" : reached.at());
        try {
            client.call(probe).whenComplete((response, error) -> {
                probing.set(false);
                if (error != null) {
                    LOG.debug("Probe of Stora account {} failed: {}", account, error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            probing.set(false);
            LOG.debug("Probe of Stora account {} could not be sent: {}", account, e.getMessage());
        }
    }

    private static String describe(StoraAccountStats.ApiContact contact) {
        if (contact == null) {
            return "no request";
        }
        return contact.status() > 0 ? "HTTP " + contact.status() : contact.failure();
    }
}
