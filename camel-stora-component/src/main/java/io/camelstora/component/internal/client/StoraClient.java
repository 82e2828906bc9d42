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
package io.camelstora.component.internal.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.camelstora.component.catalog.ResponseShape;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.auth.AccessTokenSource;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraHttpTransport;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.limits.AccountStatsRecorder;
import io.camelstora.component.internal.limits.CallPolicy;
import io.camelstora.component.limits.RequestLimiter;

/**
 * The calls of one Stora account: every endpoint and consumer using the same base URL and credentials shares one
 * client, hence one token cache and one rate limiter. The transport (connection pool, proxy, TLS) is its component's,
 * shared with the component's other accounts and closed by the component.
 * <p>
 * {@link #call(StoraRequest)} completes with a 2xx response or exceptionally with a {@link StoraApiException}.
 */
public class StoraClient {

    private final String baseUrl;
    private final StoraHttpTransport transport;
    private final AccessTokenSource tokens;
    private final RequestLimiter limiter;
    private final CallPolicy calls;
    private final Executor workExecutor;

    /**
     * @param calls        replays 429s and retries what is safe to retry around each attempt
     * @param workExecutor where {@link #submit} sends: the component's worker pool
     */
    public StoraClient(String baseUrl, StoraHttpTransport transport, AccessTokenSource tokens, RequestLimiter limiter,
                       CallPolicy calls, Executor workExecutor) {
        this.baseUrl = baseUrl;
        this.transport = transport;
        this.tokens = tokens;
        this.limiter = limiter;
        this.calls = calls;
        this.workExecutor = workExecutor;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The transport of this account, shared with its token requests. */
    public StoraHttpTransport getTransport() {
        return transport;
    }

    public AccessTokenSource getTokens() {
        return tokens;
    }

    public RequestLimiter getLimiter() {
        return limiter;
    }

    /** What throttling and retries did for this account. */
    public AccountStatsRecorder getStats() {
        return calls.getStats();
    }

    /** Sends the request; completes with the 2xx response, or exceptionally with a {@link StoraApiException}. */
    public CompletableFuture<StoraResponse> call(StoraRequest request) {
        long start = System.nanoTime();
        return calls.execute(request, () -> attempt(request, true)).thenCompose(response -> {
            if (request.operation().responseShape() == ResponseShape.BINARY && isRedirect(response)) {
                return followRedirect(request, response);
            }
            return response.isSuccess()
                    ? CompletableFuture.completedFuture(response)
                    : CompletableFuture.failedFuture(StoraErrors.fromResponse(request, response));
        }).whenComplete((response, error) -> getStats().callCompleted(request, response, error, System.nanoTime() - start));
    }

    /**
     * As {@link #call}, sent from the account's worker pool: returns at once, so that one thread can keep several
     * pages of a list in flight. The transport sends on the calling thread, hence the hand-over.
     */
    public CompletableFuture<StoraResponse> submit(StoraRequest request) {
        return CompletableFuture.supplyAsync(() -> call(request), workExecutor).thenCompose(Function.identity());
    }

    /**
     * One attempt, plus one replay with a fresh token when the API rejected the token (401 {@code invalid_token}) and
     * the token source can renew it. Other 401s are not about the token's age and are answered as they are. The replay
     * carries the same Idempotency-Key.
     */
    private CompletableFuture<StoraResponse> attempt(StoraRequest request, boolean mayRenewToken) {
        CompletableFuture<String> token = request.operation().requiresAccessToken()
                ? tokens.accessToken()
                : CompletableFuture.completedFuture(null);
        return token
                .thenCompose(t -> limiter.acquire()
                        .thenCompose(permit -> send(permit, request, t))
                        .handle((response, error) -> {
                            if (error != null) {
                                throw new CompletionException(StoraErrors.noResponse(request, StoraErrors.unwrap(error)));
                            }
                            return response;
                        })
                        .thenCompose(response -> {
                            if (mayRenewToken && t != null && StoraErrors.isInvalidToken(response) && tokens.rejected(t)) {
                                return attempt(request, false);
                            }
                            return CompletableFuture.completedFuture(response);
                        }));
    }

    /** Sends with a permit of the limiter, which learns of the response (a 429 pauses the account) and then frees it. */
    private CompletableFuture<StoraResponse> send(RequestLimiter.Permit permit, StoraRequest request, String token) {
        long start = System.nanoTime();
        CompletableFuture<StoraResponse> sent;
        try {
            sent = transport.send(baseUrl, request, token, permit::sent);
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
        return sent.whenComplete((response, error) -> {
            if (response != null) {
                limiter.onResponse(response);
            }
            permit.release();
            getStats().requestCompleted(request, response, error, System.nanoTime() - start);
        });
    }

    private CompletableFuture<StoraResponse> followRedirect(StoraRequest request, StoraResponse redirect) {
        // images answer with a redirect to a pre-signed storage URL; it is fetched without our credentials
        String target = URI.create(baseUrl + request.path()).resolve(redirect.header("Location")).toString();
        return transport.getUnauthenticated(target).handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(StoraErrors.noResponse(request, StoraErrors.unwrap(error)));
            }
            if (!response.isSuccess()) {
                throw new CompletionException(StoraErrors.fromResponse(request, response));
            }
            return response;
        });
    }

    private static boolean isRedirect(StoraResponse response) {
        return response.status() >= 300 && response.status() < 400 && response.header("Location") != null;
    }

}
