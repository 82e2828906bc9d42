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
package io.camelstora.simulator.control;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.Control;
import io.camelstora.simulator.EmittedEvent;
import io.camelstora.simulator.Fault;
import io.camelstora.simulator.Journal;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.WebhookDelivery;
import io.camelstora.simulator.api.ApiCall;
import io.camelstora.simulator.api.ApiRoutes;
import io.camelstora.simulator.domain.ApiError;
import io.camelstora.simulator.oauth.Scopes;
import io.camelstora.simulator.support.HttpResult;
import io.camelstora.simulator.support.Json;

/**
 * The HTTP control API under {@code /_simulator}, for standalone use and non-Java tests; the same operations as
 * {@link StoraSimulator#control()}, {@link StoraSimulator#faults()}, {@link StoraSimulator#journal()} and
 * {@link StoraSimulator#webhooks()}. Unauthenticated, never rate limited, not journaled. Routes are listed in
 * docs/testing-with-the-simulator.md.
 */
public final class ControlRoutes {

    public static final String PREFIX = "/_simulator";

    /** A 1x1 transparent PNG served for every "pre-signed" image URL. */
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private final StoraSimulator simulator;
    /** {@code GET /_simulator/info}: the simulator's configuration and credentials. */
    private final Supplier<ObjectNode> info;
    private final ApiRoutes api;

    public ControlRoutes(StoraSimulator simulator, Supplier<ObjectNode> info, ApiRoutes api) {
        this.info = info;
        this.simulator = simulator;
        this.api = api;
    }

    public HttpResult handle(ApiCall apiCall) {
        try {
            return route(apiCall, apiCall.path.substring(PREFIX.length()).split("/"), body(apiCall));
        } catch (ApiError error) {
            return api.error(apiCall, error);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            ObjectNode body = Json.object();
            body.put("error", "bad_control_request");
            body.put("error_description", String.valueOf(e.getMessage()));
            return HttpResult.json(400, body);
        }
    }

    private static ObjectNode body(ApiCall apiCall) {
        if (apiCall.body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode body = Json.MAPPER.readTree(apiCall.body);
            return body != null && body.isObject() ? (ObjectNode) body : Json.object();
        } catch (Exception e) {
            throw new IllegalArgumentException("The control API takes JSON bodies");
        }
    }

    private HttpResult route(ApiCall apiCall, String[] p, ObjectNode body) {
        String method = apiCall.method;
        Control control = simulator.control();
        // p[0] is "" (the path starts with a slash).
        String first = p.length > 1 ? p[1] : "";
        String id = p.length > 2 ? p[2] : null;
        String action = p.length > 3 ? p[3] : null;
        switch (method + " " + first + (id == null ? "" : action == null ? " {id}" : " {id} " + action)) {
            case "GET health" :
                return ok(Json.object().put("status", "UP"));
            case "GET info" :
                return ok(info.get());
            case "POST reset" :
                simulator.reset();
                return ok(Json.object().put("reset", true));
            case "POST clock {id}" :
                if (!"advance".equals(id)) {
                    break;
                }
                control.advanceClock(Duration.ofSeconds(body.path("seconds").asLong()));
                return ok(Json.object().put("offset_seconds", simulator.clock().offset().toSeconds()));
            case "POST clock" :
                // {"same_second_updates": true}: a second change within a second keeps updated_at
                control.keepUpdatedAtWithinSecond(body.path("same_second_updates").asBoolean());
                return ok(Json.object().put("same_second_updates", body.path("same_second_updates").asBoolean()));
            case "GET journal" :
                return ok(journal());
            case "DELETE journal" :
                simulator.journal().reset();
                return ok(Json.object().put("reset", true));
            case "GET journal {id}" :
                if (!"counters".equals(id)) {
                    break;
                }
                return ok(counters());
            case "GET faults" :
                return ok(faults());
            case "POST faults" :
                simulator.faults().inject(fault(body));
                return ok(faults());
            case "DELETE faults" :
                simulator.faults().clear();
                return ok(faults());
            case "POST faults {id}" :
                if (!"webhooks".equals(id)) {
                    break;
                }
                if (body.path("duplicate").asInt() > 0) {
                    simulator.faults().duplicateWebhooks(body.path("duplicate").asInt());
                }
                if (body.path("reorder").asInt() > 0) {
                    simulator.faults().reorderWebhooks(body.path("reorder").asInt());
                }
                return ok(Json.object().put("accepted", true));
            case "GET webhooks {id}" :
                if ("deliveries".equals(id)) {
                    return ok(deliveries());
                }
                if ("events".equals(id)) {
                    return ok(events());
                }
                break;
            case "POST tokens" :
                return ok(Json.object().put("access_token", simulator.createAccessToken(scopes(body))));
            case "POST oauth {id}" :
                if (!"clients".equals(id)) {
                    break;
                }
                simulator.registerOAuthClient(body.path("client_id").asText(), body.path("client_secret").asText(),
                        scopes(body));
                return ok(Json.object().put("client_id", body.path("client_id").asText()));
            case "GET resources {id}" : {
                ObjectNode resource = control.get(id);
                if (resource == null) {
                    throw ApiError.notFound("resource", id);
                }
                return ok(resource);
            }
            case "GET checkout {id}" :
                return HttpResult.text(200, "text/html; charset=utf-8", "<!doctype html><title>Stora simulator checkout</title>"
                        + "<h1>Order " + escape(id) + "</h1><form method=post><button>Pay</button></form>");
            case "POST checkout {id}" :
                control.payOrder(id);
                return HttpResult.text(200, "text/html; charset=utf-8",
                        "<!doctype html><title>Paid</title><h1>Payment complete</h1>");
            case "POST orders {id} pay" :
                return ok(control.payOrder(id));
            case "POST invoices {id} finalize" :
                return ok(control.finalizeInvoice(id));
            case "POST invoices {id} pay" :
                return ok(control.markInvoicePaid(id));
            case "POST invoices {id} mark_uncollectible" :
                return ok(control.markInvoiceUncollectible(id));
            case "POST invoices {id} void" :
                return ok(control.voidInvoice(id));
            case "POST invoices {id} credit_notes" :
                return ok(control.createCreditNote(id, body.path("amount").asLong(), body.path("reason").asText("other")));
            case "PATCH credit_notes {id}" :
                return ok(control.updateCreditNote(id, body));
            case "POST contracts" :
                return ok(control.createContract(body.path("tenancy_id").asText(), body.path("contract_template_id").asText()));
            case "POST contracts {id} sign" :
                return ok(control.signContract(id));
            case "POST identity_verifications" :
                return ok(control.startIdentityVerification(body.path("contact_id").asText()));
            case "POST identity_verifications {id} processing", "POST identity_verifications {id} succeeded",
                    "POST identity_verifications {id} failed", "POST identity_verifications {id} cancelled" :
                return ok(control.setIdentityVerificationStatus(id, action, Json.text(body, "error_code")));
            case "POST coupons" :
                return ok(control.createCoupon(body));
            case "PATCH coupons {id}" :
                return ok(control.updateCoupon(id, body));
            case "POST protection_levels" :
                return ok(control.createProtectionLevel(body));
            case "PATCH protection_levels {id}" :
                return ok(control.updateProtectionLevel(id, body));
            case "POST unit_types" :
                return ok(control.createUnitType(body));
            case "PATCH unit_types {id}" :
                return ok(control.updateUnitType(id, body));
            case "POST units" :
                return ok(control.createUnit(body.path("unit_type_id").asText(), body.path("reference_id").asText()));
            case "PATCH units {id}" :
                return ok(control.updateUnit(id, body));
            case "POST units {id} status" :
                return ok(control.setUnitStatus(id, body.path("status").asText()));
            case "POST sites" :
                return ok(control.createSite(body));
            case "POST timeline_sources" :
                return ok(control.createTimelineSource(body));
            case "POST timeline_templates" :
                return ok(control.createTimelineTemplate(body));
            case "POST tenancies {id} start" :
                return ok(control.startTenancy(id));
            case "POST subscriptions {id} start" :
                return ok(control.startSubscription(id));
            case "POST subscriptions {id} cancel" :
                return ok(control.cancelSubscription(id, Json.text(body, "reason")));
            case "POST subscriptions {id} end" :
                return ok(control.endSubscription(id));
            case "POST events" :
                return ok(control.emit(body.path("type").asText(), body.path("resource_id").asText()));
            case "GET blobs {id}" :
                return new HttpResult(200, "image/png", PIXEL, new java.util.LinkedHashMap<>());
            default :
                break;
        }
        throw ApiError.of(ApiError.Code.INVALID_ENDPOINT, "No control operation for " + method + " " + apiCall.path, null);
    }

    private static HttpResult ok(JsonNode body) {
        return HttpResult.json(200, body);
    }

    private static Set<String> scopes(ObjectNode body) {
        Set<String> scopes = new HashSet<>();
        JsonNode list = body.get("scopes");
        if (list == null || list.isNull()) {
            return Scopes.ALL;
        }
        list.forEach(s -> scopes.add(s.asText()));
        return scopes;
    }

    private static Fault fault(ObjectNode body) {
        String type = body.path("type").asText();
        Fault fault = switch (type) {
            case "latency" -> Fault.latency(Duration.ofMillis(body.path("latency_ms").asLong()));
            case "error" -> Fault.error(body.path("status").asInt(500));
            case "drop_before_processing" -> Fault.dropBeforeProcessing();
            case "drop_after_processing" -> Fault.dropAfterProcessing();
            case "too_many_requests" -> Fault.tooManyRequests();
            default -> throw new IllegalArgumentException(
                    "type must be latency, error, drop_before_processing, drop_after_processing or too_many_requests");
        };
        fault.on(Json.text(body, "method"), Json.text(body, "path"));
        if (body.path("times").asInt() > 0) {
            fault.times(body.path("times").asInt());
        }
        return fault;
    }

    private ObjectNode faults() {
        ObjectNode body = Json.object();
        ArrayNode active = body.putArray("faults");
        for (Fault fault : simulator.faults().active()) {
            ObjectNode entry = active.addObject();
            entry.put("type", fault.kind().name().toLowerCase());
            entry.put("method", fault.method());
            entry.put("path", fault.pathGlob());
            entry.put("remaining", fault.remaining());
            if (fault.kind() == Fault.Kind.ERROR) {
                entry.put("status", fault.status());
            }
            if (fault.kind() == Fault.Kind.LATENCY) {
                entry.put("latency_ms", fault.latencyDuration().toMillis());
            }
        }
        return body;
    }

    private ObjectNode journal() {
        ObjectNode body = Json.object();
        ArrayNode requests = body.putArray("requests");
        for (RecordedRequest request : simulator.journal().requests()) {
            ObjectNode entry = requests.addObject();
            entry.put("request_id", request.requestId());
            entry.put("time", request.time().toString());
            entry.put("method", request.method());
            entry.put("path", request.path());
            entry.put("query", request.query());
            entry.put("operation", request.operation());
            entry.put("authorization", request.authorization());
            entry.put("idempotency_key", request.idempotencyKey());
            entry.put("status", request.status());
            entry.put("replayed", request.replayed());
            entry.put("fault", request.fault());
            entry.put("duration_ms", request.durationMillis());
            entry.put("body", request.body());
        }
        body.set("counters", counters());
        return body;
    }

    private ObjectNode counters() {
        ObjectNode counters = Json.object();
        Journal journal = simulator.journal();
        counters.put("total", journal.total());
        counters.put("too_many_requests", journal.count429());
        ObjectNode statuses = counters.putObject("by_status");
        journal.statusCounts().forEach((status, count) -> statuses.put(String.valueOf(status), count));
        ObjectNode operations = counters.putObject("by_operation");
        journal.operationCounts().forEach(operations::put);
        return counters;
    }

    private ObjectNode deliveries() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("deliveries");
        for (WebhookDelivery delivery : simulator.webhooks().deliveries()) {
            ObjectNode entry = list.addObject();
            entry.put("id", delivery.id());
            entry.put("event_id", delivery.eventId());
            entry.put("event_type", delivery.eventType());
            entry.put("endpoint_id", delivery.endpointId());
            entry.put("url", delivery.url());
            entry.put("status", delivery.status().name().toLowerCase());
            ArrayNode attempts = entry.putArray("attempts");
            for (WebhookDelivery.Attempt attempt : delivery.attempts()) {
                ObjectNode a = attempts.addObject();
                a.put("number", attempt.number());
                a.put("request_id", attempt.requestId());
                a.put("time", attempt.time().toString());
                a.put("status", attempt.statusCode());
                a.put("error", attempt.error());
                a.put("duration_ms", attempt.durationMillis());
            }
        }
        return body;
    }

    private ObjectNode events() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("events");
        for (EmittedEvent event : simulator.webhooks().events()) {
            try {
                list.add(Json.MAPPER.readTree(event.payload()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return body;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
