package io.camelstora.component;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.camelstora.component.auth.AccessTokenSource;
import io.camelstora.component.auth.StoraAuthorization;
import io.camelstora.component.auth.StoraTokenEndpoint;
import io.camelstora.component.http.StoraClient;
import io.camelstora.component.http.StoraHttpTransport;
import io.camelstora.component.limits.RequestLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code stora} component. Holds the configuration shared by its endpoints and one {@link StoraClient} per Stora
 * account (base URL and credentials), so token cache, rate limiter and connections are shared by every endpoint and
 * consumer of that account.
 */
@Component("stora")
public class StoraComponent extends DefaultComponent {

    @Metadata(description = "The configuration shared by all endpoints; each endpoint may override any option.")
    private StoraConfiguration configuration = new StoraConfiguration();

    private final Map<String, StoraClient> clients = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();
    private ExecutorService callbackExecutor;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        StoraEndpoint endpoint = new StoraEndpoint(uri, this, configuration.copy());
        endpoint.resolvePath(remaining);
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filter.");
        setProperties(endpoint, parameters);
        endpoint.getRequestOptions().getFilters().putAll(filters);
        endpoint.validateOptions();
        StoraCredentials.of(endpoint.getConfiguration(), endpoint.describeForErrors());
        return endpoint;
    }

    /** The client of the account {@code config} describes; created on first use, shared afterwards. */
    StoraClient client(StoraConfiguration config) {
        StoraCredentials credentials = StoraCredentials.of(config, "the stora component or endpoint");
        String baseUrl = normalize(config.getBaseUrl());
        return clients.computeIfAbsent(baseUrl + "|" + credentials.accountId(), k -> {
            StoraHttpTransport transport = new StoraHttpTransport(config.getMaxConnections(), config.getConnectTimeout(),
                    config.getResponseTimeout(), callbackExecutor());
            AccessTokenSource tokens = credentials.tokenSource(new StoraTokenEndpoint(transport, baseUrl), clock);
            return new StoraClient(baseUrl, transport, tokens, RequestLimiter.UNLIMITED);
        });
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
        return new StoraAuthorization(new StoraTokenEndpoint(client.getTransport(), client.getBaseUrl()), authorizeUrl,
                configuration.getClientId(), configuration.getClientSecret());
    }

    /** For tests that move time forward instead of waiting for tokens to expire. */
    void setClock(Clock clock) {
        this.clock = clock;
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
        clients.values().forEach(StoraClient::close);
        clients.clear();
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
}
