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
import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * The body of a delivery as the platform-http engine hands it over, read no further than the limit.
 * <p>
 * On Vert.x (camel-main, Camel JBang) the consumer serves its path with {@code useBodyHandler=false}: the request arrives
 * paused and unread, and {@link VertxRequestBody} reads it, so a body over the limit is never buffered and one that
 * does not arrive in time is given up. On other engines the body is what the engine made of it: a stream is read up
 * to the limit (the server's read timeout applies), anything else was buffered by the server before the component
 * could look (see {@link #boundedByTheComponent}).
 */
abstract class RequestBody {

    /** What reading gave: the bytes, or why there are none. */
    record Read(byte[] bytes, WebhookResult rejection) {
        static Read of(byte[] bytes) {
            return new Read(bytes, null);
        }

        static Read rejected(WebhookResult rejection) {
            return new Read(null, rejection);
        }
    }

    private static final boolean VERTX = present("io.vertx.core.http.HttpServerRequest");

    /** The body of {@code http}'s request. */
    static RequestBody of(Exchange http) {
        Object body = http.getMessage().getBody();
        if (VERTX && VertxRequestBody.isRequest(body)) {
            return new VertxRequestBody(body);
        }
        return new Converted(http, body);
    }

    /**
     * Whether a consumer created by {@code httpConsumerClass} hands the body over unread, so the component bounds what
     * is read: Vert.x (with {@code useBodyHandler=false}), not the servlet engines, which read it before the route runs.
     */
    static boolean boundedByTheComponent(String httpConsumerClass) {
        return VERTX && httpConsumerClass.startsWith("org.apache.camel.component.platform.http.vertx.");
    }

    /**
     * Reads at most {@code max} bytes: {@link WebhookResult#REJECTED_SIZE} when there are more,
     * {@link WebhookResult#REJECTED_INCOMPLETE_BODY} when the body has not ended within {@code timeout} or the
     * connection broke, {@link WebhookResult#REJECTED_MEDIA_TYPE} when the engine turned it into something else than
     * bytes (form fields).
     */
    abstract Read read(int max, Duration timeout);

    /**
     * The rest of the body will not be read (the delivery is refused first): where the component reads the body
     * itself, the connection is closed after the answer, so a client cannot hold it by sending slowly.
     */
    abstract void abandon(Exchange http);

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RequestBody.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A body the engine has read already, or a stream. */
    private static final class Converted extends RequestBody {
        private final Exchange http;
        private final Object body;

        Converted(Exchange http, Object body) {
            this.http = http;
            this.body = body;
        }

        @Override
        Read read(int max, Duration timeout) {
            if (body == null) {
                return Read.of(new byte[0]);
            }
            if (body instanceof InputStream stream) {
                try {
                    byte[] bytes = stream.readNBytes(max + 1);
                    return bytes.length > max ? Read.rejected(WebhookResult.REJECTED_SIZE) : Read.of(bytes);
                } catch (IOException e) {
                    // the server's read timeout (a SocketTimeoutException) or a broken connection
                    return Read.rejected(WebhookResult.REJECTED_INCOMPLETE_BODY);
                }
            }
            byte[] bytes = http.getContext().getTypeConverter().tryConvertTo(byte[].class, http, body);
            if (bytes == null) {
                // e.g. the Map of fields an engine parsed from a form: not a JSON body
                return Read.rejected(WebhookResult.REJECTED_MEDIA_TYPE);
            }
            return bytes.length > max ? Read.rejected(WebhookResult.REJECTED_SIZE) : Read.of(bytes);
        }

        @Override
        void abandon(Exchange http) {
            // the engine read the body already, or drains what is left on its own (Tomcat: maxSwallowSize)
        }
    }
}
