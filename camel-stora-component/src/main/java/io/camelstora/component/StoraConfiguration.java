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
import io.camelstora.component.limits.RequestLimiter;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options shared by every endpoint of a Stora account: where the API is, how to authenticate, how to talk HTTP and
 * how results are shaped. Set on the component they apply to all its endpoints; an endpoint may override any of them.
 */
@UriParams
public class StoraConfiguration implements Cloneable {

    public static final String DEFAULT_STATE_DIRECTORY = ".camel-stora";

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

    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration",
            description = "How long before an OAuth 2 access token expires it is renewed (or halfway through its life when that"
                    + " is later), in milliseconds.")
    private long tokenRefreshMargin = 60000;

    @UriParam(label = "producer", defaultValue = "true",
            description = "Return only the content of the response document (the object under contact, the list under contacts,"
                    + " the success object of deletes and bulk actions) instead of the whole document with its meta.")
    private boolean unwrap = true;

    @UriParam(label = "common", defaultValue = "MAP", enums = "MAP,JSON_NODE,STRING",
            description = "The Java type of a JSON result or polled record: MAP (java.util.Map or List of maps), JSON_NODE (Jackson) or STRING (the JSON text).")
    private StoraOutputType outputType = StoraOutputType.MAP;

    @UriParam(label = "producer", defaultValue = "true",
            description = "Check the metadata of a request body against the API's rules (at most 20 keys of at most 40 characters from"
                    + " a-z 0-9 . _ : -, string values of at most 500 characters, null only to remove a key on update) before sending it.")
    private boolean validateMetadata = true;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
            description = "How long to wait for a connection to the API, in milliseconds.")
    private long connectTimeout = 10000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
            description = "How long to wait for a response once a request was sent, in milliseconds.")
    private long responseTimeout = 30000;

    @UriParam(label = "advanced", defaultValue = "20",
            description = "Connections kept open to the API per account (all endpoints of the account share them).")
    private int maxConnections = 20;

    @UriParam(label = "throttling", defaultValue = "true",
            description = "Keep the account's calls within its rate limits (rateLimitPerSecond, rateLimitPerMinute) by making"
                    + " them wait for their turn without blocking a thread, and replay a call Stora answered 429 once"
                    + " RateLimit-Reset has passed, pausing every call of the account until then. Shared by every endpoint"
                    + " and consumer of the account. Turn off only when something else paces the calls: a 429 then fails the call.")
    private boolean throttle = true;

    @UriParam(label = "throttling", defaultValue = "10",
            description = "Requests the account may send in any one second (Stora's default plan: 10); 0 for no per-second limit.")
    private int rateLimitPerSecond = 10;

    @UriParam(label = "throttling", defaultValue = "60",
            description = "Requests the account may send in any one minute (Stora's default plan: 60); 0 for no per-minute limit.")
    private int rateLimitPerMinute = 60;

    @UriParam(label = "throttling,advanced",
            description = "The account's limits as comma-separated windows of requests/period, e.g. 10/1s,60/1m or 1000/1h;"
                    + " replaces rateLimitPerSecond and rateLimitPerMinute for plans of another shape.")
    private String rateLimitWindows;

    @UriParam(label = "throttling", defaultValue = "100", javaType = "java.time.Duration",
            description = "Safety margin added to every rate-limit window before a request slot is reused, in milliseconds:"
                    + " covers the jitter between when a request leaves and when Stora counts it.")
    private long rateLimitMargin = 100;

    @UriParam(label = "throttling", defaultValue = "300000", javaType = "java.time.Duration",
            description = "The longest a call waits for the account's request budget, 429 pauses included, in milliseconds."
                    + " A call that would wait longer fails at once with a StoraRateLimitException, unsent.")
    private long maxRateLimitWait = 300000;

    @UriParam(label = "throttling,advanced",
            description = "A limiter to use instead of the built-in one, e.g. an io.camelstora.component.limits.Bucket4jRequestLimiter"
                    + " over a bucket shared by several nodes. Used for every account of the component or endpoint it is set on.")
    private RequestLimiter rateLimiter;

    @UriParam(label = "retry", defaultValue = "true",
            description = "Retry calls that failed in a way that is safe to repeat, with exponential backoff and jitter: GET and"
                    + " DELETE after a connection error, timeout or 502/503/504; POST (with its Idempotency-Key) only when no"
                    + " response was received; any call that never reached Stora. A 500 or other error response is never retried.")
    private boolean retries = true;

    @UriParam(label = "retry", defaultValue = "3",
            description = "How many times a call is retried at most after its first attempt.")
    private int maxRetries = 3;

    @UriParam(label = "retry", defaultValue = "500", javaType = "java.time.Duration",
            description = "The delay before the first retry, in milliseconds; it doubles on every retry up to retryMaxDelay, each"
                    + " randomised by plus or minus 50%.")
    private long retryInitialDelay = 500;

    @UriParam(label = "retry", defaultValue = "10000", javaType = "java.time.Duration",
            description = "The longest delay between two retries, in milliseconds.")
    private long retryMaxDelay = 10000;

    @UriParam(label = "retry", defaultValue = "60000", javaType = "java.time.Duration",
            description = "No retry starts later than this after the first attempt, in milliseconds.")
    private long retryMaxDuration = 60000;

    @UriParam(label = "consumer", defaultValue = DEFAULT_STATE_DIRECTORY,
            description = "Where polling consumers keep their state, relative to the working directory unless absolute:"
                    + " STATEKEY.state holds the cursor (a FileStateRepository), STATEKEY.seen the keys of the"
                    + " records read within the overlap (a FileIdempotentRepository). Unused when both repositories"
                    + " are given.")
    private String stateDirectory = DEFAULT_STATE_DIRECTORY;

    @UriParam(label = "consumer,advanced",
            description = "Where polling consumers keep their cursors (a StateRepository bean of String keys and values, keyed by"
                    + " stateKey), instead of files in stateDirectory. Several nodes polling the same list must share it.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced",
            description = "Where consumers remember what they already routed, instead of their defaults: stora:webhook keeps the"
                    + " ids of events routed successfully, each added once its route succeeded (default: in memory, the"
                    + " last 10000 per endpoint, lost on restart; an event being routed is known on its node only, so with"
                    + " several nodes prefer the webhook option eventStore); polling consumers keep the (id, updated_at)"
                    + " keys of records read within the overlap, prefixed by stateKey (default: a file in stateDirectory)."
                    + " Use a persistent repository shared by all nodes, such as camel-sql's JdbcMessageIdRepository,"
                    + " when several nodes consume.")
    private IdempotentRepository idempotentRepository;

    public StoraConfiguration copy() {
        try {
            return (StoraConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

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

    public long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public boolean isUnwrap() {
        return unwrap;
    }

    public void setUnwrap(boolean unwrap) {
        this.unwrap = unwrap;
    }

    public StoraOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(StoraOutputType outputType) {
        this.outputType = outputType;
    }

    public boolean isValidateMetadata() {
        return validateMetadata;
    }

    public void setValidateMetadata(boolean validateMetadata) {
        this.validateMetadata = validateMetadata;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public boolean isThrottle() {
        return throttle;
    }

    public void setThrottle(boolean throttle) {
        this.throttle = throttle;
    }

    public int getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public void setRateLimitPerSecond(int rateLimitPerSecond) {
        this.rateLimitPerSecond = rateLimitPerSecond;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public String getRateLimitWindows() {
        return rateLimitWindows;
    }

    public void setRateLimitWindows(String rateLimitWindows) {
        this.rateLimitWindows = rateLimitWindows;
    }

    public long getRateLimitMargin() {
        return rateLimitMargin;
    }

    public void setRateLimitMargin(long rateLimitMargin) {
        this.rateLimitMargin = rateLimitMargin;
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public RequestLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(RequestLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public boolean isRetries() {
        return retries;
    }

    public void setRetries(boolean retries) {
        this.retries = retries;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryMaxDuration() {
        return retryMaxDuration;
    }

    public void setRetryMaxDuration(long retryMaxDuration) {
        this.retryMaxDuration = retryMaxDuration;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
