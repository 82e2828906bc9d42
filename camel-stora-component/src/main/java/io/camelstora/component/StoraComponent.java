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

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import io.camelstora.component.auth.JdbcTokenStore;
import io.camelstora.component.auth.StoraAuthorization;
import io.camelstora.component.internal.auth.AccessTokenSource;
import io.camelstora.component.internal.auth.StoraTokenEndpoint;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.health.StoraAccountHealthCheck;
import io.camelstora.component.internal.http.HttpSettings;
import io.camelstora.component.internal.http.StoraHttpTransport;
import io.camelstora.component.internal.limits.AccountLimiter;
import io.camelstora.component.internal.limits.AccountStatsRecorder;
import io.camelstora.component.internal.limits.CallPolicy;
import io.camelstora.component.internal.limits.RetrySettings;
import io.camelstora.component.internal.metrics.StoraMetrics;
import io.camelstora.component.internal.metrics.StoraMetricsResolver;
import io.camelstora.component.internal.shared.JdbcSeenKeys;
import io.camelstora.component.internal.shared.QuartzCluster;
import io.camelstora.component.internal.shared.SharedStores;
import io.camelstora.component.limits.RateLimits;
import io.camelstora.component.limits.RequestLimiter;
import io.camelstora.component.limits.SlidingWindowRateLimiter;
import io.camelstora.component.limits.StoraAccountStats;
import io.camelstora.component.state.JdbcStateRepository;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.component.webhook.StoraWebhookOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code stora} component: one Stora account, and how the calls of its accounts are made. A second account with
 * other options is a second component instance ({@code stora2}), as with camel-salesforce.
 * <p>
 * <b>Where each option lives.</b>
 * <ul>
 * <li>{@link #getConfiguration() configuration} ({@link StoraConfiguration}): the defaults of the endpoint options,
 * among them the account itself ({@link StoraAccount}: base URL and credentials). Each endpoint starts from a copy.</li>
 * <li>The account options, fields of this class and listed in {@link #ACCOUNT_OPTIONS}: token refresh margin,
 * throttling, retries, timeouts, connections, proxy and TLS. Only the component has them: an endpoint URI that sets
 * one to another value than the component's fails when the endpoint is created, naming the option (the same value is
 * accepted and changes nothing, so existing URIs that repeat the component's value keep working).</li>
 * </ul>
 * <b>What is shared.</b> Per component: one HTTP transport (connection pool, proxy, TLS; {@link HttpSettings}), one
 * timer and one worker pool, used by all its accounts. Per account, keyed by the normalised base URL and a non-secret
 * id of the credentials ({@code accountKey}): one {@link StoraClient} (token source, rate limiter, call policy),
 * its statistics, limiter gauges and health check, created on first use by {@code client(StoraAccount)} and dropped
 * when the component stops. The accounts of a component are
 * <ol>
 * <li>its own: the base URL and credentials of {@link #getConfiguration()};</li>
 * <li>an endpoint's own, when its URI sets base URL or credentials (as the Kamelets do): same options, other
 * identity; endpoints naming the same identity share it;</li>
 * <li>per exchange: a {@link StoraAccount} bean named by the {@link StoraConstants#ACCOUNT} header (producers only),
 * for applications serving many operators.</li>
 * </ol>
 * Code that adds something shared (a store for several nodes, say) adds a component option and builds it once per
 * component next to the transport, or once per account in {@code newClient}.
 */
@Component("stora")
public class StoraComponent extends DefaultComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(StoraComponent.class);

    /**
     * The options of the account that only the component has. Endpoints may repeat the component's value, never set
     * another (see {@link #createEndpoint}); every option of the component is either here, an endpoint option, or about
     * the component itself ({@code AccountsTest} checks the split).
     */
    public static final Set<String> ACCOUNT_OPTIONS = Set.of("tokenRefreshMargin", "connectTimeout", "responseTimeout",
            "maxConnections", "throttle", "rateLimitPerSecond", "rateLimitPerMinute", "rateLimitWindows", "rateLimitMargin",
            "maxRateLimitWait", "rateLimiter", "retries", "maxRetries", "retryInitialDelay", "retryMaxDelay",
            "retryMaxDuration", "proxyHost", "proxyPort", "proxyUsername", "proxyPassword", "nonProxyHosts",
            "sslContextParameters", "useGlobalSslContextParameters");

    /** The account options whose value an error never shows: the secret ones ({@code AccountsTest} checks the list). */
    static final Set<String> SECRET_ACCOUNT_OPTIONS = Set.of("proxyUsername", "proxyPassword");

    @Metadata(label = "advanced",
            description = "The defaults of the endpoint options, among them the account: base URL and credentials. Each endpoint"
                    + " starts from a copy and may override them; an endpoint with other credentials or base URL uses an"
                    + " account of its own, with this component's account options.")
    private StoraConfiguration configuration = new StoraConfiguration();

    @Metadata(label = "security", defaultValue = "60000", javaType = "java.time.Duration",
            description = "How long before an OAuth 2 access token expires it is renewed (or halfway through its life when that"
                    + " is later), in milliseconds.")
    private long tokenRefreshMargin = 60000;

    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
            description = "How long to wait for a connection to the API, in milliseconds.")
    private long connectTimeout = 10000;

    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
            description = "How long to wait for a response once a request was sent, in milliseconds.")
    private long responseTimeout = 30000;

    @Metadata(label = "advanced", defaultValue = "20",
            description = "The most connections the component keeps open to the API, in all and per host: one pool shared by all"
                    + " its accounts and endpoints.")
    private int maxConnections = 20;

    @Metadata(label = "throttling", defaultValue = "true",
            description = "Keep the account's calls within its rate limits (rateLimitPerSecond, rateLimitPerMinute) by making"
                    + " them wait for their turn without blocking a thread, and replay a call Stora answered 429 once"
                    + " RateLimit-Reset has passed, pausing every call of the account until then. Shared by every endpoint"
                    + " and consumer of the account. Turn off only when something else paces the calls: a 429 then fails the call.")
    private boolean throttle = true;

    @Metadata(label = "throttling", defaultValue = "10",
            description = "Requests the account may send in any one second (Stora's default plan: 10); 0 for no per-second limit.")
    private int rateLimitPerSecond = 10;

    @Metadata(label = "throttling", defaultValue = "60",
            description = "Requests the account may send in any one minute (Stora's default plan: 60); 0 for no per-minute limit.")
    private int rateLimitPerMinute = 60;

    @Metadata(label = "throttling,advanced",
            description = "The account's limits as comma-separated windows of requests/period, e.g. 10/1s,60/1m or 1000/1h;"
                    + " replaces rateLimitPerSecond and rateLimitPerMinute for plans of another shape.")
    private String rateLimitWindows;

    @Metadata(label = "throttling", defaultValue = "20", javaType = "java.time.Duration",
            description = "Safety margin added to every rate-limit window before a request slot is reused, in milliseconds:"
                    + " covers the variation of the network's one-way delay to Stora and of the clocks counting there. A"
                    + " request held up on its way is answered late and counts until late anyway (see"
                    + " docs/rate-limits-and-retries.md).")
    private long rateLimitMargin = 20;

    @Metadata(label = "throttling", defaultValue = "300000", javaType = "java.time.Duration",
            description = "The longest a call waits for the account's request budget, 429 pauses included, in milliseconds."
                    + " A call that would wait longer fails at once with a StoraRateLimitException, unsent.")
    private long maxRateLimitWait = 300000;

    @Metadata(label = "throttling,advanced",
            description = "A limiter to use instead of the built-in one, e.g. an io.camelstora.component.limits.Bucket4jRequestLimiter"
                    + " over a bucket shared by several nodes. Used for every account of the component: leave it unset when the component"
                    + " serves several accounts (each then gets its own built-in limiter), or give each account a component of its own.")
    private RequestLimiter rateLimiter;

    @Metadata(label = "retry", defaultValue = "true",
            description = "Retry calls that failed in a way that is safe to repeat, with exponential backoff and jitter: GET and"
                    + " DELETE after a connection error, timeout or 502/503/504; POST (with its Idempotency-Key) only when no"
                    + " response was received; any call that never reached Stora. A 500 or other error response is never retried.")
    private boolean retries = true;

    @Metadata(label = "retry", defaultValue = "3",
            description = "How many times a call is retried at most after its first attempt.")
    private int maxRetries = 3;

    @Metadata(label = "retry", defaultValue = "500", javaType = "java.time.Duration",
            description = "The delay before the first retry, in milliseconds; it doubles on every retry up to retryMaxDelay, each"
                    + " randomised by plus or minus 50%.")
    private long retryInitialDelay = 500;

    @Metadata(label = "retry", defaultValue = "10000", javaType = "java.time.Duration",
            description = "The longest delay between two retries, in milliseconds.")
    private long retryMaxDelay = 10000;

    @Metadata(label = "retry", defaultValue = "60000", javaType = "java.time.Duration",
            description = "No retry starts later than this after the first attempt, in milliseconds.")
    private long retryMaxDuration = 60000;

    @Metadata(label = "proxy",
            description = "The host of an HTTP proxy to reach the API through (https is tunnelled with CONNECT). Unset: no proxy.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The port of the proxy; required with proxyHost.")
    private Integer proxyPort;

    @Metadata(label = "proxy,security", secret = true,
            description = "The user name for proxy authentication (Basic), when the proxy asks for it.")
    private String proxyUsername;

    @Metadata(label = "proxy,security", secret = true,
            description = "The password for proxy authentication; required with proxyUsername.")
    private String proxyPassword;

    @Metadata(label = "proxy",
            description = "Hosts reached directly instead of through the proxy, comma-separated (or separated by vertical bars"
                    + " as in Java's http.nonProxyHosts), each a host name or address in which a leading or trailing"
                    + " asterisk matches any text. See docs/accounts.md.")
    private String nonProxyHosts;

    @Metadata(label = "security",
            description = "The TLS settings of the connections to the API (trust store, key store for client certificates,"
                    + " protocols), as Camel's SSLContextParameters, e.g. #bean:storaTls. Default: the JVM's.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
            description = "Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "health", defaultValue = "true",
            description = "Register a readiness check per Stora account (base URL and credentials) with Camel's health check"
                    + " registry: DOWN when no access token can be obtained, when Stora rejected the token, or when the"
                    + " latest requests did not reach the API; the details show the rate limiter's state. See"
                    + " docs/health.md.")
    private boolean healthCheckAccountEnabled = true;

    @Metadata(label = "health", defaultValue = "true",
            description = "Enable the health checks of stora consumers: stora:webhook (started, a signing secret known, the"
                    + " registered Stora endpoint, the last delivery) and polling consumers (last poll, cursor, lag).")
    private boolean healthCheckConsumerEnabled = true;

    @Metadata(label = "health", defaultValue = "0", javaType = "java.time.Duration",
            description = "When set, an account's health check sends GET /oauth2/token/info through the account's rate"
                    + " limiter whenever no request of the account got an answer for this long (at most one at a"
                    + " time), so a quiet account still shows whether its token works and the API answers. 0: the"
                    + " check judges only from the routes' own calls and sends nothing.")
    private long healthCheckProbeInterval;

    // typed Object, not MeterRegistry: Micrometer is optional, and generated code (configurers, the Spring Boot starter's
    // properties class) must not refer to a class the application may not have
    @Metadata(label = "advanced",
            description = "The Micrometer registry (an io.micrometer.core.instrument.MeterRegistry) to record the stora meters"
                    + " in (see docs/metrics.md). Default: the"
                    + " MeterRegistry of the Camel registry (camel-micrometer's metricsRegistry, else the only one, else"
                    + " the composite one); without one, or without Micrometer on the classpath, nothing is recorded.")
    private Object meterRegistry;

    @Metadata(label = "cluster",
            description = "A DataSource on a database every node of the application shares (PostgreSQL; H2 in tests), e.g."
                    + " #bean:storaDb, or on Spring Boot #dataSource (not taken unless named here). The component then"
                    + " keeps there everything its nodes must share, creating the tables that are missing when it"
                    + " starts: polling cursors and seen keys, webhook events in progress and done, webhook secrets, the"
                    + " rotating refresh token of an authorization code grant, the account's rate-limit budget (a Bucket4j"
                    + " bucket, on PostgreSQL: add bucket4j_jdk17-core and bucket4j_jdk17-postgresql), and with"
                    + " camel-quartz a clustered Quartz scheduler, so that scheduler=quartz polls and quartz: routes run"
                    + " once per tick. Options set explicitly (stateRepository, idempotentRepository, eventStore,"
                    + " secretStore, tokenStore, tokenStoreFile, rateLimiter, the quartz component's own scheduler"
                    + " settings) win. See docs/several-nodes.md.")
    private DataSource dataSource;
    /** What {@link #dataSource} holds, created when first needed. */
    private SharedStores shared;
    private boolean quartzClustered;
    /** Whether the CamelContext began starting: the quartz component's own settings are applied by then. */
    private volatile boolean contextStarting;

    /** The client of each account, by {@link #accountKey}. */
    private final Map<String, StoraClient> clients = new ConcurrentHashMap<>();
    /**
     * The latest bean of each name the CamelStoraAccount header gave, with its client, so the key is computed once per
     * bean. By name, not by bean: a prototype (a new bean per lookup) or a rebound name replaces its entry instead of
     * adding one per bean, so this holds at most one entry per account bean name of the registry.
     */
    private final Map<String, NamedAccount> namedAccounts = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();
    private AccountPolicy policy;
    private StoraHttpTransport transport;
    private final List<SlidingWindowRateLimiter> ownLimiters = new CopyOnWriteArrayList<>();
    /** The state keys of the running polling consumers, with the endpoint that holds each. */
    private final Map<String, String> pollingStateKeys = new ConcurrentHashMap<>();
    private ExecutorService callbackExecutor;
    private ScheduledExecutorService timer;
    private volatile StoraMetrics metrics;
    private final List<HealthCheck> healthChecks = new CopyOnWriteArrayList<>();
    private final List<StoraMetrics.Registration> gauges = new CopyOnWriteArrayList<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        applySharedDefaults();
        StoraEndpoint endpoint = new StoraEndpoint(uri, this, configuration.copy());
        endpoint.resolvePath(remaining);
        requireAccountOptionsOfComponent(uri, endpoint, parameters);
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filter.");
        Map<String, Object> given = new LinkedHashMap<>(parameters); // setProperties removes what it binds
        try {
            setProperties(endpoint, parameters);
        } catch (RuntimeException e) {
            throw enumOptionError(endpoint, given).orElseThrow(() -> e);
        }
        endpoint.getRequestOptions().getFilters().putAll(filters);
        if (shared != null) {
            // webhook options are the endpoint's own: the shared event store and secrets unless it names others (an
            // idempotentRepository set on the component keeps the events' done marks there, as without a dataSource)
            StoraWebhookOptions webhook = endpoint.getWebhookOptions();
            if (webhook.getEventStore() == null && endpoint.getConfiguration().getIdempotentRepository() == shared.seenKeys()) {
                webhook.setEventStore(shared.events());
            }
            if (webhook.getSecretStore() == null
                    && (webhook.getSecretStoreFile() == null || webhook.getSecretStoreFile().isBlank())) {
                webhook.setSecretStore(shared.secrets());
            }
        }
        endpoint.validateOptions();
        StoraCredentials.of(endpoint.getConfiguration(), endpoint.describeForErrors());
        return endpoint;
    }

    /**
     * With a {@link #dataSource}: starts the shared stores (creating their tables) and makes them the defaults of the
     * endpoint options that are unset, before the first endpoint copies the configuration: cursors and seen keys of
     * polling consumers, and the token store of an authorization code grant.
     */
    private synchronized void applySharedDefaults() {
        if (dataSource == null || shared != null) {
            return;
        }
        SharedStores stores = SharedStores.open(dataSource);
        boolean sharedBudget = throttle && rateLimiter == null && stores.isPostgreSql();
        if (sharedBudget && !SharedStores.bucket4jPostgreSqlAvailable()) {
            stores.stop();
            throw new IllegalStateException("The stora component's dataSource is PostgreSQL, where it keeps the account's"
                    + " rate-limit budget in a Bucket4j bucket every node shares, but Bucket4j is not on the class path: add"
                    + " com.bucket4j:bucket4j_jdk17-core and com.bucket4j:bucket4j_jdk17-postgresql (docs/several-nodes.md),"
                    + " or set rateLimiter, or throttle=false");
        }
        shared = stores;
        if (configuration.getStateRepository() == null) {
            configuration.setStateRepository(shared.cursors());
        }
        if (configuration.getIdempotentRepository() == null) {
            configuration.setIdempotentRepository(shared.seenKeys());
        }
        boolean hasStore = configuration.getTokenStore() != null || isSet(configuration.getTokenStoreFile());
        // authorization code: a refresh token to seed the store, or an OAuth client without the scopes of client
        // credentials (a node started after the first finds the rotated token in the table)
        boolean authorizationCode = isSet(configuration.getClientId()) && !isSet(configuration.getAccessToken())
                && (isSet(configuration.getRefreshToken()) || !isSet(configuration.getScopes()));
        if (!hasStore && authorizationCode) {
            configuration.setTokenStore(shared.tokenStore(sharedAccountName() + "|" + configuration.getClientId()));
        }
        LOG.info("The stora component keeps what its nodes share on its dataSource: cursors in {}, seen keys in {}, webhook"
                + " events in {}, webhook secrets in {}, refresh tokens in {}{}",
                JdbcStateRepository.DEFAULT_TABLE, JdbcSeenKeys.TABLE, JdbcWebhookEventStore.DEFAULT_TABLE_NAME,
                SharedStores.SECRETS_TABLE, JdbcTokenStore.DEFAULT_TABLE,
                sharedBudget ? ", the rate-limit budget in " + SharedStores.RATE_LIMIT_TABLE : "");
    }

    /**
     * Account options are the component's: an endpoint URI may repeat the component's value (it is then dropped), and
     * fails, naming the option, when it sets another one, so no endpoint believes it has settings its account ignores.
     */
    private void requireAccountOptionsOfComponent(String uri, StoraEndpoint endpoint, Map<String, Object> parameters) {
        PropertyConfigurer configurer = getComponentPropertyConfigurer();
        PropertyConfigurerGetter getter = (PropertyConfigurerGetter) configurer;
        for (var it = parameters.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Object> given = it.next();
            String name = ACCOUNT_OPTIONS.stream().filter(option -> option.equalsIgnoreCase(given.getKey())).findFirst()
                    .orElse(null);
            if (name == null) {
                continue;
            }
            // the value as the component would hold it (a duration in milliseconds, a bean, a number)
            StoraComponent probe = new StoraComponent();
            configurer.configure(getCamelContext(), probe, name, given.getValue(), false);
            Object wanted = getter.getOptionValue(probe, name, false);
            Object current = getter.getOptionValue(this, name, false);
            if (!Objects.equals(wanted, current)) {
                String scheme = uri.substring(0, Math.max(0, uri.indexOf(':')));
                boolean secret = SECRET_ACCOUNT_OPTIONS.contains(name);
                throw new IllegalArgumentException(name + (secret ? "" : "=" + given.getValue()) + " on "
                        + endpoint.describeForErrors() + " differs from its account's "
                        + (secret ? "value" : name + "=" + current) + ": " + name + " is an option of the account, set"
                        + " once on the " + scheme + " component (camel.component." + scheme + "." + name
                        + "), not on an endpoint. For an account with other options use a second component instance"
                        + " (e.g. stora2); see docs/accounts.md");
            }
            it.remove();
        }
    }

    /**
     * Camel's type converter reports an unknown enum constant without the option or the valid choices: the first
     * enum option of {@code given} whose value is none of its constants, as an error naming all three.
     */
    private Optional<IllegalArgumentException> enumOptionError(StoraEndpoint endpoint, Map<String, Object> given) {
        PropertyConfigurerGetter options = (PropertyConfigurerGetter) getEndpointPropertyConfigurer();
        for (Map.Entry<String, Object> option : given.entrySet()) {
            Class<?> type = options.getOptionType(option.getKey(), true);
            if (type != null && type.isEnum() && option.getValue() != null
                    && getCamelContext().getTypeConverter().tryConvertTo(type, option.getValue()) == null) {
                String choices = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return Optional
                        .of(new IllegalArgumentException(option.getKey() + " of " + endpoint.describeForErrors() + " is '"
                                + option.getValue() + "'; use one of " + choices));
            }
        }
        return Optional.empty();
    }

    /**
     * The client of the account {@code account} names (base URL and credentials), with this component's account
     * options; created on first use, shared afterwards by everything naming the same account.
     */
    StoraClient client(StoraAccount account) {
        return client(account, "the stora component or endpoint");
    }

    /** @param where names the account in error messages */
    private StoraClient client(StoraAccount account, String where) {
        StoraCredentials credentials = StoraCredentials.of(account, where);
        String baseUrl = checkedBaseUrl(account.getBaseUrl(), where);
        String key = accountKey(baseUrl, credentials);
        StoraClient client = clients.get(key);
        return client != null ? client : clients.computeIfAbsent(key, k -> newClient(k, baseUrl, credentials));
    }

    /**
     * The {@link StoraAccount} bean called {@code name} in the registry: how the {@link StoraConstants#ACCOUNT} header
     * picks an account per exchange.
     *
     * @throws IllegalArgumentException when the registry has no such bean
     */
    StoraAccount account(String name) {
        StoraAccount account = getCamelContext().getRegistry().lookupByNameAndType(name, StoraAccount.class);
        if (account == null) {
            throw new IllegalArgumentException("The " + StoraConstants.ACCOUNT + " header names the account '" + name
                    + "', but the registry has no " + StoraAccount.class.getName() + " bean of that name; see"
                    + " docs/accounts.md");
        }
        return account;
    }

    /** As {@link #client(StoraAccount)} for the registry bean {@code name} names: its key is computed once per bean. */
    StoraClient beanClient(String name, StoraAccount bean) {
        NamedAccount known = namedAccounts.get(name);
        if (known != null && known.bean() == bean) {
            return known.client();
        }
        StoraClient client = client(bean, "the StoraAccount bean '" + name + "' (" + StoraConstants.ACCOUNT + " header)");
        namedAccounts.put(name, new NamedAccount(bean, client));
        return client;
    }

    private record NamedAccount(StoraAccount bean, StoraClient client) {
    }

    /** Identifies an account without a secret: its normalised base URL and a fingerprint of its credentials. */
    static String accountKey(String baseUrl, StoraCredentials credentials) {
        return baseUrl + "|" + credentials.accountId();
    }

    private StoraClient newClient(String account, String baseUrl, StoraCredentials credentials) {
        AccountPolicy policy = policy();
        AccountStatsRecorder stats = new AccountStatsRecorder(account, getMetrics());
        RequestLimiter limiter = RequestLimiter.UNLIMITED;
        RequestLimiter sharedLimiter = policy.throttle() && policy.customLimiter() == null && shared() != null
                ? shared.sharedLimiter(sharedAccountName(baseUrl) + "|" + credentials.sharedId(), policy.limits(), timer())
                : null;
        if (policy.throttle()) {
            if (policy.customLimiter() != null) {
                limiter = policy.customLimiter();
            } else if (sharedLimiter != null) {
                limiter = sharedLimiter;
            } else {
                SlidingWindowRateLimiter own = new SlidingWindowRateLimiter(account, policy.limits(), timer());
                ownLimiters.add(own);
                limiter = own;
            }
        }
        // without throttling a 429 fails the call at once: no rate-limit wait applies
        CallPolicy calls = new CallPolicy(policy.retries(), policy.throttle(),
                policy.throttle() ? policy.limits().maxWait() : Duration.ZERO, stats, timer(), callbackExecutor());
        LOG.debug("Stora account {}: throttle {} ({}), retries {}", account, policy.throttle(), limiter, policy.retries());
        StoraHttpTransport transport = transport();
        AccessTokenSource tokens = credentials.tokenSource(new StoraTokenEndpoint(transport, baseUrl), clock,
                Duration.ofMillis(tokenRefreshMargin));
        AccountLimiter accountLimiter = new AccountLimiter(limiter, stats, callbackExecutor());
        StoraClient client = new StoraClient(baseUrl, transport, tokens, accountLimiter, calls, callbackExecutor());
        gauges.add(getMetrics().limiterGauges(account, accountLimiter::state));
        if (healthCheckAccountEnabled) {
            register(new StoraAccountHealthCheck(account, client, credentials.kind() != StoraCredentials.Kind.NONE,
                    Duration.ofMillis(healthCheckProbeInterval)));
        }
        return client;
    }

    /** The throttling and retry settings of every account of the component, checked when the first one is used. */
    private synchronized AccountPolicy policy() {
        if (policy == null) {
            policy = AccountPolicy.of(this);
        }
        return policy;
    }

    /** The connections of every account of the component: one pool, through the proxy and with the TLS settings. */
    private synchronized StoraHttpTransport transport() {
        if (transport == null) {
            transport = new StoraHttpTransport(httpSettings());
        }
        return transport;
    }

    private HttpSettings httpSettings() {
        SSLContextParameters tls = sslContextParameters != null ? sslContextParameters
                : retrieveGlobalSslContextParameters();
        SSLContext sslContext;
        try {
            sslContext = tls == null ? null : tls.createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new IllegalArgumentException("sslContextParameters of the stora component cannot make a TLS context: "
                    + e.getMessage(), e);
        }
        return HttpSettings.of(maxConnections, connectTimeout, responseTimeout, proxyHost, proxyPort, proxyUsername,
                proxyPassword, nonProxyHosts, sslContext);
    }

    /**
     * Names what this component shares with the same component of the other nodes, alike on every node and different
     * for a second component (a second operator's account): the component's name in the CamelContext and the base URL.
     */
    private String sharedAccountName(String baseUrl) {
        String name = getCamelContext().getComponentNames().stream()
                .filter(n -> getCamelContext().hasComponent(n) == this).findFirst().orElse("stora");
        return name + "|" + baseUrl;
    }

    private String sharedAccountName() {
        return sharedAccountName(checkedBaseUrl(configuration.getBaseUrl(), "the stora component"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The shared stores of the {@link #dataSource}, started on first use; {@code null} without one. */
    private SharedStores shared() {
        applySharedDefaults();
        return shared;
    }

    private void register(HealthCheck check) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null && registry.register(check)) {
            healthChecks.add(check);
        }
    }

    /**
     * Where the component's calls, webhooks and polls are recorded: the {@code meterRegistry} option, else the
     * Micrometer registry of the Camel registry, else nowhere. Resolved when first needed, so a registry bound while
     * the routes are being set up is found.
     */
    public StoraMetrics getMetrics() {
        StoraMetrics m = metrics;
        if (m == null) {
            synchronized (this) {
                if (metrics == null) {
                    metrics = StoraMetricsResolver.resolve(getCamelContext(), meterRegistry);
                    LOG.debug("Stora metrics: {}", metrics == StoraMetrics.NONE ? "none" : metrics);
                }
                m = metrics;
            }
        }
        return m;
    }

    /**
     * Reserves a polling consumer's state key: two consumers sharing one would move each other's cursor.
     *
     * @throws IllegalArgumentException when another running consumer holds the key
     */
    public void claimPollingStateKey(String stateKey, String endpointUri) {
        String holder = pollingStateKeys.putIfAbsent(stateKey, endpointUri);
        if (holder != null) {
            throw new IllegalArgumentException("stateKey " + stateKey + " of " + endpointUri + " is already used by the"
                    + " consumer of " + holder + "; give each consumer its own stateKey");
        }
    }

    public void releasePollingStateKey(String stateKey) {
        pollingStateKeys.remove(stateKey);
    }

    /**
     * What throttling and retries did, per account (base URL and non-secret account id), for the accounts used since
     * the component started.
     */
    public Map<String, StoraAccountStats> getAccountStats() {
        Map<String, StoraAccountStats> stats = new LinkedHashMap<>();
        clients.forEach((account, client) -> stats.put(account, client.getStats()));
        return stats;
    }

    /**
     * The authorization code helper for this component's application ({@code clientId}, {@code clientSecret},
     * {@code baseUrl} of its configuration), sending its token request through the component's connections: use it in
     * a route that sends operators to Stora and receives the redirect. See docs/authentication.md.
     */
    public StoraAuthorization authorization() {
        return authorization(StoraAuthorization.DEFAULT_AUTHORIZE_URL);
    }

    /** As {@link #authorization()}, with another authorize URL (a Stora test environment). */
    public StoraAuthorization authorization(String authorizeUrl) {
        StoraClient client = client(configuration);
        return new StoraAuthorization(new StoraTokenEndpoint(client.getTransport(), client.getBaseUrl())::authorizationCode,
                authorizeUrl,
                configuration.getClientId(), configuration.getClientSecret());
    }

    /** For tests that move time forward instead of waiting for tokens to expire. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Wakes callers waiting for their account's budget and starts delayed retries; its tasks only hand over. */
    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "StoraTimer", 1);
        }
        return timer;
    }

    private synchronized ExecutorService callbackExecutor() {
        if (callbackExecutor == null) {
            callbackExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "StoraCallbacks");
        }
        return callbackExecutor;
    }

    /**
     * {@code baseUrl} without surrounding blanks and a trailing slash, checked: one that is no http(s) URL would only
     * fail at the first call, as "target host is not specified".
     *
     * @param  where                    names the endpoint or account in the error
     * @throws IllegalArgumentException naming the option, where it is set and what to use
     */
    static String checkedBaseUrl(String baseUrl, String where) {
        String trimmed = baseUrl == null ? null : baseUrl.trim();
        URI uri = null;
        try {
            uri = trimmed == null ? null : new URI(trimmed);
        } catch (URISyntaxException e) {
            // reported below
        }
        if (uri == null || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("baseUrl of " + where + " is '"
                    + (baseUrl == null ? null : URISupport.sanitizeUri(baseUrl))
                    + "'; use the API's https:// URL (the default, " + StoraAccount.DEFAULT_BASE_URL
                    + ") or a simulator's http:// URL");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    protected void doStop() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            healthChecks.forEach(registry::unregister);
        }
        healthChecks.clear();
        gauges.forEach(StoraMetrics.Registration::close);
        gauges.clear();
        metrics = null;
        ownLimiters.forEach(SlidingWindowRateLimiter::close);
        ownLimiters.clear();
        clients.clear();
        namedAccounts.clear();
        policy = null;
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdown(timer);
            timer = null;
        }
        if (callbackExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(callbackExecutor);
            callbackExecutor = null;
        }
        synchronized (this) {
            // kept: the configuration and the endpoints hold these stores, started again with the component
            if (shared != null) {
                shared.stop();
            }
        }
        super.doStop();
    }

    public StoraConfiguration getConfiguration() {
        return configuration;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        synchronized (this) {
            if (shared != null) {
                shared.start();
            }
        }
        // the tables, on the first start even before a route uses the component
        applySharedDefaults();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // the quartz component gets its clustered scheduler once its own settings are applied (camel-main and Spring
        // Boot bind camel.component.quartz.* after adding it, and an explicit setting must win) and before it starts
        // and creates one of its own: as the context starts, or when it is added to a context already starting
        getCamelContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onComponentAdd(String name, org.apache.camel.Component component) {
                if ("quartz".equals(name) && contextStarting) {
                    clusterQuartz(component);
                }
            }

            @Override
            public void onContextStarting(CamelContext context) {
                contextStarting = true;
                if (context.hasComponent("quartz") != null) {
                    clusterQuartz(context.hasComponent("quartz"));
                }
            }
        });
        if (getCamelContext().isStarted() || getCamelContext().isStarting()) {
            contextStarting = true;
            if (getCamelContext().hasComponent("quartz") != null) {
                clusterQuartz(getCamelContext().hasComponent("quartz"));
            }
        }
    }

    /** With a {@link #dataSource} and camel-quartz: the quartz component's scheduler clustered on it, once. */
    private synchronized void clusterQuartz(org.apache.camel.Component quartz) {
        CamelContext context = getCamelContext();
        ClassLoader loader = context.getApplicationContextClassLoader() != null ? context.getApplicationContextClassLoader()
                : StoraComponent.class.getClassLoader();
        if (dataSource == null || quartzClustered || !QuartzCluster.available(loader)) {
            return;
        }
        quartzClustered = true;
        QuartzCluster.configure(context, quartz, dataSource,
                "stora-" + context.getName() + "-" + Integer.toHexString(System.identityHashCode(dataSource)));
    }

    public void setConfiguration(StoraConfiguration configuration) {
        this.configuration = configuration;
    }

    public boolean isHealthCheckAccountEnabled() {
        return healthCheckAccountEnabled;
    }

    public void setHealthCheckAccountEnabled(boolean healthCheckAccountEnabled) {
        this.healthCheckAccountEnabled = healthCheckAccountEnabled;
    }

    public boolean isHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public long getHealthCheckProbeInterval() {
        return healthCheckProbeInterval;
    }

    public void setHealthCheckProbeInterval(long healthCheckProbeInterval) {
        this.healthCheckProbeInterval = healthCheckProbeInterval;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    public void setTokenRefreshMargin(long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
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

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
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

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The throttling and retry settings shared by the accounts of a component, checked when the first one is used. */
    record AccountPolicy(boolean throttle, RateLimits limits, RequestLimiter customLimiter, RetrySettings retries) {

        static AccountPolicy of(StoraComponent c) {
            if (c.getTokenRefreshMargin() < 0) {
                throw new IllegalArgumentException("tokenRefreshMargin of the stora component is negative; use 0 or a"
                        + " positive duration");
            }
            if (c.getRateLimitPerSecond() < 0 || c.getRateLimitPerMinute() < 0) {
                throw new IllegalArgumentException(
                        "rateLimitPerSecond (" + c.getRateLimitPerSecond() + ") and rateLimitPerMinute ("
                                + c.getRateLimitPerMinute() + ") must be 0 (no such limit) or more");
            }
            RetrySettings retries = c.isRetries()
                    ? new RetrySettings(true, c.getMaxRetries(), Duration.ofMillis(c.getRetryInitialDelay()),
                            Duration.ofMillis(c.getRetryMaxDelay()), Duration.ofMillis(c.getRetryMaxDuration()))
                    : RetrySettings.DISABLED;
            if (!c.isThrottle()) {
                // nothing paces the calls: no limit is used, so none is required
                return new AccountPolicy(false, null, null, retries);
            }
            Duration margin = Duration.ofMillis(c.getRateLimitMargin());
            Duration maxWait = Duration.ofMillis(c.getMaxRateLimitWait());
            RateLimits limits;
            if (c.getRateLimitWindows() != null && !c.getRateLimitWindows().isBlank()) {
                limits = new RateLimits(RateLimits.parseWindows(c.getRateLimitWindows()), margin, maxWait);
            } else if (c.getRateLimitPerSecond() == 0 && c.getRateLimitPerMinute() == 0) {
                throw new IllegalArgumentException("rateLimitPerSecond and rateLimitPerMinute are both 0 while throttle is on:"
                        + " set the account's limits, or throttle=false");
            } else {
                limits = RateLimits.perSecondAndMinute(c.getRateLimitPerSecond(), c.getRateLimitPerMinute(), margin, maxWait);
            }
            return new AccountPolicy(true, limits, c.getRateLimiter(), retries);
        }
    }
}
