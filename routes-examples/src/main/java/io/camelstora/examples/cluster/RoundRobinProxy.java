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
package io.camelstora.examples.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo's load balancer in front of the nodes: each request goes to the next node in turn, without health checks,
 * so a request reaching a dead node fails (502) and Stora delivers it again later, as behind a plain round-robin
 * balancer. The JDK's HTTP server and client: a demo needs no proxy product.
 */
final class RoundRobinProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Content-Type", "User-Agent", "X-Stora-Signature",
            "X-Stora-Request-Id");

    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private RoundRobinProxy(List<Integer> ports) throws IOException {
        this.ports = List.copyOf(ports);
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** A proxy on a free port of localhost to the nodes listening on {@code ports} of localhost. */
    static RoundRobinProxy start(List<Integer> ports) throws IOException {
        return new RoundRobinProxy(ports);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + exchange.getRequestURI())).timeout(Duration.ofSeconds(20))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        int status;
        byte[] answer;
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            answer = response.body();
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
        } catch (IOException e) {
            unreachable.incrementAndGet();
            status = 502;
            answer = ("node on port " + port + " unreachable: " + e).getBytes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 502;
            answer = new byte[0];
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Requests answered 502 because their node did not answer. */
    int unreachable() {
        return unreachable.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
