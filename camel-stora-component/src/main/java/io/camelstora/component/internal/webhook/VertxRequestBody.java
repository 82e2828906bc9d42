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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The body of a request on camel-platform-http-vertx served with {@code useBodyHandler=false}: the request is paused
 * and nothing of the body was read. It is read chunk by chunk into a buffer that never grows past the limit, and given
 * up when it has not ended within the timeout; the connection of a body given up is closed after the answer. Where
 * the platform-http router is found, {@link VertxBodyPreReader} reads it on the event loop before the request reaches
 * a worker thread; otherwise it is read here, on the route's worker thread.
 * <p>
 * Loaded only when Vert.x is on the class path (the component does not need it on other runtimes).
 */
final class VertxRequestBody extends RequestBody {

    /** How long, and how much, the rest of a refused body is read and thrown away before its connection is closed. */
    static final long DRAIN_MILLIS = 1000;
    static final long DRAIN_BYTES = 1024 * 1024;

    /**
     * Bodies {@link VertxBodyPreReader} read on the event loop, by request, from the body's end until the route's
     * handler takes them or the request is answered.
     */
    private static final Map<HttpServerRequest, Read> READ_AHEAD = new ConcurrentHashMap<>();

    private final HttpServerRequest request;

    VertxRequestBody(Object request) {
        this.request = (HttpServerRequest) request;
    }

    static boolean isRequest(Object body) {
        return body instanceof HttpServerRequest;
    }

    @Override
    Read read(int max, Duration timeout) {
        Read readAhead = READ_AHEAD.remove(request);
        if (readAhead != null) {
            return readAhead;
        }
        // not read ahead (no platform-http router to install VertxBodyPreReader on): read here, on this worker thread
        try {
            return readChunks(request, max).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Read.rejected(WebhookResult.REJECTED_INCOMPLETE_BODY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Read.rejected(WebhookResult.REJECTED_INCOMPLETE_BODY);
        }
    }

    /** Keeps what {@link VertxBodyPreReader} read of {@code request} until the route's handler reads it. */
    static void keep(HttpServerRequest request, Read read) {
        READ_AHEAD.put(request, read);
    }

    /** Forgets what was read ahead of {@code request} once it is answered, read by the route or not. */
    static void forget(HttpServerRequest request) {
        READ_AHEAD.remove(request);
    }

    /**
     * Reads the body of the paused {@code request} chunk by chunk into a buffer that never grows past {@code max};
     * completes on the request's event loop: with the bytes at the end of the body,
     * {@link WebhookResult#REJECTED_SIZE} (pausing the request) at the first chunk over the limit,
     * {@link WebhookResult#REJECTED_INCOMPLETE_BODY} when the connection breaks. The caller bounds the time.
     */
    static CompletableFuture<Read> readChunks(HttpServerRequest request, int max) {
        CompletableFuture<Read> result = new CompletableFuture<>();
        // touched on the connection's event loop only, handed over by the future
        Buffer buffer = Buffer.buffer(Math.min(max, 16 * 1024));
        request.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            if (buffer.length() + chunk.length() > max) {
                request.pause();
                result.complete(Read.rejected(WebhookResult.REJECTED_SIZE));
            } else {
                buffer.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> result.complete(Read.rejected(WebhookResult.REJECTED_INCOMPLETE_BODY)));
        request.endHandler(end -> result.complete(Read.of(buffer.getBytes())));
        request.resume();
        return result;
    }

    /**
     * The rest of the body is not read: closing the connection is the only way to stop the client sending it. The
     * answer says so ({@code Connection: close}). Once the platform-http consumer has written it (when the HTTP
     * exchange completes), what the client still sends is read and thrown away for a moment, up to
     * {@link #DRAIN_BYTES}, so that it reads the answer before the connection closes (closing on unread data resets
     * the connection, and a reset may discard the answer the client has not read yet), then the connection is closed.
     * An HTTP/2 stream is left to its flow control instead.
     */
    @Override
    void abandon(Exchange http) {
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return; // read to its end, or one stream of a shared connection
        }
        request.pause();
        request.response().putHeader("Connection", "close");
        http.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange answered) {
                drainThenClose();
            }
        });
    }

    private void drainThenClose() {
        Context context = Vertx.currentContext();
        if (context == null) {
            request.connection().close();
            return;
        }
        long[] drained = {0};
        long timer = context.owner().setTimer(DRAIN_MILLIS, expired -> request.connection().close());
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_BYTES) {
                context.owner().cancelTimer(timer);
                request.connection().close();
            }
        });
        request.exceptionHandler(broken -> context.owner().cancelTimer(timer));
        request.endHandler(ended -> {
            context.owner().cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }
}
