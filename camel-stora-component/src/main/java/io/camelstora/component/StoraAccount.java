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

import io.camelstora.component.auth.TokenStore;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Which Stora account: the API's base URL and the credentials (a static token, OAuth 2 client credentials, or an
 * authorization code grant with its token store). Two configurations with the same base URL and credentials are the
 * same account and share one token cache, rate limiter and set of statistics.
 * <p>
 * Public because it is what applications serving many operators register, one bean per operator, and name per
 * exchange with the {@code CamelStoraAccount} header (see docs/accounts.md); {@link StoraConfiguration} extends it, so
 * the component and endpoints name their account with the same options. How the account's calls are made (rate
 * limits, retries, timeouts, connections, proxy, TLS) is not here: those are options of {@link StoraComponent}, shared
 * by every account of the component.
 */
@UriParams
public class StoraAccount {

    public static final String DEFAULT_BASE_URL = "https://public-api.stora.co";

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
            description = "The Stora API base URL, without the version path. Point it at the Stora simulator in tests.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security", secret = true,
            description = "A static access token generated in BackOffice (Settings, Public API). Sent as Authorization: Bearer.")
    private String accessToken;

    @UriParam(label = "security", secret = true,
            description = "The client id of an OAuth 2 application (BackOffice, Settings, Public API). With clientSecret and"
                    + " scopes it gets tokens by client credentials; with refreshToken or a token store (tokenStore,"
                    + " tokenStoreFile) by authorization code, refreshing them as they expire.")
    private String clientId;

    @UriParam(label = "security", secret = true,
            description = "The client secret of the OAuth 2 application. Required with client credentials; with authorization"
                    + " code it is sent when set (a public client using PKCE may have none).")
    private String clientSecret;

    @UriParam(label = "security",
            description = "The scopes to request by client credentials, separated by spaces or commas (sent space-separated),"
                    + " e.g. public.contact:read public.order:write. Required with client credentials; with"
                    + " authorization code the token keeps the scopes the operator granted and this option is not used.")
    private String scopes;

    @UriParam(label = "security", secret = true,
            description = "The refresh token of an authorization code grant. It only seeds an empty token store: Stora rotates"
                    + " refresh tokens on every refresh, so the current one is read from the store (tokenStore or"
                    + " tokenStoreFile, one of which is required), never from this option once the store holds one.")
    private String refreshToken;

    @UriParam(label = "security",
            description = "Where the current refresh token of an authorization code grant is kept (a bean implementing"
                    + " io.camelstora.component.auth.TokenStore, e.g. #bean:storaTokens): a JdbcTokenStore or a"
                    + " StateRepositoryTokenStore over a shared repository when several nodes use the authorization."
                    + " Use either this or tokenStoreFile.")
    private TokenStore tokenStore;

    @UriParam(label = "security",
            description = "A file keeping the current refresh token of an authorization code grant, for one node: written"
                    + " atomically and readable by its owner only. Put it on persistent storage; use one file per"
                    + " authorization (per operator). Use either this or tokenStore.")
    private String tokenStoreFile;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getTokenStoreFile() {
        return tokenStoreFile;
    }

    public void setTokenStoreFile(String tokenStoreFile) {
        this.tokenStoreFile = tokenStoreFile;
    }
}
