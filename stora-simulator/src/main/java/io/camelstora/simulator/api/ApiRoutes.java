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
package io.camelstora.simulator.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.Fault;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.ApiError;
import io.camelstora.simulator.domain.Domain;
import io.camelstora.simulator.domain.DomainCore;
import io.camelstora.simulator.domain.Store;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.limits.PerTokenLimiter;
import io.camelstora.simulator.oauth.OAuthServer;
import io.camelstora.simulator.support.HttpResult;
import io.camelstora.simulator.support.ImageTokens;
import io.camelstora.simulator.support.Json;

/**
 * The 93 operations of operations.md (plus Create/Update a Deal, whose reference pages exist), and the request
 * pipeline in front of them: route, token (401), rate limit (429), scope (403), Accept (406), idempotency replay,
 * injected faults, then the handler under the domain lock.
 */
public final class ApiRoutes {

    enum Format {
        JSON,
        CSV,
        PDF
    }

    /** What a handler sees of the request. */
    record Call(ApiCall apiCall, Map<String, String> path, ObjectNode body, OAuthServer.AccessToken token, Format format) {

        String param(String name) {
            return path.get(name);
        }

        Map<String, String> query() {
            return apiCall.query;
        }
    }

    @FunctionalInterface
    interface Handler {
        HttpResult handle(Call call);
    }

    record Operation(String name, String method, String template, String scope, Set<Format> formats, Handler handler) {
    }

    /** Served before routing, without scopes; named as in operations.md. */
    static final List<String> OAUTH_OPERATIONS = List.of("oauth/token", "oauth/introspect", "oauth/info", "oauth/revoke");

    private static final System.Logger LOG = System.getLogger(ApiRoutes.class.getName());
    private static final Set<Format> JSON_ONLY = Set.of(Format.JSON);
    private static final Set<Format> LIST_FORMATS = Set.of(Format.JSON, Format.CSV);
    private static final Set<Format> PDF_FORMATS = Set.of(Format.JSON, Format.PDF);

    private final Domain domain;
    private final Store store;
    private final OAuthServer oauth;
    private final PerTokenLimiter rateLimiter;
    private final int perSecondLimit;
    private final IdempotencyStore idempotency;
    private final FaultSource faults;
    private final Expander expander;
    private final ImageTokens images;
    private final List<Operation> operations = new ArrayList<>();

    public ApiRoutes(Domain domain, OAuthServer oauth, PerTokenLimiter rateLimiter, int perSecondLimit,
                     IdempotencyStore idempotency,
                     FaultSource faults, ImageTokens images) {
        this.domain = domain;
        this.store = domain.store;
        this.oauth = oauth;
        this.rateLimiter = rateLimiter;
        this.perSecondLimit = perSecondLimit;
        this.idempotency = idempotency;
        this.faults = faults;
        this.images = images;
        this.expander = new Expander(store, domain);
        register();
        // Literal segments win over parameters (deals/stages before deals/{deal_id}).
        operations.sort(Comparator.comparingInt((Operation op) -> -literalSegments(op.template())));
    }

    /** The names of every operation served, in operations.md's {@code <resource>/<action>} form. */
    public List<String> operationNames() {
        List<String> names = new ArrayList<>(OAUTH_OPERATIONS);
        operations.forEach(op -> names.add(op.name()));
        return names;
    }

    // ------------------------------------------------------------------ pipeline

    public HttpResult handle(ApiCall apiCall) {
        try {
            return dispatch(apiCall);
        } catch (ApiError error) {
            return error(apiCall, error);
        }
    }

    private HttpResult dispatch(ApiCall apiCall) {
        switch (apiCall.path) {
            case "/oauth2/token", "/oauth2/introspect", "/oauth2/revoke", "/oauth2/token/info", "/oauth2/authorize" -> {
                return oauth(apiCall);
            }
            default -> {
            }
        }
        Map<String, String> pathParams = new HashMap<>();
        Operation operation = match(apiCall.method, apiCall.path, pathParams);
        if (operation == null) {
            throw ApiError.of(ApiError.Code.INVALID_ENDPOINT, "No operation for " + apiCall.method + " " + apiCall.path,
                    null);
        }
        apiCall.operation = operation.name();
        if (operation.scope() == null) {
            return operation.handler().handle(new Call(apiCall, pathParams, Json.object(), null, Format.JSON));
        }
        OAuthServer.AccessToken token = oauth.authenticate(apiCall.header("authorization"));
        if (token == null) {
            return error(apiCall, ApiError.of(ApiError.Code.INVALID_TOKEN)).header("WWW-Authenticate", "Bearer");
        }
        Fault burst = faults.take(apiCall.method, apiCall.path, Fault.Kind.TOO_MANY_REQUESTS);
        if (burst != null) {
            apiCall.fault = burst.toString();
            return tooManyRequests(apiCall,
                    new PerTokenLimiter.Rejection(perSecondLimit, System.currentTimeMillis() / 1000 + 1));
        }
        if (rateLimiter != null) {
            PerTokenLimiter.Rejection rejection = rateLimiter.admit(token.value, System.currentTimeMillis());
            if (rejection != null) {
                return tooManyRequests(apiCall, rejection);
            }
        }
        if (!token.scopes.contains(operation.scope())) {
            throw ApiError.of(ApiError.Code.FORBIDDEN, "this operation requires the " + operation.scope() + " scope", null);
        }
        Format format = negotiate(apiCall.header("accept"), operation.formats());

        String idempotencyKey = "POST".equals(apiCall.method) ? apiCall.header("idempotency-key") : null;
        if (idempotencyKey != null) {
            HttpResult stored = idempotency.find(token.value, idempotencyKey);
            if (stored != null) {
                apiCall.replayed = true;
                return stored;
            }
        }
        HttpResult result = processOnce(apiCall, operation, pathParams, token, format);
        // Null when the connection is dropped before processing: nothing happened, so nothing to replay.
        if (idempotencyKey != null && result != null) {
            idempotency.store(token.value, idempotencyKey, result);
        }
        return result;
    }

    private HttpResult processOnce(ApiCall apiCall, Operation operation, Map<String, String> pathParams,
                                   OAuthServer.AccessToken token, Format format) {
        Fault fault = faults.take(apiCall.method, apiCall.path, Fault.Kind.ERROR, Fault.Kind.DROP_BEFORE_PROCESSING,
                Fault.Kind.DROP_AFTER_PROCESSING);
        if (fault != null) {
            apiCall.fault = fault.toString();
            if (fault.kind() == Fault.Kind.DROP_BEFORE_PROCESSING) {
                apiCall.drop = true;
                return null;
            }
            if (fault.kind() == Fault.Kind.ERROR) {
                return error(apiCall, ApiError.serverError(fault.status()));
            }
        }
        HttpResult result;
        try {
            ObjectNode body = parseBody(apiCall);
            synchronized (domain) {
                if (!"GET".equals(apiCall.method)) {
                    store.changed();
                }
                try {
                    result = operation.handler().handle(new Call(apiCall, pathParams, body, token, format));
                    domain.core.commit();
                } catch (RuntimeException e) {
                    domain.core.rollback();
                    throw e;
                }
            }
        } catch (ApiError error) {
            result = error(apiCall, error);
        } catch (RuntimeException unexpected) {
            // A simulator bug, not a simulated failure: answer like the real API would, but leave a trace.
            LOG.log(System.Logger.Level.WARNING, "Unexpected failure of " + apiCall.method + " " + apiCall.path, unexpected);
            result = error(apiCall, ApiError.serverError(500));
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP_AFTER_PROCESSING) {
            apiCall.drop = true;
        }
        return result;
    }

    private ObjectNode parseBody(ApiCall apiCall) {
        if (apiCall.body.length == 0 || "GET".equals(apiCall.method) || "DELETE".equals(apiCall.method)) {
            return Json.object();
        }
        String contentType = apiCall.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw ApiError.of(ApiError.Code.INVALID_REQUEST,
                    "The API accepts only JSON bodies (Content-Type: application/json)", null);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(apiCall.body);
        } catch (Exception e) {
            throw ApiError.of(ApiError.Code.INVALID_REQUEST, "The body is not valid JSON", null);
        }
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Json.object();
        }
        if (!body.isObject()) {
            throw ApiError.of(ApiError.Code.INVALID_REQUEST, "The body must be a JSON object", null);
        }
        return (ObjectNode) body;
    }

    private Operation match(String method, String path, Map<String, String> params) {
        String[] segments = path.split("/", -1);
        for (Operation operation : operations) {
            Map<String, String> candidate = new HashMap<>();
            if (operation.method().equals(method) && matches(operation.template(), segments, candidate)) {
                params.putAll(candidate);
                return operation;
            }
        }
        return null;
    }

    private static boolean matches(String template, String[] segments, Map<String, String> params) {
        String[] parts = template.split("/", -1);
        if (parts.length != segments.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                if (segments[i].isEmpty()) {
                    return false;
                }
                params.put(parts[i].substring(1, parts[i].length() - 1), segments[i]);
            } else if (!parts[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static int literalSegments(String template) {
        int count = 0;
        for (String part : template.split("/")) {
            if (!part.startsWith("{")) {
                count++;
            }
        }
        return count;
    }

    static Format negotiate(String accept, Set<Format> supported) {
        if (accept == null || accept.isBlank()) {
            return Format.JSON;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            Format format = switch (type) {
                case "application/json", "application/*", "*/*", "*" -> Format.JSON;
                case "text/csv", "text/*" -> Format.CSV;
                case "application/pdf" -> Format.PDF;
                default -> null;
            };
            if (format != null && supported.contains(format)) {
                return format;
            }
        }
        throw ApiError.of(ApiError.Code.INVALID_FORMAT, "Accept: " + accept + " is not supported here; supported: " + supported,
                null);
    }

    public HttpResult error(ApiCall apiCall, ApiError error) {
        ObjectNode body = Json.object();
        ObjectNode object = body.putObject("error");
        object.put("code", error.code().code);
        ArrayNode details = object.putArray("details");
        for (ApiError.Detail detail : error.details()) {
            ObjectNode entry = details.addObject();
            entry.put("message", detail.message());
            if (detail.pointer() == null) {
                entry.putNull("pointer");
            } else {
                entry.put("pointer", detail.pointer());
            }
        }
        ArrayNode links = object.putArray("links");
        ObjectNode openApi = links.addObject();
        openApi.put("kind", "open_api");
        openApi.put("name", "OpenAPI specification");
        openApi.put("url", "https://public-api.stora.co/2025-09/openapi.json");
        ObjectNode docs = links.addObject();
        docs.put("kind", "documentation");
        docs.put("name", "Errors");
        docs.put("url", "https://docs.stora.co/public-api#overview--errors");
        object.put("message", error.getMessage());
        object.put("request_id", apiCall.requestId);
        object.put("type", error.code().type);
        return HttpResult.json(error.status(), body);
    }

    private HttpResult tooManyRequests(ApiCall apiCall, PerTokenLimiter.Rejection rejection) {
        return error(apiCall, ApiError.of(ApiError.Code.TOO_MANY_REQUESTS))
                .header("RateLimit-Limit", String.valueOf(rejection.limit()))
                .header("RateLimit-Reset", String.valueOf(rejection.resetEpochSeconds()));
    }

    // ------------------------------------------------------------------ OAuth

    private HttpResult oauth(ApiCall apiCall) {
        String authorization = apiCall.header("authorization");
        switch (apiCall.path) {
            case "/oauth2/token" -> {
                apiCall.operation = "oauth/token";
                return "POST".equals(apiCall.method) ? oauth.token(oauthParams(apiCall), authorization)
                        : methodNotAllowed(apiCall);
            }
            case "/oauth2/introspect" -> {
                apiCall.operation = "oauth/introspect";
                return "POST".equals(apiCall.method) ? oauth.introspect(oauthParams(apiCall), authorization)
                        : methodNotAllowed(apiCall);
            }
            case "/oauth2/revoke" -> {
                apiCall.operation = "oauth/revoke";
                return "POST".equals(apiCall.method) ? oauth.revoke(oauthParams(apiCall), authorization)
                        : methodNotAllowed(apiCall);
            }
            case "/oauth2/token/info" -> {
                apiCall.operation = "oauth/info";
                return "GET".equals(apiCall.method) ? oauth.info(authorization) : methodNotAllowed(apiCall);
            }
            default -> {
                apiCall.operation = "oauth/authorize";
                return "GET".equals(apiCall.method) ? oauth.authorize(new HashMap<>(apiCall.query))
                        : methodNotAllowed(apiCall);
            }
        }
    }

    private HttpResult methodNotAllowed(ApiCall apiCall) {
        return error(apiCall,
                ApiError.of(ApiError.Code.INVALID_ENDPOINT, "No operation for " + apiCall.method + " " + apiCall.path, null));
    }

    /** JSON (the reference page) or form-encoded (the authentication guide) bodies, plus query parameters. */
    private static Map<String, String> oauthParams(ApiCall apiCall) {
        Map<String, String> params = new HashMap<>(apiCall.query);
        String contentType = String.valueOf(apiCall.header("content-type")).toLowerCase(Locale.ROOT);
        if (contentType.contains("json")) {
            try {
                JsonNode body = Json.MAPPER.readTree(apiCall.body);
                if (body != null && body.isObject()) {
                    body.fields().forEachRemaining(f -> params.put(f.getKey(),
                            f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
                }
            } catch (Exception e) {
                params.put("_malformed", "true");
            }
        } else {
            params.putAll(apiCall.form());
        }
        return params;
    }

    // ------------------------------------------------------------------ response helpers

    private ObjectNode meta(Call call) {
        ObjectNode meta = Json.object();
        meta.put("request_id", call.apiCall().requestId);
        meta.set("curies", DomainCore.curies());
        return meta;
    }

    private ObjectNode expanded(Entity entity, Call call) {
        return view(entity, Expander.parse(call.query().get("expand")), call);
    }

    /**
     * The resource as answered. Without {@code expand} it is the stored JSON itself, not a copy: handlers serialize
     * their answer at once, under the domain lock, so nothing can change it meanwhile.
     */
    private ObjectNode view(Entity entity, Map<String, Map<String, ?>> expand, Call call) {
        if (expand.isEmpty()) {
            return entity.json;
        }
        ObjectNode json = domain.core.render(entity);
        expander.expand(json, expand, call.token().scopes);
        return json;
    }

    private HttpResult single(Entity entity, Call call) {
        return single(entity, expanded(entity, call), call, 200);
    }

    private HttpResult single(Entity entity, ObjectNode json, Call call, int status) {
        ObjectNode body = Json.object();
        body.set(entity.kind.singular, json);
        body.set("meta", meta(call));
        return HttpResult.json(status, body);
    }

    private HttpResult created(Entity entity, Call call) {
        return single(entity, expanded(entity, call), call, 201);
    }

    private HttpResult list(ResourceKind kind, Collection<Entity> source, Call call) {
        Lister.Page page = Lister.list(store, kind, source, call.query());
        Map<String, Map<String, ?>> expand = Expander.parse(call.query().get("expand"));
        List<ObjectNode> items = new ArrayList<>();
        for (Entity entity : page.items()) {
            items.add(view(entity, expand, call));
        }
        if (call.format() == Format.CSV) {
            return HttpResult.text(200, "text/csv; charset=utf-8", Formats.csv(items))
                    .header("X-Total-Count", page.pagination().get("count").asText());
        }
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray(kind.plural);
        items.forEach(array::add);
        ObjectNode meta = meta(call);
        meta.set("pagination", page.pagination());
        body.set("meta", meta);
        return HttpResult.json(200, body);
    }

    private HttpResult success(String message, Call call) {
        ObjectNode body = domain.success(message);
        body.set("meta", meta(call));
        return HttpResult.json(200, body);
    }

    private HttpResult pdfOrJson(Entity entity, Call call, List<String> lines) {
        if (call.format() != Format.PDF) {
            return single(entity, call);
        }
        byte[] pdf = Formats.pdf(entity.kind.singular.replace('_', ' ') + " " + entity.id, lines);
        return new HttpResult(200, "application/pdf", pdf, new java.util.LinkedHashMap<>())
                .header("Content-Disposition", "inline; filename=\"" + entity.id + ".pdf\"");
    }

    private static List<String> moneyLines(Entity entity, String... fields) {
        List<String> lines = new ArrayList<>();
        lines.add("Number: " + Json.text(entity.json, "number"));
        lines.add("Status: " + Json.text(entity.json, "status"));
        for (String field : fields) {
            lines.add(field + ": " + entity.json.path(field).path("formatted").asText());
        }
        return lines;
    }

    // ------------------------------------------------------------------ operations

    private void op(String name, String method, String template, String scope, Set<Format> formats, Handler handler) {
        operations.add(new Operation(name, method, "/2025-09" + template, scope, formats, handler));
    }

    /** list + show for a read-only collection. */
    private void readable(String resource, ResourceKind kind, String template, String idParam) {
        op(resource + "/list", "GET", template, kind.readScope(), LIST_FORMATS, c -> list(kind, store.all(kind), c));
        op(resource + "/show", "GET", template + "/{" + idParam + "}", kind.readScope(), JSON_ONLY,
                c -> single(store.require(kind, c.param(idParam)), c));
    }

    private void register() {
        // contacts
        op("contacts/list", "GET", "/contacts", "public.contact:read", LIST_FORMATS,
                c -> list(ResourceKind.CONTACT, store.all(ResourceKind.CONTACT), c));
        op("contacts/show", "GET", "/contacts/{contact_id}", "public.contact:read", JSON_ONLY,
                c -> single(store.require(ResourceKind.CONTACT, c.param("contact_id")), c));
        op("contacts/create", "POST", "/contacts", "public.contact:write", JSON_ONLY,
                c -> created(domain.contacts.createContact(c.body(), ""), c));
        op("contacts/update", "PATCH", "/contacts/{contact_id}", "public.contact:write", JSON_ONLY,
                c -> single(domain.contacts.updateContact(c.param("contact_id"), c.body()), c));
        op("contacts/delete", "DELETE", "/contacts/{contact_id}", "public.contact:write", JSON_ONLY, c -> {
            domain.contacts.deleteContact(c.param("contact_id"));
            return success("Contact deleted successfully.", c);
        });

        op("contract_templates/list", "GET", "/contract_templates", "public.contract_template:read", LIST_FORMATS,
                c -> list(ResourceKind.CONTRACT_TEMPLATE, store.all(ResourceKind.CONTRACT_TEMPLATE), c));
        op("contracts/list", "GET", "/contracts", "public.contract:read", LIST_FORMATS,
                c -> list(ResourceKind.CONTRACT, store.all(ResourceKind.CONTRACT), c));
        op("contracts/show", "GET", "/contracts/{contract_id}", "public.contract:read", PDF_FORMATS, c -> {
            Entity contract = store.require(ResourceKind.CONTRACT, c.param("contract_id"));
            if (c.format() == Format.PDF && !"signed".equals(Json.text(contract.json, "status"))) {
                throw ApiError.of(ApiError.Code.INVALID_FORMAT, "Only signed contracts return a PDF", null);
            }
            return pdfOrJson(contract, c, List.of("Name: " + Json.text(contract.json, "name"),
                    "Signed at: " + Json.text(contract.json, "signed_at")));
        });
        readable("coupons", ResourceKind.COUPON, "/coupons", "coupon_id");
        op("credit_notes/list", "GET", "/credit_notes", "public.credit_note:read", LIST_FORMATS,
                c -> list(ResourceKind.CREDIT_NOTE, store.all(ResourceKind.CREDIT_NOTE), c));
        op("credit_notes/show", "GET", "/credit_notes/{credit_note_id}", "public.credit_note:read", PDF_FORMATS, c -> {
            Entity note = store.require(ResourceKind.CREDIT_NOTE, c.param("credit_note_id"));
            return pdfOrJson(note, c, moneyLines(note, "subtotal", "total"));
        });

        // deals and stages
        readable("deal_stages", ResourceKind.DEAL_STAGE, "/deals/stages", "stage_id");
        readable("deals", ResourceKind.DEAL, "/deals", "deal_id");
        op("deals/create", "POST", "/deals", "public.deal:write", JSON_ONLY,
                c -> created(domain.deals.createDeal(c.body(), c.token().creatorId), c));
        op("deals/update", "PATCH", "/deals/{deal_id}", "public.deal:write", JSON_ONLY,
                c -> single(domain.deals.updateDeal(c.param("deal_id"), c.body()), c));
        op("deals/win", "POST", "/deals/{deal_id}/win", "public.deal:write", JSON_ONLY,
                c -> single(domain.deals.winDeal(c.param("deal_id")), c));
        op("deals/lose", "POST", "/deals/{deal_id}/lose", "public.deal:write", JSON_ONLY,
                c -> single(domain.deals.loseDeal(c.param("deal_id"), c.body()), c));
        op("deals/reopen", "POST", "/deals/{deal_id}/reopen", "public.deal:write", JSON_ONLY,
                c -> single(domain.deals.reopenDeal(c.param("deal_id"), c.body()), c));

        readable("identity_verifications", ResourceKind.IDENTITY_VERIFICATION, "/identity_verifications",
                "identity_verification_id");
        op("images/show", "GET", "/images/{token}/{filename}", null, JSON_ONLY, c -> {
            if (!images.verify(c.param("token"))) {
                throw ApiError.notFound("image", c.param("filename"));
            }
            return HttpResult.redirect(domain.core.baseUrl() + "/_simulator/blobs/" + c.param("filename") + "?expires_in=300");
        });
        op("invoices/list", "GET", "/invoices", "public.invoice:read", LIST_FORMATS,
                c -> list(ResourceKind.INVOICE, store.all(ResourceKind.INVOICE), c));
        op("invoices/show", "GET", "/invoices/{invoice_id}", "public.invoice:read", PDF_FORMATS, c -> {
            Entity invoice = store.require(ResourceKind.INVOICE, c.param("invoice_id"));
            return pdfOrJson(invoice, c, moneyLines(invoice, "subtotal", "tax", "total", "amount_due", "amount_paid"));
        });

        // notes
        op("notes/list", "GET", "/notes", "public.note:read", LIST_FORMATS,
                c -> list(ResourceKind.NOTE, store.all(ResourceKind.NOTE), c));
        op("notes/show", "GET", "/notes/{note_id}", "public.note:read", JSON_ONLY,
                c -> single(store.require(ResourceKind.NOTE, c.param("note_id")), c));
        op("notes/create", "POST", "/notes", "public.note:write", JSON_ONLY,
                c -> created(domain.notesAndTimeline.createNote(c.body(), c.token().creatorId), c));
        op("notes/update", "PATCH", "/notes/{note_id}", "public.note:write", JSON_ONLY,
                c -> single(domain.notesAndTimeline.updateNote(c.param("note_id"), c.body()), c));
        op("notes/delete", "DELETE", "/notes/{note_id}", "public.note:write", JSON_ONLY, c -> {
            store.remove(store.require(ResourceKind.NOTE, c.param("note_id")));
            return success("Note deleted successfully.", c);
        });

        // orders and line items
        op("orders/list", "GET", "/orders", "public.order:read", LIST_FORMATS,
                c -> list(ResourceKind.ORDER, store.all(ResourceKind.ORDER), c));
        op("orders/show", "GET", "/orders/{order_id}", "public.order:read", JSON_ONLY,
                c -> single(store.require(ResourceKind.ORDER, c.param("order_id")), c));
        op("orders/create", "POST", "/orders", "public.order:write", JSON_ONLY,
                c -> created(domain.orders.createOrder(c.body()), c));
        op("orders/update", "PATCH", "/orders/{order_id}", "public.order:write", JSON_ONLY,
                c -> single(domain.orders.updateOrder(c.param("order_id"), c.body()), c));
        op("orders/delete", "DELETE", "/orders/{order_id}", "public.order:write", JSON_ONLY, c -> {
            domain.orders.deleteOrder(c.param("order_id"));
            return success("Order deleted successfully.", c);
        });
        op("orders/finalize", "POST", "/orders/{order_id}/finalize", "public.order:write", JSON_ONLY,
                c -> single(domain.orders.finalizeOrder(c.param("order_id"), c.body()), c));
        op("orders/validate", "GET", "/orders/{order_id}/validate", "public.order:read", JSON_ONLY,
                c -> single(domain.orders.validateOrder(c.param("order_id")), c));
        op("order_line_items/list", "GET", "/orders/{order_id}/line_items", "public.order:read", LIST_FORMATS,
                c -> list(ResourceKind.ORDER_LINE_ITEM, domain.orders.lineItems(c.param("order_id")), c));
        op("order_line_items/create", "POST", "/orders/{order_id}/line_items", "public.order:write", JSON_ONLY,
                c -> created(domain.orders.createLineItem(c.param("order_id"), c.body()), c));
        op("order_line_items/update", "PATCH", "/orders/{order_id}/line_items/{line_item_id}", "public.order:write", JSON_ONLY,
                c -> single(domain.orders.updateLineItem(c.param("order_id"), c.param("line_item_id"), c.body()), c));
        op("order_line_items/delete", "DELETE", "/orders/{order_id}/line_items/{line_item_id}", "public.order:write", JSON_ONLY,
                c -> {
                    domain.orders.deleteLineItem(c.param("order_id"), c.param("line_item_id"));
                    return success("Line item deleted successfully.", c);
                });

        // catalogue
        op("product_categories/list", "GET", "/product_categories", "public.product_category:read", LIST_FORMATS,
                c -> list(ResourceKind.PRODUCT_CATEGORY, store.all(ResourceKind.PRODUCT_CATEGORY), c));
        op("product_categories/show", "GET", "/product_categories/{product_category_id}", "public.product_category:read",
                JSON_ONLY,
                c -> single(store.require(ResourceKind.PRODUCT_CATEGORY, c.param("product_category_id")), c));
        readable("products", ResourceKind.PRODUCT, "/products", "product_id");
        op("products/base_price", "POST", "/products/{product_id}/base_price", "public.product:write", JSON_ONLY,
                c -> single(domain.operatorResources.setBasePrices(ResourceKind.PRODUCT, c.param("product_id"), c.body()), c));
        readable("protection_levels", ResourceKind.PROTECTION_LEVEL, "/protection_levels", "protection_level_id");
        op("protection_levels/base_price", "POST", "/protection_levels/{protection_level_id}/base_price",
                "public.protection_level:write",
                JSON_ONLY, c -> single(domain.operatorResources.setBasePrices(ResourceKind.PROTECTION_LEVEL,
                        c.param("protection_level_id"), c.body()), c));
        readable("sites", ResourceKind.SITE, "/sites", "site_id");
        readable("staff", ResourceKind.STAFF, "/staff", "staff_id");
        readable("subscriptions", ResourceKind.SUBSCRIPTION, "/subscriptions", "subscription_id");
        readable("tenancies", ResourceKind.TENANCY, "/tenancies", "tenancy_id");
        readable("unit_allocations", ResourceKind.UNIT_ALLOCATION, "/unit_allocations", "unit_allocation_id");
        readable("unit_types", ResourceKind.UNIT_TYPE, "/unit_types", "unit_type_id");
        op("unit_types/base_price", "POST", "/unit_types/{unit_type_id}/base_price", "public.unit_type:write", JSON_ONLY,
                c -> single(domain.operatorResources.setBasePrices(ResourceKind.UNIT_TYPE, c.param("unit_type_id"), c.body()),
                        c));

        // tasks
        readable("tasks", ResourceKind.TASK, "/tasks", "task_id");
        op("tasks/create", "POST", "/tasks", "public.task:write", JSON_ONLY,
                c -> created(domain.tasks.createTask(c.body(), c.token().creatorId), c));
        op("tasks/update", "PATCH", "/tasks/{task_id}", "public.task:write", JSON_ONLY,
                c -> single(domain.tasks.updateTask(c.param("task_id"), c.body()), c));
        op("tasks/delete", "DELETE", "/tasks/{task_id}", "public.task:write", JSON_ONLY, c -> {
            store.remove(store.require(ResourceKind.TASK, c.param("task_id")));
            return success("Task deleted successfully.", c);
        });
        op("tasks/complete", "POST", "/tasks/{task_id}/complete", "public.task:write", JSON_ONLY,
                c -> single(domain.tasks.completeTask(c.param("task_id"), true), c));
        op("tasks/open", "POST", "/tasks/{task_id}/open", "public.task:write", JSON_ONLY,
                c -> single(domain.tasks.completeTask(c.param("task_id"), false), c));

        // timeline
        op("timeline_events/create", "POST", "/timeline/events", "public.timeline_event:write", JSON_ONLY,
                c -> created(domain.notesAndTimeline.createTimelineEvent(c.body(), c.token().creatorId), c));
        op("timeline_events/update", "PATCH", "/timeline/events/{event_id}", "public.timeline_event:write", JSON_ONLY,
                c -> single(domain.notesAndTimeline.updateTimelineEvent(c.param("event_id"), c.body()), c));
        op("timeline_events/delete", "DELETE", "/timeline/events/{event_id}", "public.timeline_event:write", JSON_ONLY, c -> {
            store.remove(store.require(ResourceKind.TIMELINE_EVENT, c.param("event_id")));
            return success("Event deleted successfully.", c);
        });
        readable("timeline_sources", ResourceKind.TIMELINE_SOURCE, "/timeline/sources", "source_id");
        readable("timeline_templates", ResourceKind.TIMELINE_TEMPLATE, "/timeline/templates", "template_id");

        // units
        readable("units", ResourceKind.UNIT, "/units", "unit_id");
        op("units/reserve", "POST", "/units/{unit_id}/reserve", "public.unit:write", JSON_ONLY,
                c -> single(domain.units.reserveUnit(c.param("unit_id"), c.body()), c));
        op("units/grant_access", "POST", "/units/{unit_id}/grant_access", "public.unit:write", JSON_ONLY,
                c -> single(domain.units.grantAccess(c.param("unit_id"), c.body()), c));
        op("units/deallocate", "POST", "/units/{unit_id}/deallocate", "public.unit:write", JSON_ONLY,
                c -> single(domain.units.deallocateUnit(c.param("unit_id")), c));
        op("units/overlock", "POST", "/units/overlock", "public.unit:write", JSON_ONLY, c -> overlockResult(c, false));
        op("units/remove_overlock", "POST", "/units/remove_overlock", "public.unit:write", JSON_ONLY,
                c -> overlockResult(c, true));

        // webhook endpoints
        op("webhook_endpoints/list", "GET", "/webhook_endpoints", "public.webhook_endpoint:read", LIST_FORMATS,
                c -> list(ResourceKind.WEBHOOK_ENDPOINT, store.all(ResourceKind.WEBHOOK_ENDPOINT), c));
        op("webhook_endpoints/show", "GET", "/webhook_endpoints/{webhook_endpoint_id}", "public.webhook_endpoint:read",
                JSON_ONLY,
                c -> single(store.require(ResourceKind.WEBHOOK_ENDPOINT, c.param("webhook_endpoint_id")), c));
        op("webhook_endpoints/create", "POST", "/webhook_endpoints", "public.webhook_endpoint:write", JSON_ONLY, c -> {
            Entity endpoint = domain.webhookEndpoints.createWebhookEndpoint(c.body(), c.token().creatorId);
            ObjectNode json = domain.webhookEndpoints.renderWithSecret(endpoint);
            expander.expand(json, Expander.parse(c.query().get("expand")), c.token().scopes);
            return single(endpoint, json, c, 201);
        });
        op("webhook_endpoints/update", "PATCH", "/webhook_endpoints/{webhook_endpoint_id}", "public.webhook_endpoint:write",
                JSON_ONLY,
                c -> single(domain.webhookEndpoints.updateWebhookEndpoint(c.param("webhook_endpoint_id"), c.body()), c));
        op("webhook_endpoints/delete", "DELETE", "/webhook_endpoints/{webhook_endpoint_id}", "public.webhook_endpoint:write",
                JSON_ONLY, c -> {
                    domain.webhookEndpoints.deleteWebhookEndpoint(c.param("webhook_endpoint_id"));
                    return success("Webhook endpoint deleted successfully.", c);
                });
        op("webhook_endpoints/enable", "POST", "/webhook_endpoints/{webhook_endpoint_id}/enable",
                "public.webhook_endpoint:write", JSON_ONLY,
                c -> single(domain.webhookEndpoints.setWebhookEndpointEnabled(c.param("webhook_endpoint_id"), true), c));
        op("webhook_endpoints/disable", "POST", "/webhook_endpoints/{webhook_endpoint_id}/disable",
                "public.webhook_endpoint:write", JSON_ONLY,
                c -> single(domain.webhookEndpoints.setWebhookEndpointEnabled(c.param("webhook_endpoint_id"), false), c));
    }

    private HttpResult overlockResult(Call call, boolean remove) {
        List<String> unitIds = domain.units.overlock(call.body(), remove);
        String message = remove ? "Overlock was successfully removed from " + unitIds.size() + " customer units."
                : unitIds.size() + " customer units were successfully overlocked.";
        ObjectNode body = domain.success(message);
        ObjectNode meta = Json.object();
        meta.put("request_id", call.apiCall().requestId);
        ArrayNode ids = meta.putArray("unit_ids");
        unitIds.forEach(ids::add);
        meta.set("curies", DomainCore.curies());
        body.set("meta", meta);
        return HttpResult.json(200, body);
    }
}
