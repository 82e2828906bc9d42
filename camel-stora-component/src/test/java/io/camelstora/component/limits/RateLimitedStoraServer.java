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
package io.camelstora.component.limits;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Stora API that enforces rate limits the strictest way: at most {@code N} served requests in
 * any interval of length {@code W} (a sliding window, counted on the server's clock when a request is handled), for
 * every window. Over it, it answers 429 with {@code RateLimit-Limit}, {@code RateLimit-Remaining: 0} and
 * {@code RateLimit-Reset} (epoch seconds when a slot frees), like https://docs.stora.co/2025-09/guides/requests. Refused requests do not count.
 * <p>
 * It serves {@code GET /2025-09/contacts} (pages of generated contacts), {@code GET /2025-09/contacts/{id}},
 * {@code GET /2025-09/sites}, and an idempotent {@code POST /2025-09/contacts} that stores the response of every
 * Idempotency-Key, errors included, and replays it for the same key. Faults can be queued for the next served requests,
 * and every arrival is recorded with the server's clock, so tests assert on what the server saw.
 * <p>
 * Stands in until the Stora simulator (module stora-simulator) is available; the benchmarks use it too.
 */
public final class RateLimitedStoraServer implements AutoCloseable {

    /** What the server saw: arrival time on its clock, the request, and the status it answered (0 = dropped). */
    public record Arrival(long epochMillis, String method, String path, String query, String idempotencyKey, int status) {
    }

    /** A fault for the next served request. */
    public enum FaultKind {
        /** Answer with the given status and a Stora error body; a POST stores it under its Idempotency-Key. */
        STATUS,
        /** Process the request (create, store the response under the key), then close the connection unanswered. */
        DROP_AFTER_PROCESSING
    }

    public record Fault(FaultKind kind, int status) {
        public static Fault status(int status) {
            return new Fault(FaultKind.STATUS, status);
        }

        public static Fault dropAfterProcessing() {
            return new Fault(FaultKind.DROP_AFTER_PROCESSING, 0);
        }
    }

    private record Stored(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RateLimits.Window> windows;
    private final List<ArrayDeque<Long>> served = new ArrayList<>();
    private final long originNanos = System.nanoTime();
    private final long originEpochMillis = System.currentTimeMillis();
    private final int contacts;
    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final ArrayDeque<Fault> faults = new ArrayDeque<>();
    private final Map<String, Stored> idempotency = new HashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile long forcedResetEpochSecond;
    private volatile long refuseUntilEpochMillis;

    /**
     * @param windows  the limits the server enforces, e.g. 10 per 1 s and 60 per 1 min
     * @param contacts how many contacts {@code GET /2025-09/contacts} lists
     */
    public RateLimitedStoraServer(List<RateLimits.Window> windows, int contacts) throws IOException {
        this.windows = List.copyOf(windows);
        this.contacts = contacts;
        windows.forEach(w -> served.add(new ArrayDeque<>()));
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "rate-limited-stora-server");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request the server received, in arrival order. */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    public int rateLimitedCount() {
        return rateLimited.get();
    }

    /** Contacts created by POST (replays of an Idempotency-Key create nothing). */
    public int createdCount() {
        return created.get();
    }

    /** Answers 429 with this {@code RateLimit-Reset} to every request until that second has come. */
    public void forceRateLimitUntil(long resetEpochSecond) {
        this.forcedResetEpochSecond = resetEpochSecond;
    }

    /**
     * Answers 429 to every request until {@code untilEpochMillis}, each time announcing a reset in the next second, as a
     * server does whose budget another client keeps using up.
     */
    public void keepRateLimitingUntil(long untilEpochMillis) {
        this.refuseUntilEpochMillis = untilEpochMillis;
    }

    /** Queues faults for the next served requests (after the rate limit let them through), in order. */
    public synchronized void enqueue(Fault... next) {
        faults.addAll(List.of(next));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            long epochMillis = System.currentTimeMillis();
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            byte[] requestBody = exchange.getRequestBody().readAllBytes();

            long forced = forcedResetEpochSecond;
            if (forced > 0 && epochMillis < forced * 1000) {
                record(epochMillis, method, uri, key, 429);
                refuse(exchange, windows.get(0).permits(), forced);
                return;
            }
            if (epochMillis < refuseUntilEpochMillis) {
                record(epochMillis, method, uri, key, 429);
                refuse(exchange, windows.get(0).permits(), epochMillis / 1000 + 1);
                return;
            }
            Map<String, String> limitHeaders = new LinkedHashMap<>();
            int refusedBy = admit(now, limitHeaders);
            if (refusedBy >= 0) {
                record(epochMillis, method, uri, key, 429);
                refuse(exchange, windows.get(refusedBy).permits(), Long.parseLong(limitHeaders.get("RateLimit-Reset")));
                return;
            }
            limitHeaders.forEach((n, v) -> exchange.getResponseHeaders().add(n, v));
            Fault fault;
            synchronized (this) {
                fault = faults.poll();
            }
            String path = uri.getPath();
            if (fault != null && fault.kind() == FaultKind.STATUS) {
                String body = error(fault.status(), fault.status() >= 500 ? "internal_server_error" : "invalid_request",
                        "Injected fault");
                if ("POST".equals(method) && key != null) {
                    synchronized (idempotency) {
                        idempotency.putIfAbsent(key, new Stored(fault.status(), body));
                    }
                }
                record(epochMillis, method, uri, key, fault.status());
                send(exchange, fault.status(), body);
                return;
            }
            Stored response = route(method, path, uri.getRawQuery(), key, requestBody);
            if (fault != null && fault.kind() == FaultKind.DROP_AFTER_PROCESSING) {
                record(epochMillis, method, uri, key, 0);
                return; // closing an exchange that sent no headers closes the connection: the client gets no response
            }
            record(epochMillis, method, uri, key, response.status());
            send(exchange, response.status(), response.body());
        }
    }

    /** Returns -1 and fills the RateLimit-* headers when admitted, else the index of the window that refuses. */
    private synchronized int admit(long now, Map<String, String> headers) {
        int tightest = 0;
        long tightestRemaining = Long.MAX_VALUE;
        for (int i = 0; i < windows.size(); i++) {
            ArrayDeque<Long> log = served.get(i);
            long length = windows.get(i).length().toNanos();
            while (!log.isEmpty() && log.peekFirst() <= now - length) {
                log.pollFirst();
            }
            if (log.size() >= windows.get(i).permits()) {
                headers.put("RateLimit-Reset", Long.toString(resetEpochSecond(log.peekFirst() + length)));
                return i;
            }
        }
        for (int i = 0; i < windows.size(); i++) {
            ArrayDeque<Long> log = served.get(i);
            log.addLast(now);
            long remaining = windows.get(i).permits() - log.size();
            if (remaining < tightestRemaining) {
                tightestRemaining = remaining;
                tightest = i;
            }
        }
        headers.put("RateLimit-Limit", Integer.toString(windows.get(tightest).permits()));
        headers.put("RateLimit-Remaining", Long.toString(tightestRemaining));
        long length = windows.get(tightest).length().toNanos();
        headers.put("RateLimit-Reset", Long.toString(resetEpochSecond(served.get(tightest).peekFirst() + length)));
        return -1;
    }

    private long resetEpochSecond(long nanos) {
        long epochMillis = originEpochMillis + (nanos - originNanos) / 1_000_000;
        return (epochMillis + 999) / 1000;
    }

    private void refuse(HttpExchange exchange, int limit, long resetEpochSecond) throws IOException {
        rateLimited.incrementAndGet();
        exchange.getResponseHeaders().add("RateLimit-Limit", Integer.toString(limit));
        exchange.getResponseHeaders().add("RateLimit-Remaining", "0");
        exchange.getResponseHeaders().add("RateLimit-Reset", Long.toString(resetEpochSecond));
        send(exchange, 429, error(429, "too_many_requests",
                "Rate Limit Exceeded. You have reached the maximum number of requests. Please try again later."));
    }

    private Stored route(String method, String path, String query, String key, byte[] body) {
        if ("GET".equals(method) && path.equals("/2025-09/contacts")) {
            return new Stored(200, contactPage(query));
        }
        if ("GET".equals(method) && path.startsWith("/2025-09/contacts/")) {
            String id = path.substring("/2025-09/contacts/".length());
            return new Stored(200, "{\"contact\":" + contact(id) + ",\"meta\":{\"request_id\":\"" + requestId() + "\"}}");
        }
        if ("GET".equals(method) && path.equals("/2025-09/sites")) {
            return new Stored(200, "{\"sites\":[{\"id\":\"sit_1\",\"name\":\"Central\"}],\"meta\":{\"request_id\":\""
                    + requestId() + "\",\"pagination\":{\"count\":1,\"page\":1,\"pages\":1,\"limit\":50,"
                    + "\"next\":null,\"prev\":null,\"last\":1}}}");
        }
        if ("POST".equals(method) && path.equals("/2025-09/contacts")) {
            if (key == null) {
                return create();
            }
            synchronized (idempotency) {
                return idempotency.computeIfAbsent(key, k -> create());
            }
        }
        return new Stored(404, error(404, "invalid_endpoint", "The requested endpoint does not exist."));
    }

    private Stored create() {
        int n = created.incrementAndGet();
        return new Stored(201,
                "{\"contact\":" + contact("con_new_" + n) + ",\"meta\":{\"request_id\":\"" + requestId() + "\"}}");
    }

    private String contactPage(String query) {
        Map<String, String> q = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                q.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        int pages = Math.max(1, (contacts + limit - 1) / limit);
        StringBuilder sb = new StringBuilder("{\"contacts\":[");
        int from = (page - 1) * limit;
        for (int i = from; i < Math.min(contacts, from + limit); i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append(contact("con_" + (i + 1)));
        }
        sb.append("],\"meta\":{\"request_id\":\"").append(requestId()).append("\",\"pagination\":{\"count\":").append(contacts)
                .append(",\"page\":").append(page).append(",\"pages\":").append(pages).append(",\"limit\":").append(limit)
                .append(",\"next\":").append(page < pages ? Integer.toString(page + 1) : "null")
                .append(",\"prev\":").append(page > 1 ? Integer.toString(page - 1) : "null")
                .append(",\"last\":").append(pages).append("}}}");
        return sb.toString();
    }

    private static String contact(String id) {
        return "{\"id\":\"" + id + "\",\"full_name\":\"Contact " + id + "\",\"email\":\"" + id + "@example.com\"}";
    }

    private String requestId() {
        return "req_" + requestIds.incrementAndGet();
    }

    private String error(int status, String code, String message) {
        String type = status >= 500 ? "api_error" : "invalid_request_error";
        return "{\"error\":{\"code\":\"" + code + "\",\"type\":\"" + type + "\",\"message\":\"" + message
                + "\",\"request_id\":\"" + requestId() + "\",\"details\":[]}}";
    }

    private void record(long epochMillis, String method, URI uri, String key, int status) {
        arrivals.add(new Arrival(epochMillis, method, uri.getPath(), uri.getRawQuery(), key, status));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
