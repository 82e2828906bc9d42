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

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraOutputType;
import io.camelstora.component.webhook.StoraWebhookOptions;
import io.camelstora.component.webhook.StoraWebhookSignatureException;
import io.camelstora.component.webhook.StoraWebhookVerifier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.processor.idempotent.IdempotentConsumer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one webhook delivery, received as an HTTP exchange from the platform-http server: checks method, size and
 * signature, parses the event, and routes it in an exchange of its own; the HTTP answer is written only once that
 * exchange completed, so a 2xx means the route handled the event.
 * <p>
 * Answers: 405 not a POST; 413 body over maxBodySize; 401 signature missing or invalid; 400 signed but not a Stora
 * event; 200 event type not subscribed (dropped), duplicate (not routed again) or routed; 409 the same event is being
 * routed right now; 500 the route failed, so Stora retries; 503 no secret known yet. Bodies are short JSON codes that
 * reveal nothing about the route; no exception ever reaches the HTTP server.
 * <p>
 * De-duplication is Camel's {@link IdempotentConsumer} around the route, eager (the id is added before routing, so a
 * concurrent delivery of the same event on another node sharing the repository is a duplicate), completing eagerly
 * (commit or removal as soon as the route finished, before the answer is written) and removing the id when the route
 * failed, so Stora's retry routes the event again.
 */
final class StoraWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StoraWebhookHandler.class);
    static final String SIGNATURE_HEADER = "X-Stora-Signature";
    static final String REQUEST_ID_HEADER = "X-Stora-Request-Id";

    private final StoraWebhookReceiver receiver;
    private final String routeId;
    private final AsyncProcessor target;
    private final Function<Exchange, Exchange> newExchange;
    private final Consumer<Exchange> releaseExchange;
    /** Event ids being routed by this handler right now: a concurrent delivery of one is answered 409. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

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
        IdempotentRepository repository = receiver.idempotentRepository();
        if (repository != null) {
            IdempotentConsumer idempotent = new IdempotentConsumer(
                    ExpressionBuilder.headerExpression(StoraConstants.WEBHOOK_EVENT_ID), repository, true, true, true, true,
                    route);
            idempotent.setCamelContext(receiver.getCamelContext());
            this.target = idempotent;
        } else {
            this.target = AsyncProcessorConverterHelper.convert(route);
        }
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        try {
            return handle(http, callback);
        } catch (RuntimeException e) {
            // a bug of ours or of a converter: the delivery is answered like a route failure, Stora retries it
            LOG.warn("Stora webhook delivery {} could not be handled; answered 500", requestId(http), e);
            respond(http, WebhookResult.FAILED, null);
            callback.done(true);
            return true;
        }
    }

    private boolean handle(Exchange http, AsyncCallback callback) {
        Message in = http.getMessage();
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        if (!"POST".equalsIgnoreCase(method)) {
            respond(http, WebhookResult.REJECTED_METHOD, null);
            http.getMessage().setHeader("Allow", "POST");
            return done(callback);
        }
        StoraWebhookOptions options = receiver.options();
        byte[] body = boundedBody(http, options.getMaxBodySize());
        if (body == null) {
            LOG.debug("Stora webhook delivery {} rejected: body over maxBodySize {}", requestId(http),
                    options.getMaxBodySize());
            respond(http, WebhookResult.REJECTED_SIZE, null);
            return done(callback);
        }
        StoraWebhookVerifier verifier = receiver.verifier();
        if (verifier == null) {
            LOG.warn("Stora webhook delivery {} arrived before a signing secret is known; answered 503", requestId(http));
            respond(http, WebhookResult.NOT_READY, null);
            return done(callback);
        }
        try {
            verifier.verify(in.getHeader(SIGNATURE_HEADER, String.class), body, Instant.now());
        } catch (StoraWebhookSignatureException e) {
            if (e.getReason() == StoraWebhookSignatureException.Reason.MISSING) {
                LOG.debug("Stora webhook delivery {} rejected: {}", requestId(http), e.getMessage());
            } else {
                LOG.warn("Stora webhook delivery {} rejected: {}", requestId(http), e.getMessage());
            }
            respond(http, WebhookResult.REJECTED_SIGNATURE, null);
            return done(callback);
        }
        WebhookEvent event;
        try {
            event = WebhookEvent.parse(body);
        } catch (WebhookEvent.InvalidPayloadException e) {
            LOG.warn("Stora webhook delivery {} rejected: {}", requestId(http), e.getMessage());
            respond(http, WebhookResult.REJECTED_PAYLOAD, null);
            return done(callback);
        }
        if (!receiver.eventTypes().accepts(event.type())) {
            LOG.debug("Stora webhook event {} of type {} is not in eventTypes {}; acknowledged and dropped", event.id(),
                    event.type(), receiver.eventTypes());
            respond(http, WebhookResult.IGNORED, event);
            return done(callback);
        }
        if (!inFlight.add(event.id())) {
            LOG.debug("Stora webhook event {} is being routed already; answered 409 so Stora retries", event.id());
            respond(http, WebhookResult.IN_PROGRESS, event);
            return done(callback);
        }
        Exchange exchange = null;
        try {
            exchange = newExchange.apply(http);
            populate(exchange, event, requestId(http), options);
            Exchange routed = exchange;
            return target.process(routed, doneSync -> {
                try {
                    complete(http, routed, event);
                } finally {
                    inFlight.remove(event.id());
                    releaseExchange.accept(routed);
                    callback.done(doneSync);
                }
            });
        } catch (RuntimeException e) {
            // populating the exchange failed, or the route threw although an asynchronous processor must not: the
            // event is not left marked in flight, and an exchange created for it is given back
            inFlight.remove(event.id());
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

    private void complete(Exchange http, Exchange exchange, WebhookEvent event) {
        if (exchange.getProperty(ExchangePropertyKey.DUPLICATE_MESSAGE, false, Boolean.class)) {
            LOG.debug("Stora webhook event {} was routed before; acknowledged without routing it again", event.id());
            respond(http, WebhookResult.DUPLICATE, event);
        } else if (exchange.isFailed()) {
            // the route's error handler has logged the failure; the answer tells Stora to retry, and nothing more
            LOG.debug("Stora webhook event {} ({}) failed in the route; answered 500 so Stora retries", event.id(),
                    event.type(), exchange.getException());
            respond(http, WebhookResult.FAILED, event);
        } else {
            respond(http, WebhookResult.PROCESSED, event);
        }
    }

    /** Answers the delivery and records how, for metrics and the consumer's health check. */
    private void respond(Exchange http, WebhookResult result, WebhookEvent event) {
        String code = switch (result) {
            case FAILED -> "processing_failed";
            case REJECTED_SIGNATURE, REJECTED_PAYLOAD, REJECTED_SIZE, REJECTED_METHOD -> result.reason();
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

    /**
     * The body as sent, or {@code null} when it is larger than {@code max}. A declared Content-Length over the limit
     * is refused without reading; a stream is read no further than the limit.
     */
    private static byte[] boundedBody(Exchange http, int max) {
        Message in = http.getMessage();
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > max) {
            return null;
        }
        Object body = in.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof InputStream stream) {
            try {
                byte[] bytes = stream.readNBytes(max + 1);
                return bytes.length > max ? null : bytes;
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the webhook request body", e);
            }
        }
        byte[] bytes = http.getContext().getTypeConverter().convertTo(byte[].class, http, body);
        if (bytes == null) {
            throw new IllegalStateException("The webhook request body of type " + body.getClass().getName()
                    + " cannot be read as bytes");
        }
        return bytes.length > max ? null : bytes;
    }

    private static String requestId(Exchange http) {
        String id = http.getMessage().getHeader(REQUEST_ID_HEADER, String.class);
        return id == null ? "(no X-Stora-Request-Id)" : id;
    }

    private static boolean done(AsyncCallback callback) {
        callback.done(true);
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(target);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(target);
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownService(target);
    }
}
