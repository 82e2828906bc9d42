package io.camelstora.component.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Call every operation of the Stora Public API for self-storage operators, receive its signed webhook events and poll
 * its lists for new and changed records.
 * <p>
 * Generated from stora.json by StarterSourcesTest: do not edit. After changing an option of the component, run mvn -B
 * test -pl camel-stora-starter -am -Dtest=StarterSourcesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstora.starter.write=true
 */
@ConfigurationProperties(prefix = "camel.component.stora")
public class StoraComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the stora component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The Stora API base URL, without the version path. Point it at the Stora simulator in tests.
     */
    private String baseUrl = "https://public-api.stora.co";
    /**
     * The Java type of a JSON result or polled record: MAP (java.util.Map or List of maps), JSON_NODE (Jackson) or
     * STRING (the JSON text).
     */
    private io.camelstora.component.StoraOutputType outputType = io.camelstora.component.StoraOutputType.MAP;
    /**
     * How many page requests of one list are in flight at once, for fetchAllPages and for polling consumers reading
     * more than a page: the account's rate limiter paces them and the records are delivered in list order, so an API
     * slow to answer is still read at the rate limit. Memory holds up to this many pages more. 1 reads one page at a
     * time.
     */
    private Integer pagesInFlight = 10;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Where polling consumers keep their state, relative to the working directory unless absolute: STATEKEY.state holds
     * the cursor (a FileStateRepository), STATEKEY.seen the keys of the records read within the overlap (a
     * FileIdempotentRepository). Unused when both repositories are given.
     */
    private String stateDirectory = ".camel-stora";
    /**
     * Where consumers remember what they already routed, instead of their defaults: stora:webhook keeps the ids of
     * events routed successfully, prefixed by its path and a vertical bar, each added once its route succeeded
     * (default: in memory, the last 10000 per endpoint, lost on restart; an event being routed is known on its node
     * only, so with several nodes prefer the webhook option eventStore); polling consumers keep the (id, updated_at)
     * keys of records read within the overlap, prefixed by stateKey (default: a file in stateDirectory). Use a
     * persistent repository shared by all nodes, such as camel-sql's JdbcMessageIdRepository, when several nodes
     * consume. The option is a org.apache.camel.spi.IdempotentRepository type, given as a bean reference (#bean:name).
     */
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;
    /**
     * Where polling consumers keep their cursors (a StateRepository bean of String keys and values, keyed by stateKey),
     * instead of files in stateDirectory. Several nodes polling the same list must share it. The option is a
     * org.apache.camel.spi.StateRepository&lt;java.lang.String, java.lang.String&gt; type, given as a bean reference
     * (#bean:name).
     */
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Return only the content of the response document (the object under contact, the list under contacts, the success
     * object of deletes and bulk actions) instead of the whole document with its meta.
     */
    private Boolean unwrap = true;
    /**
     * Check the metadata of a request body against the API's rules (at most 20 keys of at most 40 characters from a-z
     * 0-9 . _ : -, string values of at most 500 characters, null only to remove a key on update) before sending it.
     */
    private Boolean validateMetadata = true;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The defaults of the endpoint options, among them the account: base URL and credentials. Each endpoint starts from
     * a copy and may override them; an endpoint with other credentials or base URL uses an account of its own, with
     * this component's account options. The option is a io.camelstora.component.StoraConfiguration type, given as a
     * bean reference (#bean:name).
     */
    private io.camelstora.component.StoraConfiguration configuration;
    /**
     * How long to wait for a connection to the API, in milliseconds. The option is a java.time.Duration: milliseconds,
     * or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofMillis(10000);
    /**
     * The most connections the component keeps open to the API, in all and per host: one pool shared by all its
     * accounts and endpoints.
     */
    private Integer maxConnections = 20;
    /**
     * The Micrometer registry (an io.micrometer.core.instrument.MeterRegistry) to record the stora meters in (see
     * docs/metrics.md). Default: the MeterRegistry of the Camel registry (camel-micrometer's metricsRegistry, else the
     * only one, else the composite one); without one, or without Micrometer on the classpath, nothing is recorded.
     */
    private Object meterRegistry;
    /**
     * How long to wait for a response once a request was sent, in milliseconds. The option is a java.time.Duration:
     * milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration responseTimeout = Duration.ofMillis(30000);
    /**
     * A DataSource on a database every node of the application shares (PostgreSQL; H2 in tests), e.g. #bean:storaDb, or
     * on Spring Boot #dataSource (not taken unless named here). The component then keeps there everything its nodes
     * must share, creating the tables that are missing when it starts: polling cursors and seen keys, webhook events in
     * progress and done, webhook secrets, the rotating refresh token of an authorization code grant, the account's
     * rate-limit budget (a Bucket4j bucket, on PostgreSQL: add bucket4j_jdk17-core and bucket4j_jdk17-postgresql), and
     * with camel-quartz a clustered Quartz scheduler, so that scheduler=quartz polls and quartz: routes run once per
     * tick. Options set explicitly (stateRepository, idempotentRepository, eventStore, secretStore, tokenStore,
     * tokenStoreFile, rateLimiter, the quartz component's own scheduler settings) win. See docs/several-nodes.md. The
     * option is a javax.sql.DataSource type, given as a bean reference (#bean:name).
     */
    private javax.sql.DataSource dataSource;
    /**
     * Register a readiness check per Stora account (base URL and credentials) with Camel's health check registry: DOWN
     * when no access token can be obtained, when Stora rejected the token, or when the latest requests did not reach
     * the API; the details show the rate limiter's state. See docs/health.md.
     */
    private Boolean healthCheckAccountEnabled = true;
    /**
     * Enable the health checks of stora consumers: stora:webhook (started, a signing secret known, the registered Stora
     * endpoint, the last delivery) and polling consumers (last poll, cursor, lag).
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * When set, an account's health check sends GET /oauth2/token/info through the account's rate limiter whenever no
     * request of the account got an answer for this long (at most one at a time), so a quiet account still shows
     * whether its token works and the API answers. 0: the check judges only from the routes' own calls and sends
     * nothing. The option is a java.time.Duration: milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration healthCheckProbeInterval = Duration.ofMillis(0);
    /**
     * Hosts reached directly instead of through the proxy, comma-separated (or separated by vertical bars as in Java's
     * http.nonProxyHosts), each a host name or address in which a leading or trailing asterisk matches any text. See
     * docs/accounts.md.
     */
    private String nonProxyHosts;
    /**
     * The host of an HTTP proxy to reach the API through (https is tunnelled with CONNECT). Unset: no proxy.
     */
    private String proxyHost;
    /**
     * The port of the proxy; required with proxyHost.
     */
    private Integer proxyPort;
    /**
     * How many times a call is retried at most after its first attempt.
     */
    private Integer maxRetries = 3;
    /**
     * Retry calls that failed in a way that is safe to repeat, with exponential backoff and jitter: GET and DELETE
     * after a connection error, timeout or 502/503/504; POST (with its Idempotency-Key) only when no response was
     * received; any call that never reached Stora. A 500 or other error response is never retried.
     */
    private Boolean retries = true;
    /**
     * The delay before the first retry, in milliseconds; it doubles on every retry up to retryMaxDelay, each randomised
     * by plus or minus 50%. The option is a java.time.Duration: milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryInitialDelay = Duration.ofMillis(500);
    /**
     * The longest delay between two retries, in milliseconds. The option is a java.time.Duration: milliseconds, or a
     * value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryMaxDelay = Duration.ofMillis(10000);
    /**
     * No retry starts later than this after the first attempt, in milliseconds. The option is a java.time.Duration:
     * milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryMaxDuration = Duration.ofMillis(60000);
    /**
     * A static access token generated in BackOffice (Settings, Public API). Sent as Authorization: Bearer.
     */
    private String accessToken;
    /**
     * The client id of an OAuth 2 application (BackOffice, Settings, Public API). With clientSecret and scopes it gets
     * tokens by client credentials; with refreshToken or a token store (tokenStore, tokenStoreFile) by authorization
     * code, refreshing them as they expire.
     */
    private String clientId;
    /**
     * The client secret of the OAuth 2 application. Required with client credentials; with authorization code it is
     * sent when set (a public client using PKCE may have none).
     */
    private String clientSecret;
    /**
     * The password for proxy authentication; required with proxyUsername.
     */
    private String proxyPassword;
    /**
     * The user name for proxy authentication (Basic), when the proxy asks for it.
     */
    private String proxyUsername;
    /**
     * The refresh token of an authorization code grant. It only seeds an empty token store: Stora rotates refresh
     * tokens on every refresh, so the current one is read from the store (tokenStore or tokenStoreFile, one of which is
     * required), never from this option once the store holds one.
     */
    private String refreshToken;
    /**
     * The scopes to request by client credentials, separated by spaces or commas (sent space-separated), e.g.
     * public.contact:read public.order:write. Required with client credentials; with authorization code the token keeps
     * the scopes the operator granted and this option is not used.
     */
    private String scopes;
    /**
     * The TLS settings of the connections to the API (trust store, key store for client certificates, protocols), as
     * Camel's SSLContextParameters, e.g. #bean:storaTls. Default: the JVM's. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type, given as a bean reference (#bean:name).
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;
    /**
     * How long before an OAuth 2 access token expires it is renewed (or halfway through its life when that is later),
     * in milliseconds. The option is a java.time.Duration: milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration tokenRefreshMargin = Duration.ofMillis(60000);
    /**
     * Where the current refresh token of an authorization code grant is kept (a bean implementing
     * io.camelstora.component.auth.TokenStore, e.g. #bean:storaTokens): a JdbcTokenStore or a StateRepositoryTokenStore
     * over a shared repository when several nodes use the authorization. Use either this or tokenStoreFile. The option
     * is a io.camelstora.component.auth.TokenStore type, given as a bean reference (#bean:name).
     */
    private io.camelstora.component.auth.TokenStore tokenStore;
    /**
     * A file keeping the current refresh token of an authorization code grant, for one node: written atomically and
     * readable by its owner only. Put it on persistent storage; use one file per authorization (per operator). Use
     * either this or tokenStore.
     */
    private String tokenStoreFile;
    /**
     * Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * The longest a call waits for the account's request budget, 429 pauses included, in milliseconds. A call that
     * would wait longer fails at once with a StoraRateLimitException, unsent. The option is a java.time.Duration:
     * milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration maxRateLimitWait = Duration.ofMillis(300000);
    /**
     * Safety margin added to every rate-limit window before a request slot is reused, in milliseconds: covers the
     * variation of the network's one-way delay to Stora and of the clocks counting there. A request held up on its way
     * is answered late and counts until late anyway (see docs/rate-limits-and-retries.md). The option is a
     * java.time.Duration: milliseconds, or a value with a unit (10s, 5m).
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration rateLimitMargin = Duration.ofMillis(20);
    /**
     * Requests the account may send in any one minute (Stora's default plan: 60); 0 for no per-minute limit.
     */
    private Integer rateLimitPerMinute = 60;
    /**
     * Requests the account may send in any one second (Stora's default plan: 10); 0 for no per-second limit.
     */
    private Integer rateLimitPerSecond = 10;
    /**
     * Keep the account's calls within its rate limits (rateLimitPerSecond, rateLimitPerMinute) by making them wait for
     * their turn without blocking a thread, and replay a call Stora answered 429 once RateLimit-Reset has passed,
     * pausing every call of the account until then. Shared by every endpoint and consumer of the account. Turn off only
     * when something else paces the calls: a 429 then fails the call.
     */
    private Boolean throttle = true;
    /**
     * A limiter to use instead of the built-in one, e.g. an io.camelstora.component.limits.Bucket4jRequestLimiter over
     * a bucket shared by several nodes. Used for every account of the component: leave it unset when the component
     * serves several accounts (each then gets its own built-in limiter), or give each account a component of its own.
     * The option is a io.camelstora.component.limits.RequestLimiter type, given as a bean reference (#bean:name).
     */
    private io.camelstora.component.limits.RequestLimiter rateLimiter;
    /**
     * The account's limits as comma-separated windows of requests/period, e.g. 10/1s,60/1m or 1000/1h; replaces
     * rateLimitPerSecond and rateLimitPerMinute for plans of another shape.
     */
    private String rateLimitWindows;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public io.camelstora.component.StoraOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(io.camelstora.component.StoraOutputType outputType) {
        this.outputType = outputType;
    }

    public Integer getPagesInFlight() {
        return pagesInFlight;
    }

    public void setPagesInFlight(Integer pagesInFlight) {
        this.pagesInFlight = pagesInFlight;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getUnwrap() {
        return unwrap;
    }

    public void setUnwrap(Boolean unwrap) {
        this.unwrap = unwrap;
    }

    public Boolean getValidateMetadata() {
        return validateMetadata;
    }

    public void setValidateMetadata(Boolean validateMetadata) {
        this.validateMetadata = validateMetadata;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public io.camelstora.component.StoraConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.camelstora.component.StoraConfiguration configuration) {
        this.configuration = configuration;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public javax.sql.DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Boolean getHealthCheckAccountEnabled() {
        return healthCheckAccountEnabled;
    }

    public void setHealthCheckAccountEnabled(Boolean healthCheckAccountEnabled) {
        this.healthCheckAccountEnabled = healthCheckAccountEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Duration getHealthCheckProbeInterval() {
        return healthCheckProbeInterval;
    }

    public void setHealthCheckProbeInterval(Duration healthCheckProbeInterval) {
        this.healthCheckProbeInterval = healthCheckProbeInterval;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Boolean getRetries() {
        return retries;
    }

    public void setRetries(Boolean retries) {
        this.retries = retries;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Duration getRetryMaxDuration() {
        return retryMaxDuration;
    }

    public void setRetryMaxDuration(Duration retryMaxDuration) {
        this.retryMaxDuration = retryMaxDuration;
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

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Duration getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public io.camelstora.component.auth.TokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(io.camelstora.component.auth.TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getTokenStoreFile() {
        return tokenStoreFile;
    }

    public void setTokenStoreFile(String tokenStoreFile) {
        this.tokenStoreFile = tokenStoreFile;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Duration getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(Duration maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public Duration getRateLimitMargin() {
        return rateLimitMargin;
    }

    public void setRateLimitMargin(Duration rateLimitMargin) {
        this.rateLimitMargin = rateLimitMargin;
    }

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public Integer getRateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public void setRateLimitPerSecond(Integer rateLimitPerSecond) {
        this.rateLimitPerSecond = rateLimitPerSecond;
    }

    public Boolean getThrottle() {
        return throttle;
    }

    public void setThrottle(Boolean throttle) {
        this.throttle = throttle;
    }

    public io.camelstora.component.limits.RequestLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(io.camelstora.component.limits.RequestLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public String getRateLimitWindows() {
        return rateLimitWindows;
    }

    public void setRateLimitWindows(String rateLimitWindows) {
        this.rateLimitWindows = rateLimitWindows;
    }
}
