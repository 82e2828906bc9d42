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
package io.camelstora.component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.TokenStore;
import io.camelstora.component.internal.auth.AccessTokenSource;
import io.camelstora.component.internal.auth.ClientCredentialsTokenSource;
import io.camelstora.component.internal.auth.RefreshTokenSource;
import io.camelstora.component.internal.auth.StaticAccessToken;
import io.camelstora.component.internal.auth.StoraTokenEndpoint;

/**
 * Which of the three ways to authenticate a configuration uses, checked once and explicitly:
 * <ol>
 * <li>{@code accessToken}: a static token, alone (with any OAuth option it is ambiguous and rejected);</li>
 * <li>{@code clientId} with a token store ({@code tokenStore} or {@code tokenStoreFile}) and optionally
 * {@code refreshToken}: authorization code with refresh token rotation;</li>
 * <li>{@code clientId}, {@code clientSecret} and {@code scopes}: client credentials;</li>
 * </ol>
 * none of them: no credentials, only the calls that need no token work.
 */
final class StoraCredentials {

    enum Kind {
        STATIC_TOKEN,
        AUTHORIZATION_CODE,
        CLIENT_CREDENTIALS,
        NONE
    }

    private final Kind kind;
    private final StoraAccount config;
    private final List<String> scopes;
    private final TokenStore store;

    private StoraCredentials(Kind kind, StoraAccount config, List<String> scopes, TokenStore store) {
        this.kind = kind;
        this.config = config;
        this.scopes = scopes;
        this.store = store;
    }

    /**
     * Resolves and checks the credentials of {@code config}.
     *
     * @param  where                    names the endpoint or component in error messages
     * @throws IllegalArgumentException naming the options that conflict or are missing, and what to set
     */
    static StoraCredentials of(StoraAccount config, String where) {
        boolean token = isSet(config.getAccessToken());
        boolean clientId = isSet(config.getClientId());
        boolean secret = isSet(config.getClientSecret());
        boolean refresh = isSet(config.getRefreshToken());
        boolean storeBean = config.getTokenStore() != null;
        boolean storeFile = isSet(config.getTokenStoreFile());
        List<String> scopes = StoraTokenEndpoint.parseScopes(config.getScopes());

        if (token) {
            List<String> oauth = new ArrayList<>();
            addIf(oauth, clientId, "clientId");
            addIf(oauth, secret, "clientSecret");
            addIf(oauth, refresh, "refreshToken");
            addIf(oauth, storeBean, "tokenStore");
            addIf(oauth, storeFile, "tokenStoreFile");
            if (!oauth.isEmpty()) {
                throw new IllegalArgumentException("Ambiguous Stora credentials on " + where + ": accessToken and "
                        + String.join(", ", oauth) + " are set. Use either a static accessToken or"
                        + " an OAuth 2 application (clientId with clientSecret and scopes, or"
                        + " with refreshToken and a token store)");
            }
            return new StoraCredentials(Kind.STATIC_TOKEN, config, scopes, null);
        }
        if (storeBean && storeFile) {
            throw new IllegalArgumentException("Both tokenStore and tokenStoreFile are set on " + where + "; use one of them");
        }
        boolean authorizationCode = refresh || storeBean || storeFile;
        if (authorizationCode) {
            if (!clientId) {
                throw new IllegalArgumentException("clientId is missing on " + where + ": refreshing the OAuth 2 authorization"
                        + " code grant (refreshToken, tokenStore, tokenStoreFile) needs the"
                        + " application's clientId (and clientSecret unless it is a public client)");
            }
            if (!storeBean && !storeFile) {
                throw new IllegalArgumentException(
                        "refreshToken on " + where + " needs a token store: Stora revokes the refresh"
                                + " token on every refresh, so the new one must be kept where a restart"
                                + " finds it. Set tokenStoreFile (one node) or tokenStore (e.g. a"
                                + " JdbcTokenStore for several nodes); see docs/authentication.md");
            }
            TokenStore store = storeBean ? config.getTokenStore() : new FileTokenStore(Path.of(config.getTokenStoreFile()));
            return new StoraCredentials(Kind.AUTHORIZATION_CODE, config, scopes, store);
        }
        if (clientId || secret) {
            List<String> missing = new ArrayList<>();
            addIf(missing, !clientId, "clientId");
            addIf(missing, !secret, "clientSecret");
            addIf(missing, scopes.isEmpty(), "scopes");
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " missing on " + where + ": OAuth 2 client credentials need clientId,"
                        + " clientSecret and scopes (e.g. scopes=public.contact:read"
                        + " public.order:write); for authorization code set refreshToken and a"
                        + " token store instead");
            }
            return new StoraCredentials(Kind.CLIENT_CREDENTIALS, config, scopes, null);
        }
        return new StoraCredentials(Kind.NONE, config, scopes, null);
    }

    Kind kind() {
        return kind;
    }

    /** Identifies the account without a secret: endpoints with the same account share one client and token cache. */
    String accountId() {
        return switch (kind) {
            case STATIC_TOKEN -> "token:" + StaticAccessToken.fingerprint(config.getAccessToken());
            case CLIENT_CREDENTIALS ->
                ClientCredentialsTokenSource.accountId(config.getClientId(), config.getClientSecret(), scopes);
            case AUTHORIZATION_CODE -> RefreshTokenSource.accountId(store);
            case NONE -> "anonymous";
        };
    }

    /**
     * Identifies the account alike on every node, for what they share (the rate-limit bucket): {@link #accountId()},
     * except for an authorization code grant, whose id names its token store's instance, where it is the client id.
     */
    String sharedId() {
        return kind == Kind.AUTHORIZATION_CODE ? "code:" + config.getClientId() : accountId();
    }

    /** @param margin how long before expiry a token is renewed (the component's tokenRefreshMargin) */
    AccessTokenSource tokenSource(StoraTokenEndpoint endpoint, Clock clock, Duration margin) {
        return switch (kind) {
            case STATIC_TOKEN -> new StaticAccessToken(config.getAccessToken());
            case CLIENT_CREDENTIALS ->
                new ClientCredentialsTokenSource(endpoint, config.getClientId(), config.getClientSecret(),
                        scopes, margin, clock);
            case AUTHORIZATION_CODE -> new RefreshTokenSource(endpoint, config.getClientId(),
                    isSet(config.getClientSecret()) ? config.getClientSecret() : null,
                    isSet(config.getRefreshToken()) ? config.getRefreshToken() : null, store, margin, clock);
            case NONE -> new MissingCredentials();
        };
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void addIf(List<String> list, boolean condition, String name) {
        if (condition) {
            list.add(name);
        }
    }

    /**
     * No credentials were configured: calls that need none (images, the OAuth 2 token and revoke calls) work, the
     * others fail saying what to configure.
     */
    private static final class MissingCredentials implements AccessTokenSource {
        @Override
        public CompletableFuture<String> accessToken() {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "No Stora credentials: set accessToken, or clientId with clientSecret and scopes (client credentials),"
                            + " or clientId with refreshToken and a token store (authorization code), on the stora component or"
                            + " endpoint; see docs/authentication.md"));
        }

        @Override
        public String accountId() {
            return "anonymous";
        }
    }
}
