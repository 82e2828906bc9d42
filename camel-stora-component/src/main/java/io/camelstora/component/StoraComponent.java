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

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import io.camelstora.component.auth.StoraAuthorization;
import io.camelstora.component.internal.auth.AccessTokenSource;
import io.camelstora.component.internal.auth.StoraTokenEndpoint;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.health.StoraAccountHealthCheck;
import io.camelstora.component.internal.http.StoraHttpTransport;
import io.camelstora.component.internal.limits.AccountLimiter;
import io.camelstora.component.internal.limits.AccountStatsRecorder;
import io.camelstora.component.internal.limits.CallPolicy;
import io.camelstora.component.internal.limits.RetrySettings;
import io.camelstora.component.internal.metrics.StoraMetrics;
import io.camelstora.component.internal.metrics.StoraMetricsResolver;
import io.camelstora.component.limits.RateLimits;
import io.camelstora.component.limits.RequestLimiter;
import io.camelstora.component.limits.SlidingWindowRateLimiter;
import io.camelstora.component.limits.StoraAccountStats;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code stora} component. Holds the configuration shared by its endpoints and one {@link StoraClient} per Stora
 * account (base URL and credentials), so token cache, rate limiter and connections are shared by every endpoint and
 * consumer of that account.
 */
@Component("stora")
public class StoraComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(StoraComponent.class);

    @Metadata(label = "advanced",
            description = "The configuration shared by all endpoints; each endpoint may override any option.")
    private StoraConfiguration configuration = new StoraConfiguration();

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

    private final Map<String, StoraClient> clients = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();
    private final Map<String, AccountPolicy> policies = new ConcurrentHashMap<>();
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
        StoraEndpoint endpoint = new StoraEndpoint(uri, this, configuration.copy());
        endpoint.resolvePath(remaining);
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filter.");
        Map<String, Object> given = new LinkedHashMap<>(parameters); // setProperties removes what it binds
        try {
            setProperties(endpoint, parameters);
        } catch (RuntimeException e) {
            throw enumOptionError(endpoint, given).orElseThrow(() -> e);
        }
        endpoint.getRequestOptions().getFilters().putAll(filters);
        endpoint.validateOptions();
        StoraCredentials.of(endpoint.getConfiguration(), endpoint.describeForErrors());
        return endpoint;
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
     * The client of the account {@code config} describes; created on first use, shared afterwards. Its limiter and
     * retry settings come from the endpoint that created it: set them on the component so every endpoint agrees.
     */
    StoraClient client(StoraConfiguration config) {
        StoraCredentials credentials = StoraCredentials.of(config, "the stora component or endpoint");
        String baseUrl = normalize(config.getBaseUrl());
        String key = baseUrl + "|" + credentials.accountId();
        AccountPolicy policy = AccountPolicy.of(config);
        AccountPolicy existing = policies.putIfAbsent(key, policy);
        if (existing != null && !existing.equals(policy)) {
            LOG.warn("An endpoint of Stora account {} sets other throttling or retry options than the endpoint that first used"
                    + " the account; the account keeps {}. Set these options on the component", key, existing);
        }
        return clients.computeIfAbsent(key, k -> newClient(k, baseUrl, config, credentials, policies.get(k)));
    }

    private StoraClient newClient(String account, String baseUrl, StoraConfiguration config, StoraCredentials credentials,
                                  AccountPolicy policy) {
        AccountStatsRecorder stats = new AccountStatsRecorder(account, getMetrics());
        RequestLimiter limiter = RequestLimiter.UNLIMITED;
        if (policy.throttle()) {
            if (policy.customLimiter() != null) {
                limiter = policy.customLimiter();
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
        StoraHttpTransport transport = new StoraHttpTransport(config.getMaxConnections(), config.getConnectTimeout(),
                config.getResponseTimeout());
        AccessTokenSource tokens = credentials.tokenSource(new StoraTokenEndpoint(transport, baseUrl), clock);
        AccountLimiter accountLimiter = new AccountLimiter(limiter, stats, callbackExecutor());
        StoraClient client = new StoraClient(baseUrl, transport, tokens, accountLimiter, calls, callbackExecutor());
        gauges.add(getMetrics().limiterGauges(account, accountLimiter::state));
        if (healthCheckAccountEnabled) {
            register(new StoraAccountHealthCheck(account, client, credentials.kind() != StoraCredentials.Kind.NONE,
                    Duration.ofMillis(healthCheckProbeInterval)));
        }
        return client;
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

    private static String normalize(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl of the stora component is empty; the default is "
                    + StoraConfiguration.DEFAULT_BASE_URL);
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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
        clients.values().forEach(StoraClient::close);
        clients.clear();
        policies.clear();
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdown(timer);
            timer = null;
        }
        if (callbackExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(callbackExecutor);
            callbackExecutor = null;
        }
        super.doStop();
    }

    public StoraConfiguration getConfiguration() {
        return configuration;
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

    /** The throttling and retry settings of an account, checked when the first endpoint of the account starts. */
    record AccountPolicy(boolean throttle, RateLimits limits, RequestLimiter customLimiter, RetrySettings retries) {

        static AccountPolicy of(StoraConfiguration c) {
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
                // nothing paces the calls: no limit is used, so none is required, and endpoints that differ only in
                // unused limits agree
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

        @Override
        public boolean equals(Object o) {
            // the custom limiter is compared by identity: the same bean or not
            return o instanceof AccountPolicy p && throttle == p.throttle && Objects.equals(limits, p.limits)
                    && customLimiter == p.customLimiter && retries.equals(p.retries);
        }

        @Override
        public int hashCode() {
            return Objects.hash(throttle, limits, System.identityHashCode(customLimiter), retries);
        }

        @Override
        public String toString() {
            String pacing = !throttle ? ""
                    : customLimiter != null ? " with rateLimiter " + customLimiter : " at " + limits.describe();
            return "throttle=" + throttle + pacing + ", retries=" + (retries.enabled() ? retries.maxRetries() : "off");
        }
    }
}
