package io.camelstora.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.camelstora.component.auth.AccessTokenSource;
import io.camelstora.component.auth.StaticAccessToken;
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
    /** The state keys of the running polling consumers, with the endpoint that holds each. */
    private final Map<String, String> pollingStateKeys = new ConcurrentHashMap<>();
    private ExecutorService callbackExecutor;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        StoraEndpoint endpoint = new StoraEndpoint(uri, this, configuration.copy());
        endpoint.resolvePath(remaining);
        Map<String, Object> filters = PropertiesHelper.extractProperties(parameters, "filter.");
        setProperties(endpoint, parameters);
        endpoint.getRequestOptions().getFilters().putAll(filters);
        endpoint.validateOptions();
        return endpoint;
    }

    /** The client of the account {@code config} describes; created on first use, shared afterwards. */
    StoraClient client(StoraConfiguration config) {
        AccessTokenSource tokens = tokenSource(config);
        String key = normalize(config.getBaseUrl()) + "|" + tokens.accountId();
        return clients.computeIfAbsent(key, k -> new StoraClient(normalize(config.getBaseUrl()),
                new StoraHttpTransport(config.getMaxConnections(), config.getConnectTimeout(), config.getResponseTimeout(),
                        callbackExecutor()),
                tokens, RequestLimiter.UNLIMITED));
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

    private AccessTokenSource tokenSource(StoraConfiguration config) {
        if (config.getAccessToken() != null && !config.getAccessToken().isBlank()) {
            return new StaticAccessToken(config.getAccessToken());
        }
        return new MissingCredentials();
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

    /**
     * No credentials were configured: calls that need none (images, the OAuth 2 token call) work, the others fail
     * saying what to configure.
     */
    private static final class MissingCredentials implements AccessTokenSource {
        @Override
        public java.util.concurrent.CompletableFuture<String> accessToken() {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(
                    "No Stora credentials: set accessToken on the stora component or endpoint"));
        }

        @Override
        public String accountId() {
            return "anonymous";
        }
    }
}
