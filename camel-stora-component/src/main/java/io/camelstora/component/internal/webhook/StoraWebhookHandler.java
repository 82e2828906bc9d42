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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraOutputType;
import io.camelstora.component.webhook.StoraWebhookEventStore;
import io.camelstora.component.webhook.StoraWebhookOptions;
import io.camelstora.component.webhook.StoraWebhookSignatureException;
import io.camelstora.component.webhook.StoraWebhookVerifier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one webhook delivery, received as an HTTP exchange from the platform-http server: checks method, media
 * type, size and signature, parses the event, and routes it in an exchange of its own; the HTTP answer is written only
 * once that exchange completed, so a 2xx means the route handled the event.
 * <p>
 * Answers: 405 not a POST; 415 not JSON; 413 body over maxBodySize (announced or sent); 408 a body that did not arrive
 * within bodyTimeout; 401 signature missing, invalid, or in the query string; 400 signed but not a Stora event; 200
 * event type not subscribed (dropped), duplicate (not routed again) or routed; 409 the same event is being routed
 * right now (here or, with a shared store, on another node); 500 the route failed, so Stora retries; 503 no secret
 * known yet, or the event store cannot be reached. Bodies are short JSON codes that reveal nothing about the route; no
 * exception reaches the HTTP server, and refusals are logged at most once a minute per reason ({@link RejectionLog}).
 * <p>
 * De-duplication goes through a {@link StoraWebhookEventStore}: claim the event (in progress, under a lease), route it,
 * then mark it done (before the answer, and before the lease ends, so a delivery that claims the event next sees it
 * done) or, when the route failed, release it, so Stora's retry routes it again.
 */
final class StoraWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StoraWebhookHandler.class);
    static final String SIGNATURE_HEADER = "X-Stora-Signature";
    static final String REQUEST_ID_HEADER = "X-Stora-Request-Id";
    /** Refusals of one reason are logged at most this often. */
    static final long REJECTION_LOG_INTERVAL_MILLIS = 60_000;

    private final StoraWebhookReceiver receiver;
    private final String routeId;
    private final AsyncProcessor route;
    private final Function<Exchange, Exchange> newExchange;
    private final Consumer<Exchange> releaseExchange;
    /** Where events are claimed and marked done; {@code null} when idempotent is off. */
    private final StoraWebhookEventStore store;
    /**
     * The path served, as the receiver knows it when the handler is created: the scope of this route's events in the
     * store. Two webhook: routes at different paths may share one stora endpoint, and so one receiver.
     */
    private final String path;
    private final RejectionLog rejections = new RejectionLog(LOG, REJECTION_LOG_INTERVAL_MILLIS);

    /**
     * @param routeId         the route's id for metrics, {@code null} to take it from each HTTP exchange
     * @param route           the route's processor
     * @param newExchange     creates the exchange an event is routed in, given the HTTP exchange
     * @param releaseExchange gives that exchange back once answered
     */
    StoraWebhookHandler(StoraWebhookReceiver receiver, String routeId, Processor route,
                        Function<Exchange, Exchange> newExchange, Consumer<Exchange> releaseExchange) {
        this.receiver = receiver;
        this.routeId = routeId;
        this.newExchange = newExchange;
        this.releaseExchange = releaseExchange;
        this.route = AsyncProcessorConverterHelper.convert(route);
        this.store = receiver.eventStore();
        this.path = receiver.getServedPath();
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        try {
            return handle(http, callback);
        } catch (RuntimeException e) {
            // a bug of ours or of a converter: the delivery is answered like a route failure, Stora retries it
            rejections.warn("internal_error", "Stora webhook delivery {} at {} could not be handled; answered 500",
                    RejectionLog.quote(requestId(http)), path, e);
            respond(http, WebhookResult.FAILED, null);
            callback.done(true);
            return true;
        }
    }

    private boolean handle(Exchange http, AsyncCallback callback) {
        Message in = http.getMessage();
        RequestBody body = RequestBody.of(http);
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (!"POST".equalsIgnoreCase(method)) {
            reject(http, body, WebhookResult.REJECTED_METHOD, "method " + RejectionLog.quote(method));
            http.getMessage().setHeader("Allow", "POST");
            return done(callback);
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (!isJson(contentType)) {
            reject(http, body, WebhookResult.REJECTED_MEDIA_TYPE, "Content-Type " + RejectionLog.quote(contentType)
                    + ", Stora sends application/json");
            return done(callback);
        }
        if (signatureInQuery(in)) {
            // query strings end up in access logs and proxies' caches: a signature is taken from the header only
            reject(http, body, WebhookResult.REJECTED_SIGNATURE,
                    "the query string carries " + SIGNATURE_HEADER + "; only the header is read");
            return done(callback);
        }
        StoraWebhookOptions options = receiver.options();
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > options.getMaxBodySize()) {
            reject(http, body, WebhookResult.REJECTED_SIZE,
                    "Content-Length " + declared + " over maxBodySize " + options.getMaxBodySize());
            return done(callback);
        }
        RequestBody.Read read = body.read(options.getMaxBodySize(), Duration.ofMillis(options.getBodyTimeout()));
        if (read.rejection() != null) {
            reject(http, body, read.rejection(), read.rejection() == WebhookResult.REJECTED_SIZE
                    ? "body over maxBodySize " + options.getMaxBodySize()
                    : read.rejection() == WebhookResult.REJECTED_MEDIA_TYPE
                            ? "the HTTP engine parsed the body as a form"
                            : "the body did not arrive within bodyTimeout " + options.getBodyTimeout() + " ms");
            return done(callback);
        }
        StoraWebhookVerifier verifier = receiver.verifier();
        if (verifier == null) {
            rejections.warn("not_ready", "Stora webhook delivery {} arrived at {} before a signing secret is known;"
                    + " answered 503",
                    RejectionLog.quote(requestId(http)), path);
            respond(http, WebhookResult.NOT_READY, null);
            return done(callback);
        }
        try {
            verifier.verify(in.getHeader(SIGNATURE_HEADER, String.class), read.bytes(), Instant.now());
        } catch (StoraWebhookSignatureException e) {
            reject(http, body, WebhookResult.REJECTED_SIGNATURE, e.getMessage());
            return done(callback);
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(read.bytes());
        } catch (WebhookEvent.InvalidPayloadException e) {
            reject(http, body, WebhookResult.REJECTED_PAYLOAD, e.getMessage());
            return done(callback);
        }
        if (!receiver.eventTypes().accepts(event.type())) {
            LOG.debug("Stora webhook event {} of type {} is not in eventTypes {}; acknowledged and dropped", event.id(),
                    event.type(), receiver.eventTypes());
            respond(http, WebhookResult.IGNORED, event);
            return done(callback);
        }
        String scope = path;
        if (store != null) {
            StoraWebhookEventStore.Claim claim;
            try {
                claim = store.claim(scope, event.id());
            } catch (RuntimeException e) {
                rejections.warn("store_unavailable", "Stora webhook event {} at {} could not be claimed in {}: {};"
                        + " answered 503 so Stora retries",
                        event.id(), scope, store, e.getMessage());
                respond(http, WebhookResult.STORE_UNAVAILABLE, event);
                return done(callback);
            }
            if (claim == StoraWebhookEventStore.Claim.DONE) {
                LOG.debug("Stora webhook event {} was routed before; acknowledged without routing it again", event.id());
                respond(http, WebhookResult.DUPLICATE, event);
                return done(callback);
            }
            if (claim == StoraWebhookEventStore.Claim.IN_PROGRESS) {
                LOG.debug("Stora webhook event {} is being routed already; answered 409 so Stora retries", event.id());
                respond(http, WebhookResult.IN_PROGRESS, event);
                return done(callback);
            }
        }
        return routeEvent(http, event, scope, options, callback);
    }

    private boolean routeEvent(Exchange http, WebhookEvent event, String scope, StoraWebhookOptions options,
                               AsyncCallback callback) {
        Exchange exchange = null;
        try {
            exchange = newExchange.apply(http);
            populate(exchange, event, in(http, REQUEST_ID_HEADER), options);
            Exchange routed = exchange;
            return route.process(routed, doneSync -> {
                try {
                    complete(http, routed, event, scope);
                } finally {
                    releaseExchange.accept(routed);
                    callback.done(doneSync);
                }
            });
        } catch (RuntimeException e) {
            // populating the exchange failed, or the route threw although an asynchronous processor must not: the
            // event's lease is ended, and an exchange created for it is given back
            if (store != null) {
                try {
                    store.release(scope, event.id());
                } catch (RuntimeException releaseFailed) {
                    e.addSuppressed(releaseFailed); // the lease expires by itself
                }
            }
            if (exchange != null) {
                releaseExchange.accept(exchange);
            }
            throw e;
        }
    }

    private void populate(Exchange exchange, WebhookEvent event, String requestId, StoraWebhookOptions options) {
        exchange.setPattern(ExchangePattern.InOnly);
        Message message = exchange.getIn();
        message.setHeader(StoraConstants.WEBHOOK_EVENT_ID, event.id());
        message.setHeader(StoraConstants.WEBHOOK_EVENT_TYPE, event.type());
        message.setHeader(StoraConstants.WEBHOOK_CREATED_AT, event.createdAt());
        message.setHeader(StoraConstants.WEBHOOK_API_VERSION, event.apiVersion());
        message.setHeader(StoraConstants.WEBHOOK_REQUEST_ID, requestId);
        message.setHeader(StoraConstants.WEBHOOK_RESOURCE_ID, event.resourceId());
        StoraOutputType output = receiver.outputType();
        message.setBody(output.convert(options.isFullEvent() ? event.event() : event.resource()));
    }

    private void complete(Exchange http, Exchange exchange, WebhookEvent event, String scope) {
        if (exchange.isFailed()) {
            // the route's error handler has logged the failure; the answer tells Stora to retry, and nothing more
            LOG.debug("Stora webhook event {} ({}) failed in the route; answered 500 so Stora retries", event.id(),
                    event.type(), exchange.getException());
            if (store != null) {
                try {
                    store.release(scope, event.id());
                } catch (RuntimeException e) {
                    rejections.warn("release_failed", "Stora webhook event {} failed in the route and could not be"
                            + " released in {}: {}; a retry routes it once its lease expired",
                            event.id(), store, e.getMessage());
                }
            }
            respond(http, WebhookResult.FAILED, event);
            return;
        }
        if (store != null) {
            try {
                store.markDone(scope, event.id());
            } catch (RuntimeException e) {
                // the event was handled: it is acknowledged, and a later delivery of it may be routed again. Logged
                // under a reason of its own, so that claims refused meanwhile cannot hide the events it names
                rejections.warn("mark_done_failed", "Stora webhook event {} was routed but could not be marked done in"
                        + " {}: {}; a redelivery of it would be routed again",
                        event.id(), store, e.getMessage());
            }
        }
        respond(http, WebhookResult.PROCESSED, event);
    }

    /** Answers a refused delivery, logs it (at most once per interval and reason) and ends reading its body. */
    private void reject(Exchange http, RequestBody body, WebhookResult result, String why) {
        rejections.warn(result.reason(), "Stora webhook delivery {} at {} refused with {} ({}): {}",
                RejectionLog.quote(requestId(http)), path, result.status(), result.reason(), why);
        body.abandon(http);
        respond(http, result, null);
    }

    /** Answers the delivery and records how, for metrics and the consumer's health check. */
    private void respond(Exchange http, WebhookResult result, WebhookEvent event) {
        String code = switch (result) {
            case FAILED -> "processing_failed";
            case REJECTED_SIGNATURE, REJECTED_PAYLOAD, REJECTED_SIZE, REJECTED_METHOD, REJECTED_MEDIA_TYPE,
                    REJECTED_INCOMPLETE_BODY ->
                result.reason();
            default -> result.result();
        };
        answer(http, result.status(), code);
        receiver.deliveries().record(routeId != null ? routeId : http.getFromRouteId(), result, event);
    }

    /** Replaces the HTTP message by the answer, so no request header is echoed back. */
    private static void answer(Exchange http, int status, String code) {
        Message message = http.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(status < 300 ? "{\"status\":\"" + code + "\"}" : "{\"error\":\"" + code + "\"}");
        http.setException(null);
    }

    /** {@code application/json}, with or without parameters, or another {@code +json} type; what Stora sends. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    /** Whether the query string names the signature header: platform-http maps query parameters to headers too. */
    static boolean signatureInQuery(Message in) {
        String query = in.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String parameter : query.split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // compared as sent
            }
            if (name.trim().equalsIgnoreCase(SIGNATURE_HEADER)) {
                return true;
            }
        }
        return false;
    }

    private static String in(Exchange http, String header) {
        return http.getMessage().getHeader(header, String.class);
    }

    private static String requestId(Exchange http) {
        String id = in(http, REQUEST_ID_HEADER);
        return id == null ? "(no X-Stora-Request-Id)" : id;
    }

    private static boolean done(AsyncCallback callback) {
        callback.done(true);
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        receiver.startEventStore(store);
        ServiceHelper.startService(route);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(route);
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownService(route);
    }
}
