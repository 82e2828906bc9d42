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
