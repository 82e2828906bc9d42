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
package io.camelstora.component.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.camelstora.component.StoraTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;

/**
 * A CamelContext with a real HTTP server behind the platform-http SPI (Vert.x, as on camel-main), a stora component
 * pointing at WireMock, and a JDK HTTP client posting deliveries signed as https://docs.stora.co/2025-09/guides/webhooks says, with an HMAC
 * computed independently of the class under test.
 */
public abstract class WebhookTestSupport extends StoraTestSupport {

    public static final String SECRET = StoraWebhookVerifierTest.SECRET;
    public static final String OTHER_SECRET = StoraWebhookVerifierTest.OTHER_SECRET;

    protected final int port = AvailablePortFinder.getNextAvailable();
    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A payload as Stora sends it; {@code resourceJson} is the object under event.data.&lt;key&gt;. */
    public static String event(String id, String type, String resourceJson) {
        String key = type.substring(0, type.indexOf('.'));
        return "{\"event\":{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"api_version\":\"2025-09\","
                + "\"created_at\":\"2025-01-15T10:30:00Z\",\"data\":{\"" + key + "\":" + resourceJson + "},"
                + "\"meta\":{\"curies\":[]}}}";
    }

    /** The X-Stora-Signature of {@code body} signed with {@code secret} at {@code timestamp}. */
    public static String signature(String secret, Instant timestamp, String body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + StoraWebhookVerifierTest.hmac(secret, t + "." + body);
    }

    /** POSTs {@code body} to {@code path} signed now with {@code secret}. */
    protected HttpResponse<String> deliver(String path, String secret, String body) throws IOException, InterruptedException {
        return postDelivery(path, body, signature(secret, Instant.now(), body), "req_" + System.nanoTime());
    }

    protected HttpResponse<String> postDelivery(String path, String body, String signature, String requestId)
            throws IOException, InterruptedException {
        return http.send(deliveryRequest(url(path), body, signature, requestId), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code body} to {@code url} as Stora sends it; {@code signature} and {@code requestId} may be null. */
    static HttpRequest deliveryRequest(String url, String body, String signature, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Stora-Webhooks/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Stora-Signature", signature);
        }
        if (requestId != null) {
            request.header("X-Stora-Request-Id", requestId);
        }
        return request.build();
    }

    /** The event ids a {@code JdbcMessageIdRepository} named {@code processorName} holds, sorted. */
    static List<String> storedIds(DataSource dataSource, String processorName) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? ORDER BY messageId")) {
            select.setString(1, processorName);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
