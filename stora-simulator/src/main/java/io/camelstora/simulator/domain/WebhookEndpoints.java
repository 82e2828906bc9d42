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
package io.camelstora.simulator.domain;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.Metadata.mergedMetadata;
import static io.camelstora.simulator.domain.Metadata.newMetadata;
import static io.camelstora.simulator.domain.RequestFields.passThrough;
import static io.camelstora.simulator.domain.RequestFields.requiredString;

/** Webhook endpoints: URL and event type validation, signing secrets, enabling and disabling. */
public final class WebhookEndpoints {

    private static final SecureRandom SECRETS = new SecureRandom();

    private final DomainCore core;
    private final Store store;

    WebhookEndpoints(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    public Entity createWebhookEndpoint(ObjectNode body, String creatorId) {
        ApiError.Collector errors = new ApiError.Collector();
        String name = requiredString(body, "name", errors);
        String apiVersion = requiredString(body, "api_version", errors);
        if (apiVersion != null && !DomainCore.API_VERSION.equals(apiVersion)) {
            errors.add("/api_version", "value at `/api_version` must be one of [2025-09]");
        }
        validateUrl(body, true, errors);
        validateEventTypes(body, true, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = core.newResource(ResourceKind.WEBHOOK_ENDPOINT);
        json.put("api_version", apiVersion);
        json.set("creator", Json.ref(creatorId));
        json.set("description", body.has("description") ? body.get("description") : Json.NODES.nullNode());
        json.putNull("disabled_at");
        json.set("event_types", body.get("event_types"));
        json.set("metadata", metadata);
        json.put("name", name);
        json.putNull("secret");
        json.put("status", "enabled");
        json.put("url", Json.text(body, "url"));
        passThrough(json, body,
                Set.of("api_version", "creator", "disabled_at", "event_types", "metadata", "name", "secret", "status", "url"));
        Entity endpoint = store.insert(ResourceKind.WEBHOOK_ENDPOINT, json);
        byte[] secret = new byte[32];
        SECRETS.nextBytes(secret);
        StringBuilder hex = new StringBuilder();
        for (byte b : secret) {
            hex.append(String.format("%02x", b));
        }
        endpoint.secret = hex.toString();
        return endpoint;
    }

    /** The create response is the only place the secret is shown. */
    public ObjectNode renderWithSecret(Entity endpoint) {
        ObjectNode json = core.render(endpoint);
        json.put("secret", endpoint.secret);
        return json;
    }

    public String endpointSecret(String endpointId) {
        return store.require(ResourceKind.WEBHOOK_ENDPOINT, endpointId).secret;
    }

    public Entity updateWebhookEndpoint(String id, ObjectNode body) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.has("name")) {
            requiredString(body, "name", errors);
        }
        if (body.has("api_version") && !DomainCore.API_VERSION.equals(Json.text(body, "api_version"))) {
            errors.add("/api_version", "value at `/api_version` must be one of [2025-09]");
        }
        validateUrl(body, false, errors);
        validateEventTypes(body, false, errors);
        ObjectNode metadata = mergedMetadata(endpoint.json.get("metadata"), body.get("metadata"), errors);
        errors.throwIfAny();
        if (metadata != null) {
            endpoint.json.set("metadata", metadata);
        }
        passThrough(endpoint.json, body, Set.of("creator", "disabled_at", "metadata", "secret", "status"));
        core.touch(endpoint);
        return endpoint;
    }

    public void deleteWebhookEndpoint(String id) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        store.remove(endpoint);
        core.webhooks.cancelPending(id);
    }

    public Entity setWebhookEndpointEnabled(String id, boolean enabled) {
        Entity endpoint = store.require(ResourceKind.WEBHOOK_ENDPOINT, id);
        boolean wasEnabled = "enabled".equals(Json.text(endpoint.json, "status"));
        if (wasEnabled != enabled) {
            endpoint.json.put("status", enabled ? "enabled" : "disabled");
            if (enabled) {
                endpoint.json.putNull("disabled_at");
            } else {
                endpoint.json.put("disabled_at", Json.time(core.now()));
                core.webhooks.cancelPending(id);
            }
            core.touch(endpoint);
        }
        return endpoint;
    }

    private void validateUrl(ObjectNode body, boolean required, ApiError.Collector errors) {
        JsonNode url = body.get("url");
        if (url == null || url.isNull()) {
            if (required) {
                errors.add("/url", "value at `/url` is required");
            }
            return;
        }
        String text = url.asText();
        boolean https = text.startsWith("https://");
        boolean http = text.startsWith("http://") && core.settings.allowHttpWebhooks();
        boolean parses;
        try {
            parses = URI.create(text).getHost() != null;
        } catch (IllegalArgumentException e) {
            parses = false;
        }
        if (!(https || http) || !parses) {
            errors.add("/url", "value at `/url` does not match pattern ^https://");
        }
    }

    private static void validateEventTypes(ObjectNode body, boolean required, ApiError.Collector errors) {
        JsonNode types = body.get("event_types");
        if (types == null || types.isNull()) {
            if (required) {
                errors.add("/event_types", "value at `/event_types` is required");
            }
            return;
        }
        if (!types.isArray() || types.isEmpty()) {
            errors.add("/event_types", "value at `/event_types` must be a non-empty array");
            return;
        }
        for (int i = 0; i < types.size(); i++) {
            if (!WebhookEventTypes.SET.contains(types.get(i).asText())) {
                errors.add("/event_types/" + i, "`" + types.get(i).asText() + "` is not a webhook event type");
            }
        }
    }
}
