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
package io.camelstora.examples.crm;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a CRM's REST API, so the contacts flow has somewhere real to send to: {@code PUT /contacts/{id}}
 * upserts a contact (JSON) unless it holds a newer version, and answers 200; {@code GET /contacts} lists them. It keeps every request it got, in
 * order. The JDK's own HTTP server: nothing more is needed for a fake on localhost.
 */
public final class CrmStandIn implements AutoCloseable {

    /** One request the CRM received. */
    public record Received(String method, String path, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> contacts = new ConcurrentHashMap<>();

    private CrmStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} of localhost (0: any free port). */
    public static CrmStandIn start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        CrmStandIn crm = new CrmStandIn(server);
        server.createContext("/contacts", crm::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "crm-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return crm;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Every request received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The contacts as stored, by the id in the path. */
    public Map<String, JsonNode> contacts() {
        return Map.copyOf(contacts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            JsonNode body = null;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0) {
                    body = JSON.readTree(bytes);
                }
            } catch (IOException e) {
                respond(exchange, 400, "{\"error\":\"invalid JSON\"}");
                return;
            }
            received.add(new Received(method, path, body));
            String id = path.startsWith("/contacts/") ? path.substring("/contacts/".length()) : "";
            if (method.equals("PUT") && !id.isEmpty() && body != null && body.isObject()) {
                JsonNode kept = contacts.merge(id, body, CrmStandIn::newer);
                respond(exchange, 200, JSON.writeValueAsString(kept));
            } else if (method.equals("GET") && id.isEmpty()) {
                respond(exchange, 200, JSON.writeValueAsString(contacts.values()));
            } else {
                respond(exchange, 405, "{\"error\":\"PUT /contacts/{id} or GET /contacts\"}");
            }
        }
    }

    /**
     * Like many CRMs' conditional upserts: a change older than the stored one ({@code source_updated_at}, ISO-8601 UTC
     * as Stora writes it) does not overwrite it, since webhooks can arrive out of order.
     */
    private static JsonNode newer(JsonNode stored, JsonNode incoming) {
        String storedAt = stored.path("source_updated_at").asText("");
        String incomingAt = incoming.path("source_updated_at").asText("");
        return incomingAt.compareTo(storedAt) >= 0 ? incoming : stored;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
