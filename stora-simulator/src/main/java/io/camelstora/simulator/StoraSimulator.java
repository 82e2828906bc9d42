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
package io.camelstora.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.api.ApiCall;
import io.camelstora.simulator.api.ApiRoutes;
import io.camelstora.simulator.api.IdempotencyStore;
import io.camelstora.simulator.control.ControlRoutes;
import io.camelstora.simulator.domain.Domain;
import io.camelstora.simulator.domain.EventPublisher;
import io.camelstora.simulator.domain.SeedData;
import io.camelstora.simulator.domain.Store;
import io.camelstora.simulator.limits.PerTokenLimiter;
import io.camelstora.simulator.oauth.OAuthServer;
import io.camelstora.simulator.oauth.Scopes;
import io.camelstora.simulator.support.HttpResult;
import io.camelstora.simulator.support.ImageTokens;
import io.camelstora.simulator.support.Json;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;

/**
 * A stateful, in-memory Stora Public API 2025-09 on a local port: every operation of operations.md, OAuth 2,
 * per-token rate limits, idempotency, signed webhooks with retries, fault injection and a request journal.
 *
 * <pre>{@code
 * try (StoraSimulator sim = StoraSimulator.start()) {
 *     HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/2025-09/sites"))
 *             .header("Authorization", "Bearer " + sim.accessToken()).build();
 *     ...
 * }
 * }</pre>
 *
 * Served on Vert.x core, the HTTP stack camel-platform-http-vertx already brings, so it adds no second server to a
 * Camel test classpath.
 */
public final class StoraSimulator implements AutoCloseable {

    /** The static access token with every scope, unless {@link Builder#accessToken(String)} says otherwise. */
    public static final String DEFAULT_ACCESS_TOKEN = "stora-simulator-token";
    /** An OAuth client registered at start with every scope. */
    public static final String DEFAULT_CLIENT_ID = "stora-simulator-client";
    public static final String DEFAULT_CLIENT_SECRET = "stora-simulator-secret";

    private static final int MAX_LOGGED_BODY = 64 * 1024;

    private final Builder config;
    private final SimulatedClock clock = new SimulatedClock();
    private final Journal journal;
    private final Faults faults = new Faults();
    private final OAuthServer oauth;
    private final PerTokenLimiter rateLimiter;
    private final IdempotencyStore idempotency;
    private final Webhooks webhooks;
    private final Domain domain;
    private final Control control;
    private final ApiRoutes api;
    private final ControlRoutes controlRoutes;
    private final ImageTokens images = new ImageTokens(UUID.randomUUID().toString());
    private final Vertx vertx;
    private HttpServer server;
    private String baseUrl;

    private StoraSimulator(Builder config) {
        this.config = config;
        this.journal = new Journal(config.journalCapacity);
        this.oauth = new OAuthServer(clock, config.tokenLifetime);
        oauth.addStaticToken(config.accessToken, Scopes.ALL);
        oauth.registerClient(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Scopes.ALL);
        this.rateLimiter = config.rateLimited ? new PerTokenLimiter(config.perSecond, config.perMinute, config.rateLimitMode)
                : null;
        this.idempotency = new IdempotencyStore(clock);
        Store store = new Store(SeedData.RANDOM_SEED);
        Domain[] holder = new Domain[1];
        this.webhooks = new Webhooks(config.webhookTimeScale, config.webhookTimeout, faults,
                id -> holder[0].isEndpointEnabled(id));
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(EmittedEvent event, List<Target> targets) {
                webhooks.publish(event, targets);
            }

            @Override
            public void cancelPending(String endpointId) {
                webhooks.cancelPending(endpointId);
            }
        };
        this.domain = new Domain(store, clock, publisher,
                new Domain.Settings(config.allowHttpWebhooks, config.autoReserveOnPayment));
        holder[0] = domain;
        this.control = new Control(domain);
        control.keepUpdatedAtWithinSecond(config.keepUpdatedAtWithinSecond);
        if (!config.latency.isZero()) {
            faults.latency(config.latency);
        }
        clock.onAdvance(control::moveInDue);
        this.api = new ApiRoutes(domain, oauth, rateLimiter, config.perSecond, idempotency, faults::take, images);
        this.controlRoutes = new ControlRoutes(this, this::describe, api);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                // Reset with a large seed holds the state lock for a second or two; that is not a stuck event loop.
                .setMaxEventLoopExecuteTime(30).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
    }

    /** Starts on a random port with the {@link Seed#SMALL} data set and the documented default limits. */
    public static StoraSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    private StoraSimulator listen() {
        try {
            HttpServerOptions options = new HttpServerOptions().setHost(config.host).setPort(config.port);
            if (config.keyStore != null) {
                options.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(config.keyStore.toString())
                        .setPassword(config.keyStorePassword));
            }
            server = vertx.createHttpServer(options)
                    .requestHandler(this::handle)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            throw new IllegalStateException("Interrupted while starting the Stora simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            throw new IllegalStateException("The Stora simulator could not listen on " + config.host + ":" + config.port, e);
        }
        baseUrl = (config.keyStore != null ? "https://" : "http://") + config.host + ":" + server.actualPort();
        domain.core.baseUrl(baseUrl);
        loadSeed();
        return this;
    }

    private void loadSeed() {
        synchronized (domain) {
            SeedData.load(domain, config.seed, images, clock::pin);
        }
    }

    /** {@code http://localhost:<port>} ({@code https} with {@link Builder#https}): API paths ({@code /2025-09/...}) and OAuth paths ({@code /oauth2/...}) are under it. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.actualPort();
    }

    /** A static access token with every scope of https://docs.stora.co/2025-09/guides/authorization. */
    public String accessToken() {
        return config.accessToken;
    }

    /** A new static access token with only these scopes (for 403 tests). */
    public String createAccessToken(Set<String> scopes) {
        return oauth.createStaticToken(scopes);
    }

    /** Revokes any access token; the API then answers 401 {@code invalid_token} for it. */
    public void revokeAccessToken(String token) {
        oauth.revokeAccessToken(token);
    }

    /** Registers an OAuth application for the client-credentials, authorization-code and refresh-token grants. */
    public void registerOAuthClient(String clientId, String clientSecret, Set<String> scopes) {
        oauth.registerClient(clientId, clientSecret, scopes);
    }

    public Journal journal() {
        return journal;
    }

    public Faults faults() {
        return faults;
    }

    public Control control() {
        return control;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public SimulatedClock clock() {
        return clock;
    }

    /**
     * Back to the seed state: data, journal, faults, webhook log and pending retries, idempotency records, rate-limit
     * windows and the clock. Tokens and OAuth clients are kept.
     */
    public void reset() {
        webhooks.reset();
        faults.clear();
        idempotency.clear();
        if (rateLimiter != null) {
            rateLimiter.reset();
        }
        clock.reset();
        loadSeed();
        journal.reset();
    }

    @Override
    public void close() {
        webhooks.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing is best effort: the port is released with the process at the latest.
        }
    }

    /** Every operation served, named {@code <resource>/<action>} as in operations.md (the component's URIs). */
    public List<String> operationNames() {
        return api.operationNames();
    }

    /** Configuration and credentials, as served by {@code GET /_simulator/info}. */
    ObjectNode describe() {
        ObjectNode info = Json.object();
        info.put("base_url", baseUrl);
        info.put("access_token", config.accessToken);
        info.put("client_id", DEFAULT_CLIENT_ID);
        info.put("client_secret", DEFAULT_CLIENT_SECRET);
        info.put("seed", config.seed.toString());
        info.put("rate_limit",
                config.rateLimited ? config.perSecond + "/s, " + config.perMinute + "/min, " + config.rateLimitMode
                        : "disabled");
        info.put("token_lifetime_seconds", config.tokenLifetime.toSeconds());
        info.put("webhook_time_scale", config.webhookTimeScale);
        info.put("webhook_timeout_ms", config.webhookTimeout.toMillis());
        info.put("allow_http_webhooks", config.allowHttpWebhooks);
        info.put("auto_reserve_on_payment", config.autoReserveOnPayment);
        info.put("operations", api.operationNames().size());
        return info;
    }

    // ------------------------------------------------------------------ HTTP front

    private void handle(HttpServerRequest request) {
        long started = System.nanoTime();
        request.body().onComplete(body -> {
            byte[] bytes = body.succeeded() && body.result() != null ? body.result().getBytes() : new byte[0];
            ApiCall apiCall = apiCall(request, bytes);
            if (apiCall.path.startsWith(ControlRoutes.PREFIX)) {
                write(request.response(), apiCall, controlRoutes.handle(apiCall), clock.now());
                return;
            }
            Fault latency = faults.take(apiCall.method, apiCall.path, Fault.Kind.LATENCY);
            if (latency != null && !latency.latencyDuration().isZero()) {
                vertx.setTimer(latency.latencyDuration().toMillis(), timer -> answer(request, apiCall, started, latency));
            } else {
                answer(request, apiCall, started, latency);
            }
        });
    }

    private void answer(HttpServerRequest request, ApiCall apiCall, long started, Fault latency) {
        HttpResult result = api.handle(apiCall);
        String fault = latency == null ? apiCall.fault
                : apiCall.fault == null ? latency.toString() : latency + "; " + apiCall.fault;
        int status = 0;
        if (apiCall.drop) {
            request.connection().close();
        } else {
            if (apiCall.replayed) {
                request.response().putHeader("Idempotent-Replayed", "true");
            }
            write(request.response(), apiCall, result, clock.now());
            status = result.status();
        }
        journal.record(new RecordedRequest(apiCall.requestId, Instant.now(), apiCall.method, apiCall.path, apiCall.rawQuery,
                masked(apiCall.headers), apiCall.header("authorization") != null, apiCall.header("idempotency-key"),
                apiCall.body.length > MAX_LOGGED_BODY ? apiCall.bodyText().substring(0, MAX_LOGGED_BODY)
                        : apiCall.bodyText(),
                apiCall.operation, status, apiCall.replayed, fault,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
    }

    private static void write(HttpServerResponse response, ApiCall apiCall, HttpResult result, Instant now) {
        response.setStatusCode(result.status());
        // like any HTTP server, on the simulated clock: clients that take the server's time (polling windows, 429
        // resets) then agree with the timestamps of the resources even after clock().advance(...)
        response.putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
        response.putHeader("X-Request-Id", apiCall.requestId);
        if (result.contentType() != null) {
            response.putHeader("Content-Type", result.contentType());
        }
        result.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(result.body()));
    }

    private static ApiCall apiCall(HttpServerRequest request, byte[] body) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : request.params().names()) {
            // Repeated parameters (status=a&status=b) mean the same as a comma-separated list.
            query.put(name, String.join(",", request.params().getAll(name)));
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.headers()
                .forEach(header -> headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(header.getValue()));
        return new ApiCall(UUID.randomUUID().toString(), request.method().name(), request.path(), request.query(), query,
                headers, body);
    }

    private static Map<String, List<String>> masked(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new HashMap<>(headers);
        if (copy.containsKey("authorization")) {
            String value = copy.get("authorization").get(0);
            int space = value.indexOf(' ');
            copy.put("authorization", List.of((space > 0 ? value.substring(0, space + 1) : "") + "***"));
        }
        return copy;
    }

    /** Options; defaults are those of the real API where it documents them. */
    public static final class Builder {
        private int port;
        private String host = "localhost";
        private Seed seed = Seed.SMALL;
        private boolean rateLimited = true;
        private int perSecond = 10;
        private int perMinute = 60;
        private RateLimitMode rateLimitMode = RateLimitMode.SLIDING_WINDOW;
        private Duration tokenLifetime = Duration.ofHours(2);
        private double webhookTimeScale = 1.0;
        private Duration webhookTimeout = Duration.ofSeconds(20);
        private boolean allowHttpWebhooks = true;
        private boolean autoReserveOnPayment;
        private String accessToken = DEFAULT_ACCESS_TOKEN;
        private int journalCapacity = 10_000;
        private boolean keepUpdatedAtWithinSecond;
        private Duration latency = Duration.ZERO;
        private Path keyStore;
        private String keyStorePassword;

        private Builder() {
        }

        /**
         * Serves HTTPS instead of HTTP, with the certificate and key of a PKCS#12 key store: for tests of a client's
         * trust store, with a certificate the JVM does not trust.
         */
        public Builder https(Path pkcs12KeyStore, String password) {
            this.keyStore = pkcs12KeyStore;
            this.keyStorePassword = password;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The interface to bind and the host of {@link StoraSimulator#baseUrl()}; default {@code localhost}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder seed(Seed seed) {
            this.seed = seed;
            return this;
        }

        /** Per-token limits; default 10 per second and 60 per minute (https://docs.stora.co/2025-09/guides/requests). */
        public Builder rateLimit(int perSecond, int perMinute) {
            this.rateLimited = true;
            this.perSecond = perSecond;
            this.perMinute = perMinute;
            return this;
        }

        public Builder rateLimitDisabled() {
            this.rateLimited = false;
            return this;
        }

        /** Default {@link RateLimitMode#SLIDING_WINDOW}, the strictest reading of the documented limits. */
        public Builder rateLimitMode(RateLimitMode mode) {
            this.rateLimitMode = mode;
            return this;
        }

        /** Lifetime of OAuth access tokens; default 2 hours ({@code expires_in: 7200}). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Multiplies the retry delays (1 min ... 12 h); 0.001 makes 1 minute 60 ms. Default 1 (real time). */
        public Builder webhookTimeScale(double scale) {
            if (scale <= 0) {
                throw new IllegalArgumentException("The time scale must be positive");
            }
            this.webhookTimeScale = scale;
            return this;
        }

        /** Per-attempt timeout of webhook deliveries; default 20 seconds, not scaled. */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = timeout;
            return this;
        }

        /** Accept {@code http://} webhook URLs (default true; the real API requires {@code https://}). */
        public Builder allowHttpWebhooks(boolean allow) {
            this.allowHttpWebhooks = allow;
            return this;
        }

        /**
         * The operator's auto-reservation setting, applied to every paid order: an available unit of each booked type is
         * reserved (occupied for a tenancy that starts now) as the order completes. Default false, as for the orders
         * of an integration on the real API: "Auto-reservation only applies to bookings made through the operator's
         * storefront. Orders created via the API do not trigger auto-reservation" (https://docs.stora.co/2025-09/guides/allocations-and-access); the
         * integration reserves units itself (units/reserve, units/grant_access). Turn it on only to play storefront
         * bookings, or where a test is about what happens after allocation.
         */
        public Builder autoReserveOnPayment(boolean autoReserve) {
            this.autoReserveOnPayment = autoReserve;
            return this;
        }

        /** The value of the static all-scopes token; default {@value StoraSimulator#DEFAULT_ACCESS_TOKEN}. */
        public Builder accessToken(String token) {
            this.accessToken = token;
            return this;
        }

        /** How many requests the journal keeps (counters are never truncated); default 10,000. */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        /** See {@link Control#keepUpdatedAtWithinSecond(boolean)}; default false. */
        public Builder keepUpdatedAtWithinSecond(boolean keep) {
            this.keepUpdatedAtWithinSecond = keep;
            return this;
        }

        /**
         * Answers every API request this much later, as a distant or loaded server would: a {@link Fault#latency}
         * for every request, set at start (and cleared like any fault by {@link StoraSimulator#reset()}). Default 0.
         */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative");
            }
            this.latency = latency;
            return this;
        }

        public StoraSimulator start() {
            return new StoraSimulator(this).listen();
        }
    }
}
