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

import java.util.List;
import java.util.stream.Collectors;

import io.camelstora.component.catalog.ListCapabilities;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.polling.StoraPollingConsumer;
import io.camelstora.component.internal.request.StoraRequestFactory;
import io.camelstora.component.internal.webhook.StoraWebhookConsumer;
import io.camelstora.component.internal.webhook.StoraWebhookReceiver;
import io.camelstora.component.polling.StoraPollingOptions;
import io.camelstora.component.webhook.StoraWebhookOptions;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Call every operation of the Stora Public API for self-storage operators, receive its signed webhook events and
 * poll its lists for new and changed records.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "stora", title = "Stora", syntax = "stora:resource/action",
        category = {Category.SAAS, Category.API}, headersClass = StoraConstants.class)
public class StoraEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation, WebhookCapableEndpoint {

    /** The pseudo-resource of the webhook consumer: {@code from("stora:webhook")}. */
    public static final String WEBHOOK = "webhook";

    @UriPath(label = "common",
            enums = StoraUriPaths.RESOURCES)
    @Metadata(required = true,
            description = "The Stora resource in snake_case as in the API path (contacts, unit_types, order_line_items...), or"
                    + " webhook to receive events.")
    private String resource;

    @UriPath(label = "common",
            enums = StoraUriPaths.ACTIONS)
    @Metadata(description = "The action on the resource: list, show, create, update, delete, or the last path segment of other"
            + " actions (finalize, grant_access, win...). Not used with webhook.")
    private String action;

    @UriParam
    private StoraConfiguration configuration;

    @UriParam
    private StoraRequestOptions requestOptions = new StoraRequestOptions();

    @UriParam
    private StoraWebhookOptions webhookOptions = new StoraWebhookOptions();

    @UriParam
    private StoraPollingOptions pollingOptions = new StoraPollingOptions();

    /** Camel's 500 ms would spend the account's 60 requests a minute on polling alone. */
    public static final long DEFAULT_POLL_DELAY = 60_000;

    // redeclared only so the generated documentation shows this default; the value lives in ScheduledPollEndpoint
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY, javaType = "java.time.Duration",
            description = "Milliseconds (or a duration such as 5m) between the end of a poll and the start of the next."
                    + " Every poll costs at least one request of the account's rate limit (60 a minute).")
    private long delay = DEFAULT_POLL_DELAY;

    private StoraOperation operation;
    private StoraClient client;
    private StoraWebhookReceiver webhookReceiver;
    private WebhookConfiguration webhookConfiguration;

    public StoraEndpoint(String uri, StoraComponent component, StoraConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public StoraComponent getComponent() {
        return (StoraComponent) super.getComponent();
    }

    /**
     * Resolves {@code resource/action} against the catalog. Fails with the valid resources, or the valid actions of
     * the resource, so a typo is reported when the route is built.
     */
    void resolvePath(String remaining) {
        String[] parts = remaining.split("/", -1);
        String resourceName = parts[0];
        if (WEBHOOK.equals(resourceName)) {
            if (parts.length > 1 && !parts[1].isEmpty()) {
                throw new IllegalArgumentException("stora:webhook takes no action, got 'webhook/" + parts[1] + "'");
            }
            this.resource = WEBHOOK;
            return;
        }
        StoraResource r = StoraResource.fromUriName(resourceName).orElseThrow(() -> new IllegalArgumentException(
                "Unknown Stora resource '" + resourceName + "' in stora:" + remaining + ". Valid resources: "
                        + String.join(", ", StoraResource.uriNames()) + ", and webhook to receive events"));
        if (parts.length != 2 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("stora:" + remaining + " needs an action: stora:" + r.uriName()
                    + "/<action>. Valid actions of " + r.uriName() + ": "
                    + String.join(", ", r.actionNames()));
        }
        this.operation = StoraOperation.find(r, parts[1]).orElseThrow(() -> new IllegalArgumentException(
                "Unknown action '" + parts[1] + "' of Stora resource " + r.uriName() + ". Valid actions of "
                        + r.uriName() + ": " + String.join(", ", r.actionNames())));
        this.resource = r.uriName();
        this.action = parts[1];
    }

    /** Checks option combinations that can be known wrong before the route starts. */
    void validateOptions() {
        checkBaseUrl();
        StoraRequestOptions o = requestOptions;
        if (isWebhook()) {
            webhookReceiver = new StoraWebhookReceiver(this);
        }
        if (operation == null) {
            return;
        }
        StoraRequestFactory.checkFormat(operation, o.getFormat());
        if (!operation.isPaged()) {
            if (o.isFetchAllPages() || o.getPage() != null || o.getLimit() != null || o.getSortBy() != null
                    || o.getSortDirection() != null || !o.getFilters().isEmpty()) {
                String filters = o.getFilters().keySet().stream().sorted().map(name -> "filter." + name)
                        .collect(Collectors.joining(", "));
                throw new IllegalArgumentException(operation.uri() + " is not a list: fetchAllPages, page, limit, sortBy,"
                        + " sortDirection and filter.* apply only to list operations"
                        + (filters.isEmpty() ? "" : "; remove " + filters)
                        + StoraOperation.find(operation.resource(), "list")
                                .map(list -> "; list " + operation.resource().uriName()
                                        + " with " + list.uri())
                                .orElse(""));
            }
        }
        if (!o.getFilters().isEmpty()) {
            // the rules the CamelStoraFilters header is held to as well, see StoraRequestFactory
            ListCapabilities.of(operation).checkFilters(o.getFilters(), o.isValidateFilters(), name -> "filter." + name);
        }
        // the same rules as for the headers that override these options, see StoraRequestFactory
        if (o.getLimit() != null && (o.getLimit() < 1 || o.getLimit() > StoraRequestFactory.MAX_LIMIT)) {
            throw new IllegalArgumentException("limit of " + operation.uri() + " is " + o.getLimit() + "; "
                    + StoraRequestFactory.LIMIT_RULE);
        }
        if (o.getPage() != null && o.getPage() < 1) {
            throw new IllegalArgumentException("page of " + operation.uri() + " is " + o.getPage() + "; "
                    + StoraRequestFactory.PAGE_RULE);
        }
        if (o.getSortDirection() != null && !StoraRequestFactory.isSortDirection(o.getSortDirection())) {
            throw new IllegalArgumentException("sortDirection of " + operation.uri() + " is '" + o.getSortDirection() + "'; "
                    + StoraRequestFactory.SORT_DIRECTION_RULE);
        }
        if (o.getMaxItems() < 0) {
            throw new IllegalArgumentException("maxItems of " + operation.uri() + " is " + o.getMaxItems()
                    + "; use 0 for no cap or a positive number");
        }
        if (configuration.getPagesInFlight() < 1) {
            throw new IllegalArgumentException("pagesInFlight of " + operation.uri() + " is "
                    + configuration.getPagesInFlight() + "; use 1 to read one page at a time, or more");
        }
        if (o.isFetchAllPages() && o.getFormat() != StoraFormat.JSON) {
            throw new IllegalArgumentException("fetchAllPages of " + operation.uri()
                    + " streams JSON records; fetch CSV one page at a time with page and limit");
        }
    }

    /** A base URL that is no http(s) URL would only fail at the first call: reported when the endpoint is created. */
    private void checkBaseUrl() {
        StoraComponent.checkedBaseUrl(configuration.getBaseUrl(), describeForErrors());
    }

    @Override
    public Producer createProducer() throws Exception {
        if (isWebhook()) {
            throw new IllegalArgumentException("stora:webhook receives events and cannot be used in to(); call the API with"
                    + " stora:<resource>/<action>");
        }
        return new StoraProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = isWebhook()
                ? new StoraWebhookConsumer(this, processor)
                : StoraPollingConsumer.create(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (!isWebhook()) {
            getClient(); // the account's client, and its option checks, before the first exchange
        }
    }

    // ---- WebhookCapableEndpoint: webhook:stora:webhook serves the path through the webhook component's REST consumer

    @Override
    public Processor createWebhookHandler(Processor next) {
        requireWebhook();
        // the path the webhook component serves, which names the events of this route in the event store; known here
        // already, as registerWebhook does not run with webhookAutoRegister=false
        getWebhookReceiver().setServedPath(webhookConfiguration.computeFullPath(false));
        if (!webhookConfiguration.isWebhookAutoRegister() && !getWebhookReceiver().hasSecret()) {
            // nothing would ever verify a delivery: each answered 503 until Stora gives up on it
            throw new IllegalArgumentException("webhook:stora:webhook has no signing secret to verify deliveries: set secret"
                    + " (shown by Stora when the webhook endpoint was created), or leave webhookAutoRegister on");
        }
        // the webhook component creates the platform-http consumer with its body handler
        getWebhookReceiver().warnUnboundedBodies("Camel's webhook component");
        // events are routed in exchanges of their own, as from the webhook: endpoint, so the HTTP exchange stays the answer
        return getWebhookReceiver().createHandler(null, next, http -> {
            Exchange exchange = new DefaultExchange(http.getContext());
            exchange.getExchangeExtension().setFromEndpoint(http.getFromEndpoint());
            exchange.getExchangeExtension().setFromRouteId(http.getFromRouteId());
            return exchange;
        }, exchange -> {
        });
    }

    @Override
    public void registerWebhook() throws Exception {
        requireWebhook();
        getWebhookReceiver().setServedPath(webhookConfiguration.computeFullPath(false));
        if (!webhookConfiguration.isWebhookAutoRegister() && !getWebhookReceiver().hasSecret()) {
            // nothing would ever verify a delivery: each answered 503 until Stora gives up on it
            throw new IllegalArgumentException("webhook:stora:webhook has no signing secret to verify deliveries: set secret"
                    + " (shown by Stora when the webhook endpoint was created), or leave webhookAutoRegister on");
        }
        getWebhookReceiver().start();
        getWebhookReceiver().register(webhookConfiguration.computeFullExternalUrl());
    }

    @Override
    public void unregisterWebhook() throws Exception {
        requireWebhook();
        getWebhookReceiver().unregister();
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
        if (isWebhook()) {
            // webhook: may skip registration (webhookAutoRegister=false): then the configured secrets verify
            getWebhookReceiver().start();
        }
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    private void requireWebhook() {
        if (!isWebhook()) {
            throw new IllegalArgumentException("Only stora:webhook can be used with the webhook component, not "
                    + getEndpointBaseUri());
        }
    }

    /** The webhook side of {@code stora:webhook}: secrets, filter, registration. */
    public StoraWebhookReceiver getWebhookReceiver() {
        if (webhookReceiver == null) {
            requireWebhook();
            webhookReceiver = new StoraWebhookReceiver(this);
        }
        return webhookReceiver;
    }

    /** The client of this endpoint's account, shared with every endpoint of the same account. */
    public StoraClient getClient() {
        if (client == null) {
            client = getComponent().client(configuration);
        }
        return client;
    }

    /** How error messages name this endpoint: its operation, without options (they may hold secrets). */
    String describeForErrors() {
        return operation != null ? operation.uri() : "stora:" + resource;
    }

    /** What throttling and retries did for this endpoint's account (shared with its other endpoints). */
    public io.camelstora.component.limits.StoraAccountStats getAccountStats() {
        return getClient().getStats();
    }

    public boolean isWebhook() {
        return WEBHOOK.equals(resource);
    }

    /** The catalog entry of this endpoint, {@code null} for {@code stora:webhook}. */
    public StoraOperation getOperation() {
        return operation;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public StoraConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(StoraConfiguration configuration) {
        this.configuration = configuration;
    }

    public StoraRequestOptions getRequestOptions() {
        return requestOptions;
    }

    public void setRequestOptions(StoraRequestOptions requestOptions) {
        this.requestOptions = requestOptions;
    }

    public StoraWebhookOptions getWebhookOptions() {
        return webhookOptions;
    }

    public void setWebhookOptions(StoraWebhookOptions webhookOptions) {
        this.webhookOptions = webhookOptions;

    }

    public StoraPollingOptions getPollingOptions() {
        return pollingOptions;
    }

    public void setPollingOptions(StoraPollingOptions pollingOptions) {
        this.pollingOptions = pollingOptions;
    }
}
