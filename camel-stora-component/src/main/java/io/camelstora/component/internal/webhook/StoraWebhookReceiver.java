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
package io.camelstora.component.internal.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.StoraOutputType;
import io.camelstora.component.catalog.MetadataRules;
import io.camelstora.component.webhook.StoraWebhookEventStore;
import io.camelstora.component.webhook.StoraWebhookOptions;
import io.camelstora.component.webhook.StoraWebhookVerifier;
import io.camelstora.component.webhook.UnregisterMode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook side of one {@code stora:webhook} endpoint, shared by the two ways of receiving its events: the
 * endpoint's own consumer ({@code from("stora:webhook")}) and Camel's webhook component
 * ({@code from("webhook:stora:webhook")}). Holds the accepted secrets, the event type filter, the default idempotent
 * repository and the self-registration.
 */
public final class StoraWebhookReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(StoraWebhookReceiver.class);

    private final StoraEndpoint endpoint;
    private final StoraWebhookOptions options;
    private final EventTypeFilter eventTypes;
    private IdempotentRepository defaultRepository;
    private StateRepository<String, String> secretStore;
    private volatile StoraWebhookVerifier verifier;
    private volatile String registeredEndpointId;
    private volatile Instant registeredAt;
    private final WebhookDeliveries deliveries;
    /** The path the HTTP server serves: the path option, or the webhook component's path. */
    private volatile String servedPath;

    /**
     * Checks the options, so a wrong one fails when the endpoint is created.
     *
     * @throws IllegalArgumentException naming the option
     */
    public StoraWebhookReceiver(StoraEndpoint endpoint) {
        this.endpoint = endpoint;
        this.options = endpoint.getWebhookOptions();
        this.eventTypes = EventTypeFilter.parse(options.getEventTypes());
        this.servedPath = options.normalizedPath();
        this.deliveries = new WebhookDeliveries(endpoint.getComponent()::getMetrics);
        if (options.getSignatureTolerance() <= 0) {
            throw new IllegalArgumentException("signatureTolerance of stora:webhook must be positive, got "
                    + options.getSignatureTolerance() + " ms");
        }
        if (options.getBodyTimeout() <= 0) {
            throw new IllegalArgumentException("bodyTimeout of stora:webhook must be positive, got "
                    + options.getBodyTimeout() + " ms");
        }
        if (options.getMaxBodySize() <= 0) {
            throw new IllegalArgumentException(
                    "maxBodySize of stora:webhook must be positive, got " + options.getMaxBodySize());
        }
        if (options.getPublicUrl() != null) {
            checkUrl(options.getPublicUrl(), "publicUrl");
        }
        if (options.isAutoRegister() && (options.getPublicUrl() == null || options.getPublicUrl().isBlank())) {
            throw new IllegalArgumentException("autoRegister of stora:webhook needs publicUrl: the https URL at which Stora"
                    + " reaches " + servedPath);
        }
        if (endpointName().length() > MetadataRules.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("endpointName of stora:webhook has " + endpointName().length()
                    + " characters; it is stored as metadata, which allows "
                    + MetadataRules.MAX_VALUE_LENGTH);
        }
    }

    /**
     * A handler routing events to {@code route}: see {@link StoraWebhookHandler}.
     *
     * @param routeId names the route in metrics; {@code null} to take it from each HTTP exchange
     */
    public Processor createHandler(String routeId, Processor route, Function<Exchange, Exchange> newExchange,
                                   Consumer<Exchange> release) {
        return new StoraWebhookHandler(this, routeId, route, newExchange, release);
    }

    /** Set when the webhook component serves another path than the path option; names the registered endpoint. */
    public void setServedPath(String servedPath) {
        this.servedPath = servedPath;
    }

    /** Accepts the configured secrets; called before any delivery can arrive. */
    public synchronized void start() {
        rebuildVerifier(null);
    }

    /**
     * Registers (or finds) the Stora endpoint delivering to {@code url}, and accepts its secret besides the
     * configured ones.
     */
    public synchronized void register(String url) {
        checkUrl(url, "the webhook URL");
        StoraWebhookRegistrar.Registration registration = registrar().register(url, eventTypes.subscribedTypes(),
                !options.secrets().isEmpty());
        registeredEndpointId = registration.endpointId();
        registeredAt = Instant.now();
        rebuildVerifier(registration.secret());
    }

    /** Applies unregisterOnStop to the endpoint registered by {@link #register}. */
    public synchronized void unregister() {
        if (registeredEndpointId != null) {
            registrar().unregister(registeredEndpointId, options.getUnregisterOnStop());
            if (options.getUnregisterOnStop() != UnregisterMode.NONE) {
                registeredEndpointId = null;
                registeredAt = null;
            }
        }
    }

    /** Whether some secret can verify deliveries; when not, they are answered 503. */
    public boolean hasSecret() {
        return verifier != null;
    }

    /** The Stora id of the endpoint registered by this route, or {@code null}. */
    public String getRegisteredEndpointId() {
        return registeredEndpointId;
    }

    /** When {@link #register} found or created the endpoint and made sure it is enabled, or {@code null}. */
    public Instant getRegisteredAt() {
        return registeredAt;
    }

    /** How the deliveries to this endpoint were answered. */
    public WebhookDeliveries deliveries() {
        return deliveries;
    }

    /** The path the HTTP server serves. */
    public String getServedPath() {
        return servedPath;
    }

    StoraWebhookVerifier verifier() {
        return verifier;
    }

    StoraWebhookOptions options() {
        return options;
    }

    EventTypeFilter eventTypes() {
        return eventTypes;
    }

    StoraOutputType outputType() {
        return endpoint.getConfiguration().getOutputType();
    }

    CamelContext getCamelContext() {
        return endpoint.getCamelContext();
    }

    /**
     * Where a new handler claims and marks events: the eventStore option, else a store over the idempotentRepository
     * option or the default in-memory repository (in progress known per handler); {@code null} when idempotent is off.
     */
    synchronized StoraWebhookEventStore eventStore() {
        if (!options.isIdempotent()) {
            return null;
        }
        if (options.getEventStore() != null) {
            return options.getEventStore();
        }
        IdempotentRepository configured = endpoint.getConfiguration().getIdempotentRepository();
        if (configured != null) {
            return new RepositoryEventStore(configured, "the idempotentRepository " + configured.getClass().getSimpleName()
                    + " (done marks; in progress known on this node only)");
        }
        if (defaultRepository == null) {
            defaultRepository = MemoryIdempotentRepository
                    .memoryIdempotentRepository(StoraWebhookOptions.DEFAULT_REPOSITORY_SIZE);
        }
        return new RepositoryEventStore(defaultRepository, "memory (the last "
                + StoraWebhookOptions.DEFAULT_REPOSITORY_SIZE
                + " event ids of this endpoint, lost on restart, not shared)");
    }

    /**
     * Starts a handler's store: a repository as Camel's idempotent consumer does, a store of the eventStore option
     * (often shared by several routes) as a service of the CamelContext, stopped with it.
     */
    void startEventStore(StoraWebhookEventStore store) throws Exception {
        if (store instanceof RepositoryEventStore repositoryStore) {
            ServiceHelper.startService(repositoryStore.repository());
        } else if (store instanceof Service service) {
            if (!getCamelContext().hasService(service)) {
                getCamelContext().addService(service, true, true);
            }
        }
        if (store != null) {
            LOG.info("stora:webhook at {} keeps the state of its events in {}", servedPath, store);
        } else {
            LOG.info("stora:webhook at {} routes every delivery (idempotent=false)", servedPath);
        }
    }

    /**
     * Says at start-up what bounds request bodies when the HTTP engine reads them before the component can: the
     * component's own limit then only decides the answer.
     */
    public void warnUnboundedBodies(String reader) {
        LOG.warn("stora:webhook at {}: {} reads each request body before the component can check it, so maxBodySize ({}"
                + " bytes) does not bound the memory a request takes. Bound bodies before they reach it: a request size"
                + " limit at the reverse proxy; on camel-main camel.server.maxBodySize; on Spring Boot also"
                + " camel.main.stream-caching-spool-enabled=true (bodies over the spool threshold go to disk); on Quarkus"
                + " quarkus.http.limits.max-body-size. See docs/webhooks.md, \"Hostile requests and memory\"",
                servedPath, reader, options.getMaxBodySize());
    }

    String endpointName() {
        String name = options.getEndpointName();
        return name == null || name.isBlank() ? "Camel " + servedPath : name.trim();
    }

    private StoraWebhookRegistrar registrar() {
        if (secretStore == null) {
            secretStore = options.getSecretStore() != null
                    ? options.getSecretStore()
                    : new FileSecretStore(options.getSecretStoreFile() == null || options.getSecretStoreFile().isBlank()
                            ? FileSecretStore.defaultFile()
                            : Path.of(options.getSecretStoreFile()));
            try {
                ServiceHelper.startService(secretStore);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot start the secretStore of stora:webhook: " + e.getMessage(), e);
            }
        }
        long timeout = endpoint.getComponent().getConnectTimeout() + endpoint.getComponent().getResponseTimeout();
        return new StoraWebhookRegistrar(endpoint.getClient(), secretStore, endpointName(), Duration.ofMillis(timeout));
    }

    private void rebuildVerifier(String registeredSecret) {
        List<String> secrets = new ArrayList<>(options.secrets());
        if (registeredSecret != null && !secrets.contains(registeredSecret)) {
            secrets.add(registeredSecret);
        }
        verifier = secrets.isEmpty() ? null
                : new StoraWebhookVerifier(secrets, Duration.ofMillis(options.getSignatureTolerance()));
    }

    private void checkUrl(String url, String what) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            return;
        }
        if (lower.startsWith("http://")) {
            if (options.isAllowHttp()) {
                return;
            }
            throw new IllegalArgumentException(what + " of stora:webhook is " + url + "; Stora delivers only to https URLs."
                    + " Set allowHttp=true for the Stora simulator or local tests");
        }
        throw new IllegalArgumentException(what + " of stora:webhook is " + url + "; it must be an https:// URL");
    }
}
