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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.catalog.HttpMethod;
import io.camelstora.component.catalog.MetadataRules;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraDocuments;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraHttpTransport;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.support.StoraJson;
import io.camelstora.component.webhook.StoraWebhookOptions;
import io.camelstora.component.webhook.UnregisterMode;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Stora webhook endpoint in the state a route asks for, through the Webhook Endpoints API
 * (https://docs.stora.co/2025-09/api-reference/webhook-endpoints): found by the metadata {@value StoraWebhookOptions#MARKER_KEY} = endpoint name,
 * created when missing, enabled when disabled, its URL and event types updated when they changed.
 * <p>
 * Stora shows an endpoint's secret once, in the create response, so it goes to the secret store at once, keyed by the
 * endpoint id. An endpoint of ours whose secret is in no store and not configured can never be verified: it is
 * replaced by a new one (created first, then the old deleted, so no event goes nowhere in between).
 * <p>
 * The list's metadata filter is cut off in the stored reference, so endpoints are listed (a handful per account) and
 * matched here rather than relying on a guessed query syntax.
 */
final class StoraWebhookRegistrar {

    static final String API_VERSION = "2025-09";
    private static final Logger LOG = LoggerFactory.getLogger(StoraWebhookRegistrar.class);
    private static final String DESCRIPTION = "Receives events for an Apache Camel route (camel-stora); managed automatically";
    /** 100 pages of 100: far more webhook endpoints than an account has; stops a list whose paging never ends. */
    private static final int MAX_PAGES = 100;

    /** The registered endpoint and its secret ({@code null} when only a configured secret can verify it). */
    record Registration(String endpointId, String secret) {
        @Override
        public String toString() {
            return "Registration[" + endpointId + "]";
        }
    }

    private final StoraClient client;
    private final StateRepository<String, String> secretStore;
    private final String name;
    private final Duration timeout;

    StoraWebhookRegistrar(StoraClient client, StateRepository<String, String> secretStore, String name, Duration timeout) {
        this.client = client;
        this.secretStore = secretStore;
        this.name = name;
        this.timeout = timeout;
    }

    /**
     * Makes Stora deliver {@code eventTypes} to {@code url}.
     *
     * @param configuredSecret whether the route has a configured secret, which is then trusted to verify an existing
     *                         endpoint whose secret is not in the store
     */
    Registration register(String url, List<String> eventTypes, boolean configuredSecret) {
        List<JsonNode> ours = listOurs();
        JsonNode chosen = null;
        String secret = null;
        for (JsonNode endpoint : ours) {
            String stored = secretStore.getState(secretKey(id(endpoint)));
            if (stored != null && !stored.isEmpty()) {
                chosen = endpoint;
                secret = stored;
                break;
            }
        }
        if (chosen == null && !ours.isEmpty() && configuredSecret) {
            chosen = ours.get(0);
        }
        if (chosen == null) {
            Registration created = create(url, eventTypes);
            for (JsonNode stale : ours) {
                LOG.warn("Deleting Stora webhook endpoint {} named '{}': its secret is in no store, so its deliveries could"
                        + " not be verified; {} replaces it", id(stale), name, created.endpointId());
                call(StoraOperation.WEBHOOK_ENDPOINTS_DELETE, id(stale), null);
            }
            return created;
        }
        if (ours.size() > 1) {
            LOG.warn("{} Stora webhook endpoints are named '{}'; using {}. Give each application its own endpointName",
                    ours.size(), name, id(chosen));
        }
        sync(chosen, url, eventTypes);
        return new Registration(id(chosen), secret);
    }

    /** Applies the stop policy to the endpoint registered last. */
    void unregister(String endpointId, UnregisterMode mode) {
        if (endpointId == null || mode == UnregisterMode.NONE) {
            return;
        }
        if (mode == UnregisterMode.DISABLE) {
            call(StoraOperation.WEBHOOK_ENDPOINTS_DISABLE, endpointId, null);
            LOG.info("Disabled Stora webhook endpoint {} ('{}')", endpointId, name);
        } else {
            call(StoraOperation.WEBHOOK_ENDPOINTS_DELETE, endpointId, null);
            secretStore.setState(secretKey(endpointId), "");
            LOG.info("Deleted Stora webhook endpoint {} ('{}')", endpointId, name);
        }
    }

    static String secretKey(String endpointId) {
        return "stora.webhook." + endpointId + ".secret";
    }

    private Registration create(String url, List<String> eventTypes) {
        ObjectNode body = StoraJson.MAPPER.createObjectNode();
        body.put("name", name);
        body.put("api_version", API_VERSION);
        body.put("url", url);
        body.set("event_types", array(eventTypes));
        body.put("description", DESCRIPTION);
        body.putObject("metadata").put(StoraWebhookOptions.MARKER_KEY, name);
        JsonNode endpoint = call(StoraOperation.WEBHOOK_ENDPOINTS_CREATE, null, body);
        String id = id(endpoint);
        JsonNode secret = endpoint.get("secret");
        if (secret == null || !secret.isTextual() || secret.asText().isEmpty()) {
            throw new IllegalStateException("Stora created webhook endpoint " + id + " but returned no secret; delete it"
                    + " and check the API version of the Webhook Endpoints API");
        }
        secretStore.setState(secretKey(id), secret.asText());
        LOG.info("Created Stora webhook endpoint {} ('{}') delivering {} event types to {}", id, name, eventTypes.size(),
                URISupport.sanitizeUri(url));
        return new Registration(id, secret.asText());
    }

    private void sync(JsonNode endpoint, String url, List<String> eventTypes) {
        String id = id(endpoint);
        ObjectNode patch = StoraJson.MAPPER.createObjectNode();
        if (!url.equals(endpoint.path("url").asText(null))) {
            patch.put("url", url);
        }
        if (!new HashSet<>(eventTypes).equals(new HashSet<>(texts(endpoint.get("event_types"))))) {
            patch.set("event_types", array(eventTypes));
        }
        if (!patch.isEmpty()) {
            call(StoraOperation.WEBHOOK_ENDPOINTS_UPDATE, id, patch);
            LOG.info("Updated {} of Stora webhook endpoint {} ('{}')", String.join(" and ", fieldNames(patch)), id, name);
        }
        if ("disabled".equals(endpoint.path("status").asText())) {
            call(StoraOperation.WEBHOOK_ENDPOINTS_ENABLE, id, null);
            LOG.info("Enabled Stora webhook endpoint {} ('{}')", id, name);
        }
        LOG.debug("Stora webhook endpoint {} ('{}') is registered for {}", id, name, URISupport.sanitizeUri(url));
    }

    private List<JsonNode> listOurs() {
        List<JsonNode> ours = new ArrayList<>();
        Integer page = 1;
        while (page != null && page <= MAX_PAGES) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page", page.toString());
            query.put("limit", "100");
            StoraOperation op = StoraOperation.WEBHOOK_ENDPOINTS_LIST;
            JsonNode document = send(new StoraRequest(op, op.pathTemplate(), query, null, StoraRequest.JSON, StoraFormat.JSON,
                    null));
            JsonNode endpoints = StoraDocuments.content(op, document);
            if (endpoints == null || !endpoints.isArray() || endpoints.isEmpty()) {
                break;
            }
            for (JsonNode endpoint : endpoints) {
                if (name.equals(endpoint.path("metadata").path(StoraWebhookOptions.MARKER_KEY).asText(null))) {
                    ours.add(endpoint);
                }
            }
            Integer next = StoraDocuments.nextPage(document);
            page = next != null && next > page ? next : null;
        }
        return ours;
    }

    /** Calls an operation on one endpoint (or creates one) and returns the endpoint of the response. */
    private JsonNode call(StoraOperation op, String endpointId, ObjectNode body) {
        String path = op.pathTemplate();
        if (endpointId != null) {
            path = path.replace(op.pathParameters().get(0).placeholder(), StoraHttpTransport.encodePathSegment(endpointId));
        }
        if (body != null) {
            MetadataRules.check(op, body);
        }
        String idempotencyKey = op.method() == HttpMethod.POST ? UUID.randomUUID().toString() : null;
        StoraRequest request = new StoraRequest(op, path, Map.of(),
                body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8), StoraRequest.JSON, StoraFormat.JSON,
                idempotencyKey);
        return StoraDocuments.content(op, send(request));
    }

    private JsonNode send(StoraRequest request) {
        try {
            StoraResponse response = client.call(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode document = StoraJson.parseOrNull(response.body());
            return document == null ? StoraJson.MAPPER.createObjectNode() : document;
        } catch (ExecutionException e) {
            Throwable cause = StoraErrors.unwrap(e);
            throw new IllegalStateException("Registering Stora webhook endpoint '" + name + "': " + request.describe()
                    + " failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Registering Stora webhook endpoint '" + name + "': " + request.describe()
                    + " got no answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering Stora webhook endpoint '" + name + "'", e);
        }
    }

    private static String id(JsonNode endpoint) {
        String id = endpoint == null ? null : endpoint.path("id").asText(null);
        return Objects.requireNonNull(id, "A webhook endpoint of the Stora response has no id");
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = StoraJson.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
