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
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelstora.component.auth.OAuthTokens;

/**
 * OAuth 2 client credentials (https://docs.stora.co/2025-09/guides/authentication, option B): an access token fetched when first needed, shared
 * by every endpoint of the account, renewed before it expires or when Stora rejects it.
 */
public final class ClientCredentialsTokenSource extends RenewingTokenSource {

    private final StoraTokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;

    public ClientCredentialsTokenSource(StoraTokenEndpoint endpoint, String clientId, String clientSecret,
                                        List<String> scopes, Duration refreshMargin, Clock clock) {
        super(clock, refreshMargin);
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = List.copyOf(scopes);
    }

    /** Client id, secret and scopes, as a fingerprint: another secret or other scopes is another token. */
    public static String accountId(String clientId, String clientSecret, List<String> scopes) {
        return "client-credentials:" + StaticAccessToken.fingerprint(clientId + "\n" + clientSecret + "\n"
                + String.join(" ", scopes.stream().sorted().toList()));
    }

    @Override
    protected CompletableFuture<OAuthTokens> fetch() {
        return endpoint.clientCredentials(clientId, clientSecret, scopes);
    }

    @Override
    protected String describe() {
        return "client credentials " + accountId();
    }

    @Override
    public String accountId() {
        return accountId(clientId, clientSecret, scopes);
    }
}
