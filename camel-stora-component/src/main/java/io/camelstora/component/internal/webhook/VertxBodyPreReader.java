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

import java.util.concurrent.CompletableFuture;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Reads a webhook delivery's body on the Vert.x event loop, before the platform-http consumer hands the request to a
 * worker thread of the pool every platform-http route shares (20 threads by default). Read there, a client that
 * announces a body and sends it slowly or never held a worker thread until bodyTimeout: 40 such connections made a
 * signed delivery wait 20 s. Read here, such a client holds its own connection only.
 * <p>
 * A Vert.x route on the webhook's path, ordered before the consumer's: it reads a JSON POST whose announced length is
 * within the limit ({@link VertxRequestBody#readChunks}), bounds the time with a timer, keeps the result for the
 * route's handler and passes the request on. Whatever it does not read (other methods and types, an announced length
 * over the limit) the handler refuses without reading, as before.
 */
final class VertxBodyPreReader implements Handler<RoutingContext> {

    private final int maxBodySize;
    private final long bodyTimeoutMillis;

    private VertxBodyPreReader(int maxBodySize, long bodyTimeoutMillis) {
        this.maxBodySize = maxBodySize;
        this.bodyTimeoutMillis = bodyTimeoutMillis;
    }

    /**
     * Installs a pre-reader on {@code path} of the router of the platform-http server at {@code serverPort}.
     *
     * @return what removes it when the consumer stops; {@code null} when there is no router (it is then read on the
     *         worker thread)
     */
    static Runnable install(CamelContext context, int serverPort, String path, int maxBodySize, long bodyTimeoutMillis) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(serverPort));
        if (router == null) {
            return null;
        }
        // before the consumer's route (orders count up from 0 as routes are added), after the server's own handlers
        // (CORS, authentication: Integer.MIN_VALUE)
        Route route = router.route(path).order(-1).handler(new VertxBodyPreReader(maxBodySize, bodyTimeoutMillis));
        return route::remove;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.POST || request.isEnded()
                || !StoraWebhookHandler.isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))
                || announcedOverLimit(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            ctx.next();
            return;
        }
        ctx.addEndHandler(answered -> VertxRequestBody.forget(request));
        CompletableFuture<RequestBody.Read> reading = VertxRequestBody.readChunks(request, maxBodySize);
        long timer = ctx.vertx().setTimer(bodyTimeoutMillis,
                expired -> reading.complete(RequestBody.Read.rejected(WebhookResult.REJECTED_INCOMPLETE_BODY)));
        // completes on this request's event loop: at the body's end, at the first chunk over the limit, or by the timer
        reading.thenAccept(read -> {
            ctx.vertx().cancelTimer(timer);
            VertxRequestBody.keep(request, read);
            ctx.next();
        });
    }

    private boolean announcedOverLimit(String contentLength) {
        if (contentLength == null) {
            return false; // chunked: read up to the limit
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return true; // left to the server and the handler, unread
        }
    }
}
