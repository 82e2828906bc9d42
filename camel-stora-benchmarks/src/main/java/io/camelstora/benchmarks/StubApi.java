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
package io.camelstora.benchmarks;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

/**
 * A fixed-answer HTTP server on loopback (Vert.x, non-blocking): every request gets the same Stora-shaped document.
 * Deliberately minimal, so the measured difference between two clients is the clients'.
 */
final class StubApi implements AutoCloseable {

    static final String CONTACT = "{\"contact\":{\"id\":\"con_0ac0514ed0711462\",\"full_name\":\"Ada Lovelace\","
            + "\"email\":\"ada@example.com\",\"status\":\"customer\",\"created_at\":\"2025-02-22T14:41:00Z\","
            + "\"updated_at\":\"2025-02-22T14:41:00Z\",\"metadata\":{\"source\":\"bench\"}},"
            + "\"meta\":{\"request_id\":\"01563646-58c1-4607-8fe0-cae3e92c4477\"}}";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    StubApi() throws Exception {
        Buffer body = Buffer.buffer(CONTACT);
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onComplete(ignored -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(body)))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
